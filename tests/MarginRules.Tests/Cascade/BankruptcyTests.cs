using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade.Shocks;

namespace MarginRules.Tests.Cascade;

/// <summary>Deficits that ADL covers only in part, and deficits nobody can cover.</summary>
public sealed class BankruptcyTests
{
    private static MarginPolicy Binance => MarginPolicy.Compile(TestData.ExamplePolicy("binance-btcusdt.margin"), "binance-btcusdt.margin");

    private static Account Long(string id) => TestData.Account(id, 1_000m, positions: [new Position("BTCUSDT", 1m, 40_000m)]);

    private static CascadeSetup Perps(params Account[] accounts) => new()
    {
        Assets = [new AssetSetup("BTC", 40_000m, new LinearImpact(0m))],
        Instruments = [new InstrumentSetup("BTCUSDT", "BTC")],
        Venues = [new VenueSetup("perps", Binance, accounts)],
        Shock = new ShockPath(new Shock(new Dictionary<string, decimal> { ["BTC"] = -0.10m })),
    };

    [Fact]
    public void A_shortfall_that_ADL_covered_does_not_stop_the_socialised_credits_to_the_next()
    {
        // BTC 40,000 → 36,000. Each long closes at a loss of 4,000 and pays the 0.5% fee (180) to the fund:
        // wallets 1,000 − 4,000 − 180 = −3,180 each, fund 0 + 360.
        // Fund: a gets 360 → shortfalls a 2,820, b 3,180.
        // ADL: the short's profit is 1 × 4,000. For a: −1 × 2,820 / 4,000 = −0.705 closed, realising 2,820 (a covered).
        // For b: the rest (−0.295) realises 1,180 → b still needs 2,000.
        // Socialised: 2,000 over the positive wallets winner 10,000 and saver 10,000 → 1,000 each; b is credited 2,000.
        var result = CascadeEngine.Run(Perps(
            Long("a"),
            Long("b"),
            TestData.Account("winner", 10_000m, positions: [new Position("BTCUSDT", -1m, 40_000m)]),
            TestData.Account("saver", 10_000m)));

        result.Rounds[0].InsuranceDrawn.ShouldBe(360m);
        result.Rounds[0].AdlAmount.ShouldBe(4_000m);
        result.Rounds[0].SocializedLoss.ShouldBe(2_000m);
        var wallets = result.FinalAccounts["perps"].ToDictionary(a => a.Id, a => a.Wallet);
        wallets["a"].ShouldBe(0m);
        wallets["b"].ShouldBe(0m);
        wallets["winner"].ShouldBe(9_000m);
        wallets["saver"].ShouldBe(9_000m);
    }

    [Fact]
    public void A_deficit_nobody_can_cover_is_counted_once_and_the_run_reaches_its_fixpoint()
    {
        // The only account closes at −3,180 (as above); the fee of 180 comes back from the fund, and with no other
        // account 3,000 stays uncovered. The emptied account is not liquidated again in round 2, so the run is quiet.
        var result = CascadeEngine.Run(Perps(Long("a")));

        result.Summary.BadDebt.ShouldBe(3_180m);
        result.Summary.AccountsLiquidated.ShouldBe(1);
        result.Rounds.Count.ShouldBe(2);
        result.Rounds[1].Liquidations.ShouldBe(0);
        result.Summary.StopReason.ShouldBe(CascadeStopReason.Fixpoint);
        result.FinalAccounts["perps"].Single().Wallet.ShouldBe(-3_000m);
    }
}
