using System.Text.Json;
using MarginRules.Assessment;
using MarginRules.Cli.Simulation;
using MarginRules.Tests.Cli;

namespace MarginRules.Tests.Examples;

/// <summary>
/// The procyclical-versus-floored scenario (docs/policies/procyclical.md): the generated portfolios, both populations
/// healthy before the shock, and the procyclical haircut amplifying the same shock more than the floored one.
/// </summary>
public sealed class ProcyclicalScenarioTests
{
    private static readonly string MarketPath = TestData.ExamplePath("markets", "procyclical.json");
    private static readonly string Scenario = TestData.ExamplePath("scenarios", "procyclical-vs-floored.json");

    [Fact]
    public void The_checked_in_portfolios_are_what_the_generator_makes()
    {
        var regenerate = Environment.GetEnvironmentVariable("MARGINRULES_REGENERATE_EXAMPLES") == "1";
        foreach (var (file, json) in ProcyclicalPortfolios.All())
        {
            var path = regenerate ? Path.Combine(RepositoryRoot(), "examples", "portfolios", file) : TestData.ExamplePath("portfolios", file);
            if (regenerate) File.WriteAllText(path, json);
            File.ReadAllText(path).Replace("\r\n", "\n").ShouldBe(json, file);
        }
    }

    [Theory]
    [InlineData("procyclical-haircuts.json")]
    [InlineData("floored-haircuts.json")]
    public void Every_fund_is_healthy_before_the_shock(string venueFile)
    {
        var market = SimulationMarketFile.Load(MarketPath);
        var venue = VenueFile.Load(TestData.ExamplePath("venues", venueFile), market);
        var quotes = market.Quotes(market.StartPrices);

        venue.Accounts.Count.ShouldBe(100);
        foreach (var account in venue.Accounts)
        {
            venue.Policy.Evaluate(account, quotes).Status.ShouldBe(MarginStatus.Healthy, account.Id);
        }
    }

    [Fact]
    public void The_market_file_turns_on_the_EWMA_volatility_estimate()
    {
        var market = SimulationMarketFile.Load(MarketPath);

        market.Volatility.ShouldNotBeNull();
        market.Volatility.Lambda.ShouldBe(0.7m);
        market.Volatility.Scale.ShouldBe(4m);
    }

    [Fact]
    public void A_volatility_estimate_with_lambda_above_one_is_reported_at_its_place()
    {
        const string json = """{ "assets": { "RISK": { "price": 100 } }, "volatility_estimate": { "lambda": 1.5 } }""";

        var error = Should.Throw<MarginRules.Data.DataFormatException>(() => SimulationMarketFile.Parse(json, "m.json"));

        error.Message.ShouldContain("lambda must be from 0 to 1, found 1.5");
        error.Message.ShouldContain("m.json:1:");
    }

    [Fact]
    public void The_procyclical_haircut_amplifies_the_same_shock_more_than_the_floored_one()
    {
        var procyclical = Summary("procyclical-haircuts.json");
        var floored = Summary("floored-haircuts.json");

        // Round 1 for both: RISK 100 → 85 (the −15% gap). EWMA σ² = 0.7 × 0.1² + 0.3 × 0.15² × 4 = 0.034, σ = 18.44%,
        // so the haircut of 2σ is 36.88% under both lenders. The procyclical funds kept 21%–32% of equity (5%–60% over
        // the calm 20%) and fall to (e − 15%) / 85% = 7.1%–20.0%: all 100 deleverage. The floored funds kept 31.5%–48%
        // and fall to 19.4%–38.8%: those below 36.88% (e < 46.3%, i.e. cushion < 54.3%, funds 0–89) deleverage, 90.
        procyclical.GetProperty("accountsLiquidated").GetInt32().ShouldBe(100);
        floored.GetProperty("accountsLiquidated").GetInt32().ShouldBe(90);

        var amplified = procyclical.GetProperty("amplification").GetProperty("RISK").GetDecimal();
        var damped = floored.GetProperty("amplification").GetProperty("RISK").GetDecimal();
        amplified.ShouldBeGreaterThan(1.5m);
        damped.ShouldBeLessThan(1.3m);
        damped.ShouldBeGreaterThan(1m);
    }

    private static JsonElement Summary(string venueFile)
    {
        var (code, output, error) = SimulateTestFiles.Run("simulate", TestData.ExamplePath("venues", venueFile),
            "--market", MarketPath, "--shock", Scenario, "--json");
        (code, error).ShouldBe((0, string.Empty));
        return JsonDocument.Parse(output).RootElement.GetProperty("summary");
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MarginRules.sln"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException("no folder above the test assembly holds MarginRules.sln");
    }
}
