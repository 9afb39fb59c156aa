using MarginRules.Accounts;
using MarginRules.Assessment;

namespace MarginRules.Tests.Api;

/// <summary>
/// `take … where`: only the items the condition keeps are taken, and for positions the base is their notional alone.
/// Every case runs on the reference evaluator and on the compiled program, which must give the same instruction.
/// </summary>
public sealed class TakeFilterTests
{
    private const string Positions = """
        policy "longs only" currency USD
        equity = account.wallet + sum(p in positions: p.upnl)
        maintenance = sum(p in positions: p.notional) * 10%
        liquidation longs {
          when equity < maintenance
          take p in positions where p.is_long by p.notional desc
          size fraction 50%
          penalty 1% to liquidator
        }
        """;

    // BTC +1 from 30,000 at 25,000 (notional 25,000), ETH −10 from 2,000 at 2,200 (22,000), SOL +100 from 100 at 90 (9,000).
    // upnl −5,000 − 2,000 − 1,000 = −8,000, so equity = 1,000 − 8,000 = −7,000 < maintenance 5,600: the rule applies.
    private static readonly Account Book = TestData.Account("book", 1_000m,
        positions: [new Position("BTC", 1m, 30_000m), new Position("ETH", -10m, 2_000m), new Position("SOL", 100m, 100m)]);

    private static readonly Market Marks = TestData.Market(("BTC", 25_000m), ("ETH", 2_200m), ("SOL", 90m));

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void The_base_is_the_notional_of_the_kept_positions(bool reference)
    {
        var l = TestData.Liquidate(Positions, Book, Marks, reference);

        // The longs BTC 25,000 + SOL 9,000 = 34,000; the short ETH (22,000) is not part of the base.
        l.BaseAmount.ShouldBe(34_000m);
        // 50% × 34,000 = 17,000, all from BTC, the larger long: 1 × 17,000 / 25,000 = 0.68 BTC, penalty 1% × 17,000 = 170.
        l.TargetAmount.ShouldBe(17_000m);
        l.Steps.Select(s => (s.Symbol, s.Quantity, s.Value)).ShouldBe([("BTC", 0.68m, 17_000m)]);
        l.Penalties.Single().Amount.ShouldBe(170m);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Size_all_takes_every_kept_position_and_leaves_the_others(bool reference)
    {
        var l = TestData.Liquidate(Positions.Replace("size fraction 50%", "size all"), Book, Marks, reference);

        // BTC 25,000 then SOL 9,000, each closed whole; ETH is short and stays.
        l.Amount.ShouldBe(34_000m);
        l.Steps.Select(s => (s.ItemIndex, s.Quantity)).ShouldBe([(0, 1m), (2, 100m)]);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void No_kept_position_gives_an_empty_instruction(bool reference)
    {
        var l = TestData.Liquidate(Positions.Replace("where p.is_long", "where p.symbol == \"XRP\""), Book, Marks, reference);

        l.BaseAmount.ShouldBe(0m);
        l.Amount.ShouldBe(0m);
        l.Steps.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Restore_searches_only_the_kept_positions(bool reference)
    {
        // Without the filter, closing 14,117.65 of BTC restores cover (language.md, Liquidation instructions). Kept to
        // ETH alone, closing x of the short keeps equity 6,000 − 1.5% × x (the PnL moves to the wallet, the penalties
        // leave) and lowers maintenance to 7,200 − 10% × x: x = 1,200 / 0.085 = 14,117.647…, rounded up to the cent.
        // ETH's notional is 22,000, so the search can reach it; the base is 22,000.
        const string policy = """
            policy "shorts only" currency USD
            param fee: ratio = 0.5%
            equity = account.wallet + sum(p in positions: p.upnl)
            maintenance = sum(p in positions: p.notional) * 10%
            let cover = if maintenance > 0 then equity / maintenance else 1_000%
            liquidation partial {
              when equity < maintenance
              take p in positions where p.is_short
              size restore cover to 100%
              penalty 1% to liquidator
              penalty fee to insurance
            }
            """;
        var account = TestData.Account("doc", 18_000m, positions: [new Position("BTC", 2m, 30_000m), new Position("ETH", -10m, 2_000m)]);

        var l = TestData.Liquidate(policy, account, TestData.Market(("BTC", 25_000m), ("ETH", 2_200m)), reference);

        l.BaseAmount.ShouldBe(22_000m);
        l.Amount.ShouldBe(14_117.65m);
        // −10 × 14,117.65 / 22,000 of ETH is closed.
        l.Steps.Single().Quantity.ShouldBe(-10m * 14_117.65m / 22_000m);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Holdings_keep_the_debt_as_base_and_sell_only_the_kept_collateral(bool reference)
    {
        const string policy = """
            policy "no BTC sales" currency USD
            let collateral = sum(h in holdings: h.value)
            equity = collateral - sum(d in debts: d.value)
            maintenance = collateral * 20%
            liquidation sell {
              when equity < maintenance
              take h in holdings where h.asset != "BTC"
              size all
              penalty 5% to liquidator
            }
            """;
        // BTC 0.1 × 40,000 = 4,000, USDC 500, ETH 1 × 2,000 = 2,000; debt 6,000 USDC. Collateral 6,500, equity 500 < 1,300.
        var account = TestData.Account("lender", 0m,
            holdings: [new Holding("BTC", 0.1m), new Holding("USDC", 500m), new Holding("ETH", 1m)],
            debts: [new Debt("USDC", 6_000m)]);

        var l = TestData.Liquidate(policy, account, TestData.Market(("BTC", 40_000m), ("USDC", 1m), ("ETH", 2_000m)), reference);

        // The base is the whole debt, 6,000; the kept collateral can repay only 500 / 1.05 + 2,000 / 1.05 of it.
        l.BaseAmount.ShouldBe(6_000m);
        l.TargetAmount.ShouldBe(6_000m);
        l.Amount.ShouldBe(500m / 1.05m + 2_000m / 1.05m);
        l.Steps.Select(s => (s.Symbol, s.Seized)).ShouldBe([("USDC", 500m), ("ETH", 2_000m)]);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void The_condition_guards_the_order_key_and_the_prices(bool reference)
    {
        // DOGE is not listed, so its price, notional and order key cannot be read: the filter must leave it unread.
        const string policy = """
            policy "listed only" currency USD
            equity = account.wallet
            maintenance = 100 USD
            liquidation listed {
              when equity < maintenance
              take p in positions where p.symbol != "DOGE" by p.notional desc
              size all
            }
            """;
        var account = TestData.Account("mixed", 0m, positions: [new Position("DOGE", 5m, 1m), new Position("BTC", 1m, 20_000m)]);

        var l = TestData.Liquidate(policy, account, TestData.Market(("BTC", 25_000m)), reference);

        // BTC alone: 1 × 25,000.
        l.BaseAmount.ShouldBe(25_000m);
        l.Steps.Select(s => s.ItemIndex).ShouldBe([1]);
    }
}
