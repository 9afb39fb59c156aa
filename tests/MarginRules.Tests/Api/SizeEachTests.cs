using MarginRules.Accounts;
using MarginRules.Assessment;

namespace MarginRules.Tests.Api;

/// <summary>
/// `size each`: a share of every kept item, evaluated per item and clamped to [0, 1]; the amount is the sum of the
/// shares, and `chunk` caps that total in `by` order. Every case runs on the reference evaluator and on the compiled
/// program, which must give the same instruction.
/// </summary>
public sealed class SizeEachTests
{
    private const string Positions = """
        policy "cut each" currency USD
        equity = account.wallet + sum(p in positions: p.upnl)
        maintenance = sum(p in positions: p.notional) * 10%
        liquidation partial {
          when equity < maintenance
          take p in positions where p.notional > 100_000 USD by p.notional desc
          size each 20%
          penalty 1% to liquidator
        }
        """;

    // BTC +3 from 100,000 at 90,000 (notional 270,000, upnl −30,000), ETH −50 from 3,000 at 3,200 (160,000, −10,000),
    // SOL +200 from 200 at 190 (38,000, −2,000). Equity 10,000 − 42,000 = −32,000 < maintenance 46,800: the rule applies.
    private static readonly Account Book = TestData.Account("book", 10_000m,
        positions: [new Position("SOL", 200m, 200m), new Position("BTC", 3m, 100_000m), new Position("ETH", -50m, 3_000m)]);

    private static readonly Market Marks = TestData.Market(("BTC", 90_000m), ("ETH", 3_200m), ("SOL", 190m));

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Every_kept_position_gives_its_share(bool reference)
    {
        var l = TestData.Liquidate(Positions, Book, Marks, reference);

        // Kept: BTC 270,000 and ETH 160,000 (SOL's 38,000 is not over 100k), so the base is 430,000.
        l.BaseAmount.ShouldBe(430_000m);
        // 20% × 270,000 = 54,000 (0.6 of 3 BTC) and 20% × 160,000 = 32,000 (−10 of −50 ETH): 86,000 in all.
        l.TargetAmount.ShouldBe(86_000m);
        l.Amount.ShouldBe(86_000m);
        l.Steps.Select(s => (s.ItemIndex, s.Symbol, s.Quantity, s.Value)).ShouldBe([(1, "BTC", 0.6m, 54_000m), (2, "ETH", -10m, 32_000m)]);
        // Penalties per item: 1% × 54,000 + 1% × 32,000 = 540 + 320.
        l.Steps.Select(s => s.Penalties.Single().Amount).ShouldBe([540m, 320m]);
        l.Penalties.Single().Amount.ShouldBe(860m);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void A_chunk_caps_the_total_and_is_taken_in_order(bool reference)
    {
        var l = TestData.Liquidate(Positions.Replace("penalty 1% to liquidator", "penalty 1% to liquidator\n  chunk 60_000 USD"), Book, Marks, reference);

        // The shares ask 86,000; the chunk allows 60,000: BTC (first by notional) gives its whole 54,000 share (0.6 BTC),
        // ETH the 6,000 left: −50 × 6,000 / 160,000 = −1.875 ETH.
        l.TargetAmount.ShouldBe(86_000m);
        l.Chunk.ShouldBe(60_000m);
        l.Amount.ShouldBe(60_000m);
        l.Steps.Select(s => (s.Symbol, s.Quantity, s.Value)).ShouldBe([("BTC", 0.6m, 54_000m), ("ETH", -1.875m, 6_000m)]);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Each_share_is_read_per_item_and_clamped(bool reference)
    {
        var policy = Positions.Replace("size each 20%", "size each if p.is_long then 150% else -5%");

        var l = TestData.Liquidate(policy, Book, Marks, reference);

        // BTC (long) asks 150%, clamped to 100%: all 3 BTC, 270,000. ETH (short) asks −5%, clamped to 0: no step.
        l.TargetAmount.ShouldBe(270_000m);
        l.Amount.ShouldBe(270_000m);
        l.Steps.Select(s => (s.Symbol, s.Quantity, s.Value)).ShouldBe([("BTC", 3m, 270_000m)]);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void The_share_may_close_small_items_whole_and_cut_large_ones(bool reference)
    {
        var policy = Positions
            .Replace(" where p.notional > 100_000 USD", string.Empty)
            .Replace("size each 20%", "size each if p.notional > 100_000 USD then 20% else 100%");

        var l = TestData.Liquidate(policy, Book, Marks, reference);

        // Every position is kept (base 468,000): BTC 54,000 and ETH 32,000 as above, SOL whole, 38,000 (200 SOL).
        l.BaseAmount.ShouldBe(468_000m);
        l.Amount.ShouldBe(124_000m);
        l.Steps.Select(s => (s.Symbol, s.Quantity)).ShouldBe([("BTC", 0.6m), ("ETH", -10m), ("SOL", 200m)]);
    }

    private const string Holdings = """
        policy "sell half of each" currency USD
        let collateral = sum(h in holdings: h.value)
        equity = collateral - sum(d in debts: d.value)
        maintenance = collateral * 20%
        liquidation sell {
          when equity < maintenance
          take h in holdings where h.asset != "BTC"
          size each 50%
          penalty 5% to liquidator
        }
        """;

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void A_holding_gives_its_share_of_what_it_can_repay(bool reference)
    {
        // BTC 0.1 × 40,000 = 4,000, USDC 500, ETH 1 × 2,000 = 2,000; debt 6,000 USDC. Collateral 6,500, equity 500 < 1,300.
        var account = TestData.Account("lender", 0m,
            holdings: [new Holding("BTC", 0.1m), new Holding("USDC", 500m), new Holding("ETH", 1m)],
            debts: [new Debt("USDC", 6_000m)]);

        var l = TestData.Liquidate(Holdings, account, TestData.Market(("BTC", 40_000m), ("USDC", 1m), ("ETH", 2_000m)), reference);

        // A holding of value V can repay V / 1.05; half of each: USDC repays 0.5 × 500 / 1.05 and seizes 250 (250 USDC),
        // ETH repays 0.5 × 2,000 / 1.05 and seizes 1,000 (0.5 ETH). BTC is not kept.
        var usdc = 0.5m * (500m / 1.05m);
        var eth = 0.5m * (2_000m / 1.05m);
        l.BaseAmount.ShouldBe(6_000m);
        l.TargetAmount.ShouldBe(usdc + eth);
        l.Amount.ShouldBe(usdc + eth);
        l.Steps.Select(s => (s.Symbol, s.Quantity, s.Seized)).ShouldBe([("USDC", 250m, 250m), ("ETH", 0.5m, 1_000m)]);
        l.Repayments.Single().Value.ShouldBe(usdc + eth);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Holdings_never_repay_more_than_the_debt(bool reference)
    {
        var account = TestData.Account("small debt", 0m,
            holdings: [new Holding("USDC", 500m), new Holding("ETH", 1m)],
            debts: [new Debt("USDC", 1_000m)]);
        var policy = Holdings.Replace("size each 50%", "size each 100%").Replace("collateral * 20%", "collateral * 90%");

        var l = TestData.Liquidate(policy, account, TestData.Market(("USDC", 1m), ("ETH", 2_000m)), reference);

        // Collateral 2,500, equity 1,500 < 2,250. The shares could repay 2,500 / 1.05 = 2,380.95…, more than the debt:
        // the target is the 1,000 of debt. USDC repays 500 / 1.05 and is sold whole; ETH repays the rest, 1,000 − 500 / 1.05,
        // and seizes 1.05 × that = 1,050 − 500 = 550 (0.275 ETH at 2,000).
        l.TargetAmount.ShouldBe(1_000m);
        l.Amount.ShouldBe(1_000m);
        l.Steps.Select(s => s.Symbol).ShouldBe(["USDC", "ETH"]);
        l.Steps[0].Seized.ShouldBe(500m);
        l.Steps[1].Seized.ShouldBe(550m, 0.000000000000001m);
        l.Steps[1].Quantity.ShouldBe(0.275m, 0.000000000000001m);
    }
}
