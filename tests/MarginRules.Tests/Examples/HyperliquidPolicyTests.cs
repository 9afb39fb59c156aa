using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade.Shocks;

namespace MarginRules.Tests.Examples;

/// <summary>
/// examples/policies/hyperliquid.margin: liquidation prices through <c>eval --liquidation-price</c> against the
/// published formula (PUBLISHED.md, "Hyperliquid"), and the ADL sorting index in a cascade.
/// </summary>
public sealed class HyperliquidPolicyTests : IDisposable
{
    private static readonly MarginPolicy Policy = MarginPolicy.Compile(TestData.ExamplePolicy("hyperliquid.margin"), "hyperliquid.margin");

    private readonly PerpetualPolicyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void An_isolated_long_falls_to_the_published_formula()
    {
        // PUBLISHED.md: liq = price − side × margin_available / size / (1 − l × side), l = 1 / (2 × 40) = 1.25% for BTC.
        // Isolated long 1 from 100,000 with 5,000 of margin (20x), at 100,000: margin_available = 5,000 − 1,250 = 3,750;
        // liq = 100,000 − 3,750 / 0.9875 = 96,202.5316…. At 96,202.53 the value 1,202.53 < MM 1,202.531625; at
        // 96,202.54 it is 1,202.54 ≥ 1,202.53175. The wallet's other 45,000 does not help an isolated position.
        var (falling, rising) = _run.LiquidationPrices("hyperliquid.margin",
            """{ "id": "long", "wallet": 50000, "positions": [ { "symbol": "BTC-PERP", "size": 1, "entry_price": 100000, "isolated": true, "isolated_margin": 5000 } ] }""",
            """{ "assets": { "BTC": { "price": 100000 }, "BTC-PERP": { "price": 100000 } } }""",
            "BTC");

        falling.ShouldStartWith("Falling 96,202.54 the lowest price not yet liquidatable");
        rising.ShouldStartWith("Rising none");
    }

    [Fact]
    public void A_long_in_the_second_margin_tier_is_liquidated_in_the_first()
    {
        // Isolated long 1,600 BTC-PERP from 100,000 with 20,000,000 of margin: 160,000,000 of notional, above BTC's
        // 150,000,000 bound, so at the mark MM = 160,000,000 × 2.5% − 1,875,000 = 2,125,000. Falling, the position
        // leaves tier 2 at 93,750 (1,600 × 93,750 = 150,000,000) with a value of 10,000,000, far above MM; below it the
        // first tier's 1.25% applies: 20,000,000 + 1,600 (p − 100,000) = 1,600 p × 1.25% gives p = 140,000,000 / 1,580
        // = 88,607.5949…. At 88,607.60 the value 1,772,160 ≥ MM 1,772,152; at 88,607.59 it is 1,772,144 < 1,772,151.80.
        // Tier 2's rate all the way down would give 138,125,000 / 1,560 = 88,541.67 instead.
        var (falling, rising) = _run.LiquidationPrices("hyperliquid.margin",
            """{ "id": "whale", "wallet": 20000000, "positions": [ { "symbol": "BTC-PERP", "size": 1600, "entry_price": 100000, "isolated": true, "isolated_margin": 20000000 } ] }""",
            """{ "assets": { "BTC": { "price": 100000 }, "BTC-PERP": { "price": 100000 } } }""",
            "BTC");

        falling.ShouldStartWith("Falling 88,607.6 the lowest price not yet liquidatable; below it: liquidatable (boundary 88,607.594937");
        rising.ShouldStartWith("Rising none");
    }

    [Fact]
    public void An_isolated_short_rises_to_the_published_formula()
    {
        // ETH 25x: l = 2%. Isolated short 2 from 4,000 with 1,000 of margin, at 4,000: margin_available = 1,000 − 160 = 840;
        // liq = 4,000 + 840 / 2 / 1.02 = 4,411.7647…. At 4,411.76 the value 1,000 − 823.52 = 176.48 ≥ MM 176.4704; at
        // 4,411.77 it is 176.46 < 176.4708.
        var (falling, rising) = _run.LiquidationPrices("hyperliquid.margin",
            """{ "id": "short", "wallet": 1000, "positions": [ { "symbol": "ETH-PERP", "size": -2, "entry_price": 4000, "isolated": true, "isolated_margin": 1000 } ] }""",
            """{ "assets": { "ETH": { "price": 4000 }, "ETH-PERP": { "price": 4000 } } }""",
            "ETH");

        rising.ShouldStartWith("Rising 4,411.76 the highest price not yet liquidatable");
        falling.ShouldStartWith("Falling none");
    }

    [Fact]
    public void Adl_deleverages_the_short_with_the_highest_index_first()
    {
        // BTC −10% to 90,000 with no fund: the long (wallet 2,000, 1 BTC from 100,000) ends at −8,000. Shorts of 1 from
        // 100,000: index (100,000 / 90,000) × (90,000 / value) = 100,000 / value: 100,000 / 110,000 = 0.909 for the
        // 100,000 wallet (listed first) and 100,000 / 20,000 = 5 for the 10,000 wallet. The second is deleveraged by
        // 8,000 / 10,000 of its profit: 0.8 BTC closed, 0.2 BTC short left, its wallet unchanged (the profit went to
        // the bankrupt account); the first is untouched.
        var setup = new CascadeSetup
        {
            Assets = [new AssetSetup("BTC", 100_000m, new LinearImpact(0m))],
            Instruments = [new InstrumentSetup("BTC-PERP", "BTC")],
            Venues =
            [
                new VenueSetup("hyperliquid", Policy,
                [
                    TestData.Account("long", 2_000m, positions: [new Position("BTC-PERP", 1m, 100_000m)]),
                    TestData.Account("short-safe", 100_000m, positions: [new Position("BTC-PERP", -1m, 100_000m)]),
                    TestData.Account("short-lev", 10_000m, positions: [new Position("BTC-PERP", -1m, 100_000m)]),
                ]),
            ],
            Shock = new ShockPath([new Shock(new Dictionary<string, decimal> { ["BTC"] = -0.10m })]),
        };

        var ranks = Policy.Evaluate(setup.Venues[0].Accounts[2], TestData.Market(("BTC-PERP", 90_000m))).AdlRanks!;
        ranks.Single().ShouldBe(5m, 0.0000000000001m);

        var result = CascadeEngine.Run(setup);
        var accounts = result.FinalAccounts["hyperliquid"];
        result.Summary.AdlEvents.ShouldBe(1);
        accounts.Single(a => a.Id == "short-safe").Positions.Single().Size.ShouldBe(-1m);
        accounts.Single(a => a.Id == "short-lev").Positions.Single().Size.ShouldBe(-0.2m);
        accounts.Single(a => a.Id == "long").Wallet.ShouldBe(0m);
    }
}
