using System.Text.Json;
using MarginRules.Assessment;
using MarginRules.Cli.Simulation;
using MarginRules.Tests.Cli;

namespace MarginRules.Tests.Examples;

/// <summary>The Black Thursday scenario on the MakerDAO ETH-A vaults and the Binance perpetuals (docs/policies.md#black-thursday).</summary>
public sealed class MakerScenarioTests
{
    private static readonly string MarketPath = TestData.ExamplePath("markets", "crypto.json");

    private static string Venue(string name) => TestData.ExamplePath("venues", name);

    /// <summary>
    /// Compares examples/portfolios/maker-vaults.json with <see cref="MakerVaultPortfolio"/>. With
    /// MARGINRULES_REGENERATE_EXAMPLES=1 it first writes the generator's output over the repository's file.
    /// </summary>
    [Fact]
    public void The_checked_in_vaults_are_what_the_generator_makes()
    {
        var json = MakerVaultPortfolio.Json();
        var regenerate = Environment.GetEnvironmentVariable("MARGINRULES_REGENERATE_EXAMPLES") == "1";
        var path = regenerate ? Path.Combine(RepositoryRoot(), "examples", "portfolios", "maker-vaults.json") : TestData.ExamplePath("portfolios", "maker-vaults.json");
        if (regenerate) File.WriteAllText(path, json);
        File.ReadAllText(path).Replace("\r\n", "\n").ShouldBe(json);
    }

    [Fact]
    public void Every_vault_is_safe_at_the_starting_price()
    {
        // The lowest designed ratio is 150% + 250% × 0.0025² = 150.0016%, above the 145% liquidation ratio.
        var market = SimulationMarketFile.Load(MarketPath);
        var venue = VenueFile.Load(Venue("maker-eth-a.json"), market);
        var quotes = market.Quotes(market.StartPrices);

        venue.Accounts.Count.ShouldBe(MakerVaultPortfolio.Vaults);
        foreach (var account in venue.Accounts)
        {
            venue.Policy.Evaluate(account, quotes).Status.ShouldBe(MarginStatus.Healthy, account.Id);
        }
    }

    [Theory]
    // With 30 steps c = 1.3 × 0.99^30 = 0.9616: every first-wave vault has V / D ≥ 1.5 × 0.75 = 1.125 > 1 / c = 1.04,
    // so its lot covers its debt and there is no bad debt. With 60 steps c = 0.7113 and 1 / c = 1.406 > 1.125: the
    // vaults designed below 1.406 / 0.75 = 187.5% leave a deficit.
    [InlineData("maker-eth-a.json", 30, false)]
    [InlineData("maker-eth-a-slow-keepers.json", 60, true)]
    public void The_first_wave_liquidates_the_vaults_below_193_percent_and_leaves_the_hand_computed_bad_debt(string venueFile, int steps, bool deficit)
    {
        var (code, output, error) = SimulateTestFiles.Run("simulate", Venue(venueFile), "--market", MarketPath,
            "--shock", TestData.ExamplePath("scenarios", "black-thursday.json") + "#black-thursday-two-step", "--json");

        (code, error).ShouldBe((0, string.Empty));
        var root = JsonDocument.Parse(output).RootElement;
        var first = root.GetProperty("rounds")[0];

        // 0.75 × 0.76 − 1 = −0.43: ETH −25% then −24%. Round 1 marks ETH at 3,000 × 0.75 = 2,250.
        root.GetProperty("summary").GetProperty("initialShock").GetProperty("ETH").GetDecimal().ShouldBe(-0.43m);
        first.GetProperty("prices").GetProperty("ETH").GetDecimal().ShouldBe(2_250m);

        // Unsafe at 2,250 when collateral × 2,250 / 1.45 < debt, i.e. a designed ratio below 1.45 / 0.75 = 193.3%:
        // 1.5 + 2.5 × ((i + 0.5) / 200)² < 1.9333 ⇔ i ≤ 82, so vaults 1–83 (checked here on the generated amounts).
        // The auction clears at 1.3 × 0.99^steps of the mark (the venue's auction_time / 90 s). Each vault of value V
        // and debt D gives up min(V, D × 1.13 / clearing) of collateral (clip.sol take: tab / price); what the keeper
        // pays for it repays the debt before the penalty, so the vault repays min(D, V × clearing) and the debt it
        // cannot repay, Maker's deficit D − V × clearing, is the round's bad debt.
        var clearing = 1.3m;
        for (var k = 0; k < steps; k++) clearing *= 0.99m;
        var vaults = Vaults().Select(v => (Value: v.Eth * 2_250m, v.Debt)).Where(v => v.Value / 1.45m < v.Debt).ToList();
        var seized = vaults.Sum(v => Math.Min(v.Value, v.Debt * 1.13m / clearing));
        var badDebt = vaults.Sum(v => Math.Max(0m, v.Debt - (v.Value * clearing)));

        vaults.Count.ShouldBe(83);
        first.GetProperty("liquidations").GetInt32().ShouldBe(83);
        first.GetProperty("liquidatedNotional").GetProperty("ETH").GetDecimal().ShouldBe(seized, 0.000001m);
        first.GetProperty("badDebt").GetDecimal().ShouldBe(badDebt, 0.000001m);
        (badDebt > 0m).ShouldBe(deficit);
    }

    [Fact]
    public void The_documented_run_empties_the_surplus_buffer_and_writes_its_report()
    {
        // docs/policies.md#black-thursday. With slow keepers (c = 1.3 × 0.99^60 = 0.7113 ≤ 1.13 / 1.45) every vault of
        // the first wave loses all its collateral and repays min(D, V × c) of its debt: by the hand sum of the test
        // above, the round's bad debt is more than the 1,000,000 buffer plus the penalties paid from the vaults
        // that cover their debt, so the buffer is empty after round 1.
        var report = Path.Combine(Path.GetTempPath(), "marginrules-bt-" + Guid.NewGuid().ToString("N"), "black-thursday.html");
        try
        {
            var (code, output, error) = SimulateTestFiles.Run("simulate", Venue("maker-eth-a-slow-keepers.json"), Venue("binance-perps.json"),
                "--market", MarketPath, "--shock", TestData.ExamplePath("scenarios", "black-thursday.json") + "#black-thursday-two-step",
                "--report", report, "--json");

            (code, error).ShouldBe((0, string.Empty));
            var root = JsonDocument.Parse(output).RootElement;
            root.GetProperty("rounds")[0].GetProperty("insuranceFunds").GetProperty("maker").GetDecimal().ShouldBe(0m);
            root.GetProperty("summary").GetProperty("socializedLoss").GetDecimal().ShouldBeGreaterThan(0m);

            // Both venues sell ETH into the same square-root impact, so ETH ends below the shock's −43%.
            root.GetProperty("summary").GetProperty("finalMove").GetProperty("ETH").GetDecimal().ShouldBeLessThan(-0.43m);
            File.ReadAllText(report).ShouldContain("black-thursday-two-step");
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(report)!, recursive: true);
        }
    }

    private static IEnumerable<(decimal Eth, decimal Debt)> Vaults() =>
        JsonDocument.Parse(MakerVaultPortfolio.Json()).RootElement.GetProperty("accounts").EnumerateArray().Select(a =>
            (a.GetProperty("holdings")[0].GetProperty("quantity").GetDecimal(), a.GetProperty("debts")[0].GetProperty("quantity").GetDecimal()));

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "MarginRules.sln"))) return folder.FullName;
        }

        throw new DirectoryNotFoundException("no folder above the test assembly holds MarginRules.sln");
    }
}
