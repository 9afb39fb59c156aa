using MarginRules.Accounts;

namespace MarginRules.Tests.Examples;

/// <summary>
/// examples/policies/binance-usdm.margin: liquidation prices of isolated and cross positions through
/// <c>eval --liquidation-price</c>, and the ADL ranking, against PUBLISHED.md, "Exchange perpetual futures".
/// </summary>
public sealed class BinanceUsdmPolicyTests : IDisposable
{
    private static readonly MarginPolicy Policy = MarginPolicy.Compile(TestData.ExamplePolicy("binance-usdm.margin"), "binance-usdm.margin");

    private readonly PerpetualPolicyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void The_bracket_table_is_the_published_one_and_follows_the_recurrence()
    {
        // PUBLISHED.md [P]: the ten 2021 BTCUSDT brackets (floor, MMR, cum); [D] cum_n = floor_n × (MMR_n − MMR_{n−1}) + cum_{n−1}.
        var published = new (decimal Floor, decimal Rate, decimal Cum)[]
        {
            (0m, 0.004m, 0m), (50_000m, 0.005m, 50m), (250_000m, 0.01m, 1_300m), (1_000_000m, 0.025m, 16_300m),
            (10_000_000m, 0.05m, 266_300m), (20_000_000m, 0.10m, 1_266_300m), (50_000_000m, 0.125m, 2_516_300m),
            (100_000_000m, 0.15m, 5_016_300m), (200_000_000m, 0.25m, 25_016_300m), (300_000_000m, 0.50m, 100_016_300m),
        };
        var table = Policy.Checked.Tables.Single(t => t.Name == "btcusdt");
        var rate = table.ColumnIndex("rate");
        var amount = table.ColumnIndex("amount");
        table.Rows.Count.ShouldBe(published.Length);
        for (var n = 0; n < published.Length; n++)
        {
            table.LowerBounds[n].ShouldBe(published[n].Floor);
            ((decimal)table.Rows[n][rate]).ShouldBe(published[n].Rate);
            ((decimal)table.Rows[n][amount]).ShouldBe(published[n].Cum);
            var recurrence = n == 0 ? 0m : (published[n].Floor * (published[n].Rate - published[n - 1].Rate)) + published[n - 1].Cum;
            ((decimal)table.Rows[n][amount]).ShouldBe(recurrence, $"bracket {n + 1}");
        }
    }

    [Fact]
    public void Isolated_legs_are_liquidated_in_both_directions_across_a_bracket_boundary()
    {
        // Hedge mode, both legs isolated, marked at 50,000; wallet 60,000 of which 27,000 is isolated.
        // PUBLISHED.md: LP = (WB + cum − side·Q·EP) / (Q·MMR − side·Q) with WB the position's isolated margin, the
        // bracket being the one at the LP.
        // Long 5 from 52,000, WB 15,000: entry notional 260,000 is bracket 3, but with bracket 3 the LP would be
        // (15,000 + 1,300 − 260,000) / (0.05 − 5) = 49,232.32 (notional 246,162, not bracket 3); with bracket 2 (0.5%, 50):
        // (15,000 + 50 − 260,000) / (0.025 − 5) = 49,236.1809… (notional 246,181, bracket 2 holds). At 49,236.18 the
        // balance 15,000 − 5 × 2,763.82 = 1,180.90 < MM 1,180.9045; at 49,236.19 it is 1,180.95 ≥ 1,180.90475.
        // Short 5 from 48,000, WB 12,000: entry notional 240,000 is bracket 2, the LP falls in bracket 3 (1%, 1,300):
        // (12,000 + 1,300 + 240,000) / (0.05 + 5) = 50,158.4158… (notional 250,792 ≥ 250,000). At 50,158.41 the balance
        // 1,207.95 ≥ MM 1,207.9205; at 50,158.42 it is 1,207.90 < 1,207.921.
        var (falling, rising) = _run.LiquidationPrices("binance-usdm.margin",
            """
            { "id": "hedged", "wallet": 60000, "positions": [
              { "symbol": "BTCUSDT", "size": 5, "entry_price": 52000, "isolated": true, "isolated_margin": 15000 },
              { "symbol": "BTCUSDT", "size": -5, "entry_price": 48000, "isolated": true, "isolated_margin": 12000 } ] }
            """,
            """{ "assets": { "BTC": { "price": 50000 }, "BTCUSDT": { "price": 50000 } } }""",
            "BTC");

        falling.ShouldStartWith("Falling 49,236.19 the lowest price not yet liquidatable");
        rising.ShouldStartWith("Rising 50,158.41 the highest price not yet liquidatable");
    }

    [Fact]
    public void The_cross_liquidation_price_ignores_the_margin_of_isolated_positions()
    {
        // Wallet 5,000 of which 3,000 is isolated on an ETHUSDT long that does not move with BTC; cross long 1 BTCUSDT
        // from 40,000. The cross wallet is 5,000 − 3,000 = 2,000, bracket 1 (0.4%, 0):
        // LP = (2,000 − 40,000) / (0.004 − 1) = 38,152.6104…; at 38,152.61 the balance 152.61 < MM 152.61044, at
        // 38,152.62 it is 152.62 ≥ 152.61048. (With the whole wallet it would be (5,000 − 40,000) / −0.996 = 35,140.56.)
        var (falling, rising) = _run.LiquidationPrices("binance-usdm.margin",
            """
            { "id": "mixed", "wallet": 5000, "positions": [
              { "symbol": "ETHUSDT", "size": 10, "entry_price": 2000, "isolated": true, "isolated_margin": 3000 },
              { "symbol": "BTCUSDT", "size": 1, "entry_price": 40000 } ] }
            """,
            """{ "assets": { "BTC": { "price": 40000 }, "BTCUSDT": { "price": 40000 }, "ETHUSDT": { "price": 2000 } } }""",
            "BTC");

        falling.ShouldStartWith("Falling 38,152.62 the lowest price not yet liquidatable");
        rising.ShouldStartWith("Rising none");
    }

    [Fact]
    public void Adl_ranks_profit_times_effective_leverage_and_loss_over_it()
    {
        // ADL FAQ: PnL% × effective leverage in profit, PnL% ÷ effective leverage otherwise; PnL% = upnl ÷ |entry value|,
        // effective leverage = notional ÷ the margin balance backing the position. Marks BTCUSDT 36,000.
        // Cross short 1 from 40,000, wallet 10,000: PnL% 4,000 / 40,000 = 10%, leverage 36,000 / 14,000: 0.1 × 36 / 14.
        // Isolated long 1 from 40,000 with 6,000 of margin (wallet 8,000): PnL% −10%, balance 6,000 − 4,000 = 2,000,
        // leverage 36,000 / 2,000 = 18: −0.1 / 18.
        var market = TestData.Market(("BTCUSDT", 36_000m));
        var shortRank = Policy.Evaluate(TestData.Account("s", 10_000m, positions: [new Position("BTCUSDT", -1m, 40_000m)]), market).AdlRanks!.Single();
        var longRank = Policy.Evaluate(TestData.Account("l", 8_000m, positions: [new Position("BTCUSDT", 1m, 40_000m, true, 6_000m)]), market).AdlRanks!.Single();

        shortRank.ShouldBe(0.1m * 36m / 14m, 0.0000000000001m);
        longRank.ShouldBe(-0.1m / 18m, 0.0000000000001m);
    }
}
