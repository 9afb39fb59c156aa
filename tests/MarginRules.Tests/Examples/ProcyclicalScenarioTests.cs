using System.Text.Json;
using MarginRules.Assessment;
using MarginRules.Cli.Simulation;
using MarginRules.Tests.Cli;

namespace MarginRules.Tests.Examples;

/// <summary>
/// The procyclical-versus-floored scenario (docs/policies.md#procyclical): the generated portfolios, both populations
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
    public void A_cascade_test_with_lambda_above_one_is_an_input_error_at_the_value()
    {
        using var folder = new TestCommandFolder();
        const string test = """{ "name": "x", "cascade": { "assets": { "STOCK": { "price": 100 }, "USD": { "price": 1 } }, "venues": [ { "name": "b", "accounts": [ { "id": "a" } ] } ], "shock": "STOCK=-40%", "volatility_estimate": { "lambda": 2 } }, "expect": { "summary.rounds": 1 } }""";
        var path = folder.Write("ewma.tests.json", "{\n  \"policy\": \"regt.margin\",\n  \"tests\": [\n    " + test + "\n  ]\n}\n");

        var run = TestCommandRun.Of("test", path);

        // Line 4 holds the test; the column is that of the value 2 (1-based, after the four spaces of indentation).
        var column = ("    " + test).IndexOf("\"lambda\": 2", StringComparison.Ordinal) + 1 + "\"lambda\": ".Length;
        run.Exit.ShouldBe(2);
        run.Out.ShouldBe(string.Empty);
        run.Error.ShouldStartWith($"{path}:4:{column}: error: lambda must be from 0 to 1, found 2");
    }

    [Fact]
    public void The_procyclical_haircut_amplifies_the_same_shock_more_than_the_floored_one()
    {
        var (code, output, error) = SimulateTestFiles.Run("simulate",
            TestData.ExamplePath("venues", "procyclical-haircuts.json"), TestData.ExamplePath("venues", "floored-haircuts.json"),
            "--market", MarketPath, "--shock", Scenario, "--json");
        (code, error).ShouldBe((0, string.Empty));
        var root = JsonDocument.Parse(output).RootElement;
        var rounds = root.GetProperty("rounds").EnumerateArray().ToList();
        var summary = root.GetProperty("summary");

        // Round 1 for both copies of the asset: 100 → 85 (the −15% gap). EWMA σ² = 0.7 × 0.1² + 0.3 × 0.15² × 4 = 0.034,
        // σ = 18.44%, so the haircut of 2σ is 36.88% under both lenders. The procyclical funds kept 21%–32% of equity
        // (5%–60% over the calm 20%) and fall to (e − 15%) / 85% = 7.1%–20.0%: all 100 deleverage. The floored funds
        // kept 31.5%–48% and fall to 19.4%–38.8%: those below 36.88% (e < 46.3%, i.e. cushion < 54.3%: funds 0–89),
        // 90 of them, deleverage.
        rounds[0].GetProperty("liquidations").GetInt32().ShouldBe(190);

        // Round 2: the procyclical funds' sales moved RISK_PRO by −λ × sold = −2·10⁻⁹ × 56.1M ≈ −11.2%, which lifts
        // σ² to 0.7 × 0.034 + 1.2 × 0.112² ≈ 0.039 (haircut ≈ 39.5%): they all deleverage again. RISK_FLOOR moved
        // −3.7%, σ falls back to ≈ 16% (haircut max(30%, 31.9%)), so no floored fund sells again.
        rounds[1].GetProperty("liquidations").GetInt32().ShouldBe(100);
        var sold = rounds[1].GetProperty("liquidatedNotional");
        (sold.TryGetProperty("RISK_FLOOR", out var floored) ? floored.GetDecimal() : 0m).ShouldBe(0m);
        sold.GetProperty("RISK_PRO").GetDecimal().ShouldBeGreaterThan(0m);

        var amplified = summary.GetProperty("amplification").GetProperty("RISK_PRO").GetDecimal();
        var damped = summary.GetProperty("amplification").GetProperty("RISK_FLOOR").GetDecimal();
        amplified.ShouldBeGreaterThan(1.5m);
        damped.ShouldBeGreaterThan(1m);
        damped.ShouldBeLessThan(1.3m);
        summary.GetProperty("stopReason").GetString().ShouldBe("fixpoint");
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
