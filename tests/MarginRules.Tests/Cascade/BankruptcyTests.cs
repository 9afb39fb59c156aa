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

    private static CascadeSetup Isolated(decimal fund, params Account[] accounts) => new()
    {
        Assets = [new AssetSetup("BTC", 40_000m, new LinearImpact(0m))],
        Instruments = [new InstrumentSetup("BTCUSDT", "BTC")],
        Venues = [new VenueSetup("perps", MarginPolicy.Compile(TestData.ExamplePolicy("binance-usdm.margin"), "binance-usdm.margin"), accounts, fund)],
        Shock = new ShockPath(new Shock(new Dictionary<string, decimal> { ["BTC"] = -0.10m })),
    };

    [Fact]
    public void An_isolated_loss_beyond_its_margin_is_the_fund_s_not_the_cross_wallet_s()
    {
        // binance-usdm: 10,000 of wallet, 1,000 of it assigned to an isolated 1 BTC long at 40,000. At 36,000 the
        // isolated balance is 1,000 − 4,000 = −3,000 < its maintenance, so the isolated rule closes it; the fee is
        // capped by the remaining margin, here nothing (clearance_rate of a negative balance is 0). The wallet first
        // takes the whole loss, 10,000 − 4,000 = 6,000; the 3,000 beyond the isolated margin is bad debt, which the
        // fund (5,000) pays back into the wallet: 9,000 = the wallet less the isolated margin, as on Binance.
        var trader = TestData.Account("t", 10_000m, positions: [new Position("BTCUSDT", 1m, 40_000m, Isolated: true, IsolatedMargin: 1_000m)]);
        var result = CascadeEngine.Run(Isolated(5_000m, trader));

        result.Rounds[0].Liquidations.ShouldBe(1);
        result.Summary.BadDebt.ShouldBe(3_000m);
        result.Summary.InsuranceDrawn.ShouldBe(3_000m);
        result.Rounds[^1].InsuranceFunds["perps"].ShouldBe(2_000m);
        var after = result.FinalAccounts["perps"].Single();
        after.Positions.ShouldBeEmpty();
        after.Wallet.ShouldBe(9_000m);
    }

    [Fact]
    public void An_isolated_shortfall_the_fund_cannot_cover_goes_on_to_socialised_loss()
    {
        // As above with a fund of 1,000: the fund pays 1,000 and 2,000 is left. No position is in profit, so ADL
        // closes nothing and the 2,000 is socialised over the positive wallets of the other accounts: the saver's
        // 50,000 pays all of it. The trader ends at 6,000 + 1,000 + 2,000 = 9,000 again, the saver at 48,000.
        var trader = TestData.Account("t", 10_000m, positions: [new Position("BTCUSDT", 1m, 40_000m, Isolated: true, IsolatedMargin: 1_000m)]);
        var result = CascadeEngine.Run(Isolated(1_000m, trader, TestData.Account("saver", 50_000m)));

        result.Summary.BadDebt.ShouldBe(3_000m);
        result.Summary.InsuranceDrawn.ShouldBe(1_000m);
        result.Summary.SocializedLoss.ShouldBe(2_000m);
        var wallets = result.FinalAccounts["perps"].ToDictionary(a => a.Id, a => a.Wallet);
        wallets["t"].ShouldBe(9_000m);
        wallets["saver"].ShouldBe(48_000m);
    }

    [Fact]
    public void An_account_owed_an_isolated_shortfall_is_not_deleveraged_to_pay_it()
    {
        // The trader's isolated long closes 3,000 beyond its margin (as above) with an empty fund, while its cross short
        // of 0.5 from 41,000 is 2,500 in profit. ADL must take the 3,000 from someone else's profit, not from the
        // trader's own short: the winner's short of 1 from 40,000 (4,000 in profit) closes 3,000 / 4,000 = 0.75 and
        // its profit goes to the trader, 6,000 + 3,000 = 9,000. (Found by the struct-of-arrays equivalence test,
        // seed 2sBvqiyBG4V1: the record engine never ranked an account owed a shortfall.)
        var trader = TestData.Account("t", 10_000m, positions:
        [
            new Position("BTCUSDT", 1m, 40_000m, Isolated: true, IsolatedMargin: 1_000m),
            new Position("BTCUSDT", -0.5m, 41_000m),
        ]);
        var winner = TestData.Account("w", 10_000m, positions: [new Position("BTCUSDT", -1m, 40_000m)]);
        var result = CascadeEngine.Run(Isolated(0m, trader, winner));

        result.Summary.BadDebt.ShouldBe(3_000m);
        result.Summary.InsuranceDrawn.ShouldBe(0m);
        result.Rounds[0].AdlAmount.ShouldBe(3_000m);
        result.Summary.SocializedLoss.ShouldBe(0m);
        var accounts = result.FinalAccounts["perps"].ToDictionary(a => a.Id);
        accounts["t"].Wallet.ShouldBe(9_000m);
        accounts["t"].Positions.Single().ShouldBe(new Position("BTCUSDT", -0.5m, 41_000m));
        accounts["w"].Positions.Single().Size.ShouldBe(-0.25m);
    }

    [Fact]
    public void A_partial_isolated_close_leaves_the_margin_what_it_realised()
    {
        // LiquidationPlanner.Apply: closing part of an isolated position charges what it realises to the position's
        // margin (margin + PnL − penalties, at least 0), as the position's own balance would. 2 BTC long at 40,000
        // with 3,000 of margin, closing 1 BTC at 39,000 with a 100 fee: 3,000 − 1,000 − 100 = 1,900 stays.
        var account = TestData.Account("t", 10_000m, positions: [new Position("BTCUSDT", 2m, 40_000m, Isolated: true, IsolatedMargin: 3_000m)]);
        var market = TestData.Market(("BTCUSDT", 39_000m));
        var steps = new[] { new MarginRules.Assessment.LiquidationStep(0, "BTCUSDT", 1m, 39_000m, 39_000m, [new MarginRules.Assessment.PenaltyAmount(MarginRules.Language.Syntax.PenaltyRecipient.Insurance, 100m)]) };
        var after = MarginRules.Assessment.LiquidationPlanner.Apply(account, market, MarginRules.Assessment.LiquidationTarget.Positions, steps, []);
        after.Wallet.ShouldBe(10_000m - 1_000m - 100m);
        after.Positions.Single().ShouldBe(new Position("BTCUSDT", 1m, 40_000m, true, 1_900m));
    }
}
