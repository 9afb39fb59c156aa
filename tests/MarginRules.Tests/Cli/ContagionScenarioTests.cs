using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Cascade;
using MarginRules.Cascade.Shocks;
using MarginRules.Cli.Simulation;

namespace MarginRules.Tests.Cli;

/// <summary>
/// The cross-venue contagion scenario (docs/policies.md#contagion): an Aave v3.3 lending venue and a perpetual venue
/// that sell the same WETH. Each venue is run alone and both together, and the liquidations are counted per venue.
/// </summary>
public sealed class ContagionScenarioTests
{
    private static readonly SimulationMarket Market = SimulationMarketFile.Load(TestData.ExamplePath("markets", "contagion.json"));
    private static readonly SimulationVenue Lending = VenueFile.Load(TestData.ExamplePath("venues", "contagion", "lending.json"), Market);
    private static readonly SimulationVenue Perps = VenueFile.Load(TestData.ExamplePath("venues", "contagion", "perps.json"), Market);

    private static readonly ShockPath Shock =
        ScenarioFile.Load(TestData.ExamplePath("scenarios", "cross-venue-contagion.json")).Scenarios.Single().Steps;

    private static CascadeResult Run(params SimulationVenue[] venues) =>
        CascadeEngine.Run(Market.Setup(venues.Select(v => v.Setup).ToArray(), Shock));

    /// <summary>The accounts of a venue whose collateral or positions the run took from, by id.</summary>
    private static string[] Liquidated(CascadeResult result, SimulationVenue venue)
    {
        var final = result.FinalAccounts[venue.Setup.Name].ToDictionary(a => a.Id);
        return venue.Accounts.Where(a => Size(final[a.Id]) < Size(a)).Select(a => a.Id).ToArray();
    }

    private static decimal Size(Account a) => a.Holdings.Sum(h => h.Quantity) + a.Positions.Sum(p => Math.Abs(p.Size));

    [Fact]
    public void The_portfolios_are_the_documented_ladders()
    {
        // docs/policies.md#contagion: borrower k (1…40) holds 100 WETH against round(100 × 3,000 × 86% / HF_k, 2) USDC with
        // HF_k = 1.09 + 0.005 × (k − 1); trader k is long 20 ETHUSDT from 3,000 with a wallet of round(60,000 / L_k, 2),
        // L_k = 4 + 0.25 × (k − 1).
        var lending = Enumerable.Range(1, 40).Select(k => (
            Id: $"lend-{k:00}", Weth: 100m, Usdc: Math.Round(258_000m / (1.09m + 0.005m * (k - 1)), 2, MidpointRounding.AwayFromZero)));
        Lending.Accounts.Select(a => (a.Id, a.Holdings.Single(h => h.Asset == "WETH").Quantity, a.Debts.Single(d => d.Asset == "USDC").Quantity))
            .ShouldBe(lending);

        var perps = Enumerable.Range(1, 40).Select(k => (
            Id: $"perp-{k:00}", Wallet: Math.Round(60_000m / (4m + 0.25m * (k - 1)), 2, MidpointRounding.AwayFromZero), Size: 20m, Entry: 3_000m));
        Perps.Accounts.Select(a => (a.Id, a.Wallet, a.Positions.Single().Size, a.Positions.Single().EntryPrice)).ShouldBe(perps);

        var quotes = Market.Quotes(Market.StartPrices);
        Lending.Accounts.Concat(Perps.Accounts).ShouldAllBe(a =>
            (a.Id.StartsWith("lend", StringComparison.Ordinal) ? Lending : Perps).Policy.Evaluate(a, quotes).Status == MarginStatus.Healthy);
    }

    [Fact]
    public void Alone_the_lending_venue_survives_the_shock()
    {
        // The lowest health factor is 1.09; after −8% it is 1.09 × 0.92 = 1.0028 ≥ 1, and nobody else sells.
        var alone = Run(Lending);

        Liquidated(alone, Lending).ShouldBeEmpty();
        alone.Summary.FinalMove["WETH"].ShouldBe(-0.08m);
    }

    [Fact]
    public void Alone_the_perp_venue_liquidates_the_longs_above_11_9x_then_its_own_selling_takes_more()
    {
        // Binance brackets: at 2,760 a 20 ETH long is 55,200 of notional, MM = 0.5% × 55,200 − 50 = 226. Equity =
        // 60,000 / L + 20 × (2,760 − 3,000) < 226 ⇔ 60,000 / L < 5,026 ⇔ L > 11.94: traders 33…40 (L = 12…13.75).
        var alone = Run(Perps);

        alone.Rounds[0].Liquidations.ShouldBe(8);
        alone.Summary.AdlEvents.ShouldBe(0);
        var liquidated = Liquidated(alone, Perps);
        liquidated.ShouldContain("perp-33");
        // Trader 1 (4x) would need a fall of about 25%.
        liquidated.ShouldNotContain("perp-01");
        // Their closing sells WETH and the price falls below the shock, liquidating more longs than the shock did.
        liquidated.Length.ShouldBeGreaterThan(8);
        alone.Summary.FinalMove["WETH"].ShouldBeLessThan(-0.08m);
    }

    [Fact]
    public void Together_each_venue_liquidates_accounts_that_only_the_other_venues_selling_reached()
    {
        var lendingAlone = Liquidated(Run(Lending), Lending);
        var perpsAloneRun = Run(Perps);
        var perpsAlone = Liquidated(perpsAloneRun, Perps);
        var together = Run(Perps, Lending);
        var lendingTogether = Liquidated(together, Lending);
        var perpsTogether = Liquidated(together, Perps);

        together.Summary.AdlEvents.ShouldBe(0);
        // Every account liquidated alone is liquidated together: the shared price only falls further.
        lendingAlone.ShouldBeSubsetOf(lendingTogether);
        perpsAlone.ShouldBeSubsetOf(perpsTogether);
        // Borrowers liquidated only because the perp venue's closing sold WETH below 3,000 / HF.
        lendingAlone.ShouldBeEmpty();
        lendingTogether.ShouldNotBeEmpty();
        // Longs liquidated only because the borrowers' seized WETH was sold on top.
        perpsTogether.Length.ShouldBeGreaterThan(perpsAlone.Length);
        together.Summary.FinalMove["WETH"].ShouldBeLessThan(perpsAloneRun.Summary.FinalMove["WETH"]);
        together.Summary.AccountsLiquidated.ShouldBe(lendingTogether.Length + perpsTogether.Length);

        // The engine's per-venue counts are the sets read from the final accounts, round by round and in the summary.
        together.Summary.AccountsLiquidatedByVenue[Lending.Setup.Name].ShouldBe(lendingTogether.Length);
        together.Summary.AccountsLiquidatedByVenue[Perps.Setup.Name].ShouldBe(perpsTogether.Length);
        together.Rounds.Sum(r => r.LiquidationsByVenue[Lending.Setup.Name] + r.LiquidationsByVenue[Perps.Setup.Name])
            .ShouldBe(together.Rounds.Sum(r => r.Liquidations));
        together.Rounds.Sum(r => r.BadDebtByVenue[Lending.Setup.Name] + r.BadDebtByVenue[Perps.Setup.Name]).ShouldBe(together.Summary.BadDebt);

        // The liquidated sets are those the lowest mark reached. A borrower is liquidated below its liquidation price
        // debt / (100 WETH × 86%); a 20 ETH long below (60,000 − 50 − wallet) / (20 − 0.5% × 20) = (59,950 − wallet) / 19.9
        // (equity = wallet + 20 × (P − 3,000) < 0.5% × 20 × P − 50, the bracket of 50,000–250,000 of notional).
        var lowest = together.Rounds.Min(r => r.Prices["WETH"]);
        lendingTogether.ShouldBe(Lending.Accounts.Where(a => a.Debts.Single().Quantity / 86m > lowest).Select(a => a.Id));
        perpsTogether.ShouldBe(Perps.Accounts.Where(a => (59_950m - a.Wallet) / 19.9m > lowest).Select(a => a.Id));
    }
}
