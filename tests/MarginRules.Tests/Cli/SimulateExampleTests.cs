using System.Text.Json;
using MarginRules.Assessment;
using MarginRules.Cli.Simulation;

namespace MarginRules.Tests.Cli;

/// <summary>The bundled simulation examples: portfolios as generated, healthy before the shock, and a demo that spirals.</summary>
public sealed class SimulateExampleTests
{
    private static readonly string MarketPath = TestData.ExamplePath("markets", "crypto.json");

    private static string Venue(string name) => TestData.ExamplePath("venues", name);

    /// <summary>
    /// Compares the checked-in portfolios with the generator's output. With MARGINRULES_REGENERATE_EXAMPLES=1 it first
    /// writes the generator's output over the files in the repository's examples/portfolios (docs/cli.md, "Bundled examples").
    /// </summary>
    [Fact]
    public void The_checked_in_portfolios_are_what_the_generator_makes()
    {
        var regenerate = Environment.GetEnvironmentVariable("MARGINRULES_REGENERATE_EXAMPLES") == "1";
        foreach (var (file, json) in SimulateExamplePortfolios.All())
        {
            var path = regenerate ? Path.Combine(RepositoryRoot(), "examples", "portfolios", file) : TestData.ExamplePath("portfolios", file);
            if (regenerate) File.WriteAllText(path, json);
            File.ReadAllText(path).Replace("\r\n", "\n").ShouldBe(json, file);
        }
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MarginRules.sln"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException("no folder above the test assembly holds MarginRules.sln");
    }

    [Theory]
    [InlineData("binance-perps.json", 300)]
    [InlineData("aave-lending.json", 300)]
    [InlineData("regt-broker.json", 200)]
    public void Every_example_account_is_healthy_before_the_shock(string venueFile, int accounts)
    {
        var market = SimulationMarketFile.Load(MarketPath);
        var venue = VenueFile.Load(Venue(venueFile), market);
        var quotes = market.Quotes(market.StartPrices);

        venue.Accounts.Count.ShouldBe(accounts);
        foreach (var account in venue.Accounts)
        {
            venue.Policy.Evaluate(account, quotes).Status.ShouldBe(MarginStatus.Healthy, account.Id);
        }
    }

    [Fact]
    public void The_demo_spirals_across_several_rounds()
    {
        var report = Path.Combine(Path.GetTempPath(), "marginrules-demo-" + Guid.NewGuid().ToString("N"), "report.html");
        try
        {
            var (code, output, error) = SimulateTestFiles.Run("simulate", Venue("binance-perps.json"), Venue("aave-lending.json"),
                "--market", MarketPath, "--shock", "BTC=-20%,ETH=-25%", "--report", report, "--json");

            (code, error).ShouldBe((0, string.Empty));
            var root = JsonDocument.Parse(output).RootElement;
            var summary = root.GetProperty("summary");

            // A spiral: forced selling takes both shocked assets further than the shock, over several rounds.
            summary.GetProperty("amplification").GetProperty("BTC").GetDecimal().ShouldBeGreaterThan(1.1m);
            summary.GetProperty("amplification").GetProperty("ETH").GetDecimal().ShouldBeGreaterThan(1m);
            summary.GetProperty("stopReason").GetString().ShouldBe("fixpoint");
            root.GetProperty("rounds").EnumerateArray().Count(r => r.GetProperty("liquidations").GetInt32() > 0).ShouldBeGreaterThanOrEqualTo(3);
            File.Exists(report).ShouldBeTrue();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(report)!, recursive: true);
        }
    }

    [Fact]
    public void The_broker_answers_calls_from_reserves_in_its_portfolio()
    {
        var (code, output, _) = SimulateTestFiles.Run("simulate", Venue("regt-broker.json"), "--market", MarketPath, "--shock", "BTC=-20%,ETH=-25%,SOL=-30%", "--rounds", "12", "--json");

        code.ShouldBe(0);
        var rounds = JsonDocument.Parse(output).RootElement.GetProperty("rounds").EnumerateArray().ToArray();
        rounds.Sum(r => r.GetProperty("marginCalls").GetInt32()).ShouldBeGreaterThan(0);
        rounds.Sum(r => r.GetProperty("topUps").GetInt32()).ShouldBeGreaterThan(0);

        // Reg T gives a call 3 rounds (deadline 3): the first sell-outs come in round 4, after the round-1 calls expire.
        rounds.First(r => r.GetProperty("liquidations").GetInt32() > 0).GetProperty("round").GetInt32().ShouldBe(4);
    }

    [Fact]
    public void The_black_thursday_scenario_unfolds_over_five_steps()
    {
        var (code, output, _) = SimulateTestFiles.Run("simulate", Venue("binance-perps.json"), "--market", MarketPath,
            "--shock", TestData.ExamplePath("scenarios", "black-thursday.json") + "#black-thursday", "--json");

        code.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("shock").GetProperty("steps").GetArrayLength().ShouldBe(5);

        // 0.92 × 0.90 × 0.85 × 0.86 × 1.03 − 1 = −0.37657396: the compounded BTC moves of the file's five steps.
        root.GetProperty("summary").GetProperty("initialShock").GetProperty("BTC").GetDecimal().ShouldBe(-0.37657396m);
    }

    [Fact]
    public void A_shock_sweep_of_the_examples_runs()
    {
        var (code, output, _) = SimulateTestFiles.Run("sweep", Venue("binance-perps.json"), Venue("aave-lending.json"),
            "--market", MarketPath, "--shock-range", "BTC=-10%..-30%/10%", "--json");

        code.ShouldBe(0);
        var points = JsonDocument.Parse(output).RootElement.GetProperty("points").EnumerateArray().ToArray();
        points.Length.ShouldBe(3);

        // More shock, more accounts liquidated.
        var liquidated = points.Select(p => p.GetProperty("summary").GetProperty("accountsLiquidated").GetInt32()).ToArray();
        liquidated.ShouldBe(liquidated.Order().ToArray());
        liquidated[2].ShouldBeGreaterThan(liquidated[0]);
    }
}
