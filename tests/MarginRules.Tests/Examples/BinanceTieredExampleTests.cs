using MarginRules.Assessment;
using MarginRules.Accounts;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Examples;

/// <summary>Binance USDⓈ-M BTCUSDT brackets (examples/policies/binance-btcusdt.margin) against PUBLISHED.md, "Exchange perpetual futures".</summary>
public sealed class BinanceTieredExampleTests
{
    private static readonly MarginPolicy Policy = MarginPolicy.Compile(TestData.ExamplePolicy("binance-btcusdt.margin"), "binance-btcusdt.margin");

    [Fact]
    public void The_recurrence_reproduces_every_maintenance_amount()
    {
        // PUBLISHED.md [P]: cum_n = floor_n × (MMR_n − MMR_{n−1}) + cum_{n−1}, cum_1 = 0.
        var table = Policy.Checked.Tables.Single(t => t.Name == "btcusdt");
        var rate = table.ColumnIndex("rate");
        var amount = table.ColumnIndex("amount");
        ((decimal)table.Rows[0][amount]).ShouldBe(0m);
        for (var n = 1; n < table.Rows.Count; n++)
        {
            var expected = table.LowerBounds[n] * ((decimal)table.Rows[n][rate] - (decimal)table.Rows[n - 1][rate]) + (decimal)table.Rows[n - 1][amount];
            ((decimal)table.Rows[n][amount]).ShouldBe(expected, $"bracket {n + 1}");
        }
    }

    [Fact]
    public void The_published_brackets_are_the_ones_in_the_policy()
    {
        // PUBLISHED.md [P]: (cap, MMR, cum) for the ten 2021 BTCUSDT brackets.
        var table = Policy.Checked.Tables.Single(t => t.Name == "btcusdt");
        var published = new (decimal Floor, decimal Rate, decimal Cum)[]
        {
            (0m, 0.004m, 0m), (50_000m, 0.005m, 50m), (250_000m, 0.01m, 1_300m), (1_000_000m, 0.025m, 16_300m),
            (10_000_000m, 0.05m, 266_300m), (20_000_000m, 0.10m, 1_266_300m), (50_000_000m, 0.125m, 2_516_300m),
            (100_000_000m, 0.15m, 5_016_300m), (200_000_000m, 0.25m, 25_016_300m), (300_000_000m, 0.50m, 100_016_300m),
        };
        table.Rows.Count.ShouldBe(published.Length);
        for (var i = 0; i < published.Length; i++)
        {
            table.LowerBounds[i].ShouldBe(published[i].Floor);
            ((decimal)table.Rows[i][0]).ShouldBe(published[i].Rate);
            ((decimal)table.Rows[i][1]).ShouldBe(published[i].Cum);
        }
    }

    [Theory]
    // [D] MM = notional × MMR − cum, with the bracket chosen by notional.
    [InlineData(1, 40_000, 160)]              // 40,000 × 0.4% − 0
    [InlineData(1, 50_000, 200)]              // 50,000 × 0.5% − 50 = 200, equal to 50,000 × 0.4%: MM is continuous
    [InlineData(10, 30_000, 1_700)]           // 300,000 × 1% − 1,300
    [InlineData(100, 50_000, 108_700)]        // 5,000,000 × 2.5% − 16,300
    [InlineData(-20, 40_000, 6_700)]          // short: notional 800,000 × 1% − 1,300
    public void Maintenance_uses_the_bracket_of_the_notional(int size, int mark, int expected)
    {
        var account = TestData.Account("t", 1_000_000m, positions: [new Position("BTCUSDT", size, mark)]);
        Policy.Evaluate(account, TestData.Market(("BTCUSDT", mark))).Maintenance.ShouldBe((decimal)expected);
    }

    [Fact]
    public void A_liquidated_cross_account_pays_the_clearance_fee_to_the_insurance_fund()
    {
        // Wallet 1,000, long 1 BTC from 40,000, mark 39,000: margin balance 1,000 − 1,000 = 0 < MM 156 (39,000 × 0.4%).
        var account = TestData.Account("t", 1_000m, positions: [new Position("BTCUSDT", 1m, 40_000m)]);
        var a = Policy.Evaluate(account, TestData.Market(("BTCUSDT", 39_000m)));

        a.Equity.ShouldBe(0m);
        a.Maintenance.ShouldBe(156m);
        a.Status.ShouldBe(MarginStatus.Liquidatable);
        a.Liquidation!.Amount.ShouldBe(39_000m);
        a.Liquidation.Penalties.Single().ShouldBe(new PenaltyAmount(PenaltyRecipient.Insurance, 195m)); // 0.5% × 39,000
    }
}
