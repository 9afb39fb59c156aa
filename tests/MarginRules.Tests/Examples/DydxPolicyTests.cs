using MarginRules.Accounts;
using MarginRules.Cli.Simulation;
using MarginRules.Evaluation;

namespace MarginRules.Tests.Examples;

/// <summary>
/// examples/policies/dydx-v4.margin: liquidation prices through <c>eval --liquidation-price</c> against
/// PUBLISHED.md, "dYdX v4", and the open-interest-scaled IMF read from the market's open interest.
/// </summary>
public sealed class DydxPolicyTests : IDisposable
{
    private readonly PerpetualPolicyRun _run = new();

    public void Dispose() => _run.Dispose();

    private static MarginPolicy Policy(bool reference = false) =>
        MarginPolicy.Compile(TestData.ExamplePolicy("dydx-v4.margin"), "dydx-v4.margin", new CompileOptions { UseReferenceEvaluator = reference });

    /// <summary>A cross long of 10 SOL-USD from 100.</summary>
    private static Account LongSol(string id) => TestData.Account(id, 10_000m, positions: [new Position("SOL-USD", 10m, 100m)]);

    [Fact]
    public void Two_isolated_subaccounts_give_the_published_3174_60_rising_and_the_long_formula_falling()
    {
        // SOL-USD is Mid-Cap in the policy: MMF = 10% × 50% = 5%. Each subaccount has 1,000 of collateral.
        // PUBLISHED.md [P]: short 3 at 3,000, e = 1,000 → p′ = (1,000 + 9,000) / (0.15 + 3) = 3,174.6031…; the trigger is
        // strict, so 3,174.60 (476.20 ≥ 476.19) is the highest cent not yet liquidatable.
        // [D] the same formula for long 2 at 3,000: p′ = (1,000 − 6,000) / (0.10 − 2) = 2,631.5789…; at 2,631.58 the
        // collateral 1,000 − 2 × 368.42 = 263.16 ≥ MMR 263.158, at 2,631.57 it is 263.14 < 263.157.
        var (falling, rising) = _run.LiquidationPrices("dydx-v4.margin",
            """
            { "id": "two-subaccounts", "wallet": 2000, "positions": [
              { "symbol": "SOL-USD", "size": -3, "entry_price": 3000, "isolated": true, "isolated_margin": 1000 },
              { "symbol": "SOL-USD", "size": 2, "entry_price": 3000, "isolated": true, "isolated_margin": 1000 } ] }
            """,
            """{ "assets": { "SOL": { "price": 3000 }, "SOL-USD": { "price": 3000, "open_interest": 5000 } } }""",
            "SOL");

        falling.ShouldStartWith("Falling 2,631.58 the lowest price not yet liquidatable");
        // The table prints 3,174.60 without its trailing zero.
        rising.ShouldStartWith("Rising 3,174.6 the highest price not yet liquidatable");
    }

    [Fact]
    public void The_cross_price_subtracts_the_other_positions_maintenance()
    {
        // PUBLISHED.md cross formula p′ = (e − s·p − MMR_others) / (|s|·MMF − s): wallet 10,000, short 3 SOL-USD from
        // 3,000, long 1 BTC-USD at 50,000 whose MMR 3% × 50,000 = 1,500 does not move with SOL:
        // (10,000 + 9,000 − 1,500) / 3.15 = 5,555.5555…; at 5,555.55 TNC 2,333.35 ≥ 2,333.3325, at 5,555.56 2,333.32 < 2,333.334.
        var (falling, rising) = _run.LiquidationPrices("dydx-v4.margin",
            """
            { "id": "cross", "wallet": 10000, "positions": [
              { "symbol": "SOL-USD", "size": -3, "entry_price": 3000 },
              { "symbol": "BTC-USD", "size": 1, "entry_price": 50000 } ] }
            """,
            """{ "assets": { "SOL": { "price": 3000 }, "SOL-USD": { "price": 3000, "open_interest": 5000 }, "BTC-USD": { "price": 50000 } } }""",
            "SOL");

        rising.ShouldStartWith("Rising 5,555.55 the highest price not yet liquidatable");
        falling.ShouldStartWith("Falling none");
    }

    [Theory]
    [InlineData(false, 80, 80)]
    [InlineData(false, 100, 280)]
    [InlineData(false, 180, 1800)]
    [InlineData(true, 80, 80)]
    [InlineData(true, 100, 280)]
    [InlineData(true, 180, 1800)]
    public void The_open_notional_moves_with_the_price_across_the_mid_cap_caps(bool reference, decimal price, decimal initial)
    {
        // Mid-Cap SOL-USD (IMF 10%, caps 25M and 50M) with 300,000 SOL of open interest held fixed; long 10 SOL-USD.
        // 80: open notional 24M, scaling (24M − 25M) / 25M = −0.04 < 0 → 10%, 10 × 80 × 10% = 80.
        // 100: 30M, scaling 0.2 → 10% + 0.2 × 90% = 28%, 10 × 100 × 28% = 280.
        // 180: 54M, scaling 1.16 → 10% + 104.4% = 114.4% → capped at 100%, 10 × 180 = 1,800.
        var market = new Market([KeyValuePair.Create("SOL-USD", new AssetQuote(price, 0m, 300_000m))]);

        Policy(reference).Evaluate(LongSol("a"), market).Initial.ShouldBe(initial);
    }

    [Fact]
    public void A_large_cap_market_needs_no_open_interest_and_a_mid_cap_one_does()
    {
        // Large-Cap has no caps, so the policy never reads BTC-USD's open interest: 5% of 50,000 = 2,500.
        var policy = Policy();
        var btc = TestData.Account("btc", 100_000m, positions: [new Position("BTC-USD", 1m, 50_000m)]);
        var market = TestData.Market(("BTC-USD", 50_000m), ("SOL-USD", 100m));

        policy.Evaluate(btc, market).Initial.ShouldBe(2_500m);
        Should.Throw<PolicyEvaluationException>(() => policy.Evaluate(LongSol("sol"), market)).Reason
            .ShouldBe("the market gives no open interest for `SOL-USD`");
    }

    [Fact]
    public void A_simulation_market_gives_an_instrument_its_underlying_assets_open_interest()
    {
        // SOL with 300,000 of open interest at 100, SOL-USD marked on it: open notional 30M → IMF 28% (as above), so
        // long 10 SOL-USD needs 10 × 100 × 28% = 280.
        var market = SimulationMarketFile.Parse("""
            { "assets": { "SOL": { "price": 100, "open_interest": 300000 } }, "instruments": { "SOL-USD": "SOL" } }
            """, "market.json");
        var quotes = market.Quotes(market.StartPrices);

        quotes.OpenInterest("SOL-USD").ShouldBe(300_000m);
        Policy().Evaluate(LongSol("a"), quotes).Initial.ShouldBe(280m);
    }

    [Fact]
    public void Deleveraging_takes_offsetting_profits_in_account_order_not_by_leverage()
    {
        // BTC 100,000 → 90,000, no impact, no insurance fund. The long 1 BTC-USD from 100,000 with 2,000 has TNC
        // 2,000 − 10,000 = −8,000 < MMR 90,000 × 3% = 2,700: closed whole, no fee (no collateral left), 8,000 of
        // deficit. Both shorts of 1 BTC-USD from 100,000 are 10,000 in profit; "calm" (wallet 100,000, leverage 0.8)
        // comes before "levered" (wallet 10,000, leverage 4.5). Binance's ranking would take "levered"; dYdX's
        // deleveraging has no ranking, and with every rank equal the engine goes in account order: "calm" gives up
        // 8,000 / 10,000 = 0.8 BTC, "levered" is untouched, nothing is socialised.
        var setup = new MarginRules.Cascade.CascadeSetup
        {
            Assets = [new MarginRules.Cascade.AssetSetup("BTC", 100_000m, new MarginRules.Cascade.Impact.LinearImpact(0m))],
            Instruments = [new MarginRules.Cascade.InstrumentSetup("BTC-USD", "BTC")],
            Venues =
            [
                new MarginRules.Cascade.VenueSetup("dydx", Policy(),
                [
                    TestData.Account("bankrupt", 2_000m, positions: [new Position("BTC-USD", 1m, 100_000m)]),
                    TestData.Account("calm", 100_000m, positions: [new Position("BTC-USD", -1m, 100_000m)]),
                    TestData.Account("levered", 10_000m, positions: [new Position("BTC-USD", -1m, 100_000m)]),
                ]),
            ],
            Shock = new MarginRules.Cascade.Shocks.ShockPath(new MarginRules.Cascade.Shocks.Shock(new Dictionary<string, decimal> { ["BTC"] = -0.10m })),
        };

        var result = MarginRules.Cascade.CascadeEngine.Run(setup);

        result.Rounds[0].BadDebt.ShouldBe(8_000m);
        result.Rounds[0].AdlEvents.ShouldBe(1);
        result.Summary.SocializedLoss.ShouldBe(0m);
        var sizes = result.FinalAccounts["dydx"].ToDictionary(a => a.Id, a => a.Positions.Sum(p => p.Size));
        sizes["calm"].ShouldBe(-0.2m);
        sizes["levered"].ShouldBe(-1m);
        sizes["bankrupt"].ShouldBe(0m);
    }
}
