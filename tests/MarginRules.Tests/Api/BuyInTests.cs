using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Api;

/// <summary>
/// `take d in debts`: a buy-in. Each kept debt is bought at the mark with the wallet and returned; the wallet also pays
/// the penalties on the value bought, and may go below 0. The base is the value of the kept debts. Every case runs on
/// the reference evaluator and on the compiled program.
/// </summary>
public sealed class BuyInTests
{
    // The loan (USD) is excluded by `where`; the order key goes through an item function of a debt.
    private const string Policy = """
        policy "buy-in" currency USD
        fn short_value(d: debt): money = d.value
        let shorts = sum(d in debts where d.asset != "USD": d.value)
        equity = account.wallet - sum(d in debts: d.value)
        maintenance = shorts * 30%
        let cover = if maintenance > 0 then equity / maintenance else 1_000%
        liquidation buy_in {
          when equity < maintenance
          take d in debts where d.asset != "USD" by short_value(d) desc
          size restore cover to 100%
          penalty 1% to insurance
        }
        """;

    // A 5,000 loan, short 200 ABC at 50 (10,000) and 1,000 XYZ at 60 (60,000): debts 75,000.
    private static Account Shorts(decimal wallet) => TestData.Account("shorts", wallet,
        debts: [new Debt("USD", 5_000m), new Debt("ABC", 200m), new Debt("XYZ", 1_000m)]);

    private static readonly Market Marks = TestData.Market(("USD", 1m), ("ABC", 50m), ("XYZ", 60m));

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Restore_buys_the_largest_short_in_until_maintenance_is_met(bool reference)
    {
        var account = Shorts(95_000m);

        var l = TestData.Liquidate(Policy, account, Marks, reference);

        // Equity 95,000 − 75,000 = 20,000 < maintenance 30% × 70,000 = 21,000. Buying x of XYZ (the larger short) keeps
        // the debts' value and the wallet moving together, so only the 1% penalty lowers equity: 20,000 − 0.01x =
        // 21,000 − 0.3x ⇔ x = 1,000 / 0.29 = 3,448.2758…, to the nearest cent 3,448.28 (equity 19,965.5172 ≥ 19,965.516).
        l.Target.ShouldBe(LiquidationTarget.Debts);
        // The base is the value of the kept debts, 10,000 + 60,000; the USD loan is not kept.
        l.BaseAmount.ShouldBe(70_000m);
        l.Amount.ShouldBe(3_448.28m);
        l.Repayments.ShouldBeEmpty();
        var step = l.Steps.ShouldHaveSingleItem();
        (step.ItemIndex, step.Symbol, step.Value).ShouldBe((2, "XYZ", 3_448.28m));
        step.Quantity.ShouldBe(3_448.28m / 60m);
        // The wallet pays the value bought and 1% of it: 3,448.28 + 34.4828.
        step.Penalties.Single().Amount.ShouldBe(34.4828m);
        step.Seized.ShouldBe(3_482.7628m);

        var after = LiquidationPlanner.Apply(account, Marks, l);

        after.Wallet.ShouldBe(95_000m - 3_482.7628m);
        after.Debts.Select(d => (d.Asset, d.Quantity)).ShouldBe([("USD", 5_000m), ("ABC", 200m), ("XYZ", 1_000m - 3_448.28m / 60m)]);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void A_buy_in_is_not_capped_at_the_wallet(bool reference)
    {
        var account = Shorts(10_000m);

        var l = TestData.Liquidate(Policy.Replace("size restore cover to 100%", "size all"), account, Marks, reference);

        // Both shorts, largest first: 60,000 and 10,000, each with 1% to insurance: the wallet pays 70,700 from 10,000.
        l.Amount.ShouldBe(70_000m);
        l.Steps.Select(s => (s.Symbol, s.Quantity, s.Value, s.Seized)).ShouldBe([("XYZ", 1_000m, 60_000m, 60_600m), ("ABC", 200m, 10_000m, 10_100m)]);
        l.Penalties.ShouldBe([new PenaltyAmount(PenaltyRecipient.Insurance, 700m)]);

        var after = LiquidationPlanner.Apply(account, Marks, l);

        after.Wallet.ShouldBe(-60_700m);
        after.Debts.Select(d => d.Asset).ShouldBe(["USD"]);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Size_each_takes_a_share_of_every_kept_debt_and_a_chunk_caps_the_total(bool reference)
    {
        var each = Policy.Replace("size restore cover to 100%", "size each if d.asset == \"XYZ\" then 50% else 25%");

        var l = TestData.Liquidate(each, Shorts(95_000m), Marks, reference);

        // 50% of XYZ's 60,000 (30,000, 500 shares) and 25% of ABC's 10,000 (2,500, 50 shares): 32,500 of a 70,000 base.
        l.TargetAmount.ShouldBe(32_500m);
        l.Steps.Select(s => (s.Symbol, s.Quantity, s.Value)).ShouldBe([("XYZ", 500m, 30_000m), ("ABC", 50m, 2_500m)]);

        var chunked = TestData.Liquidate(each.Replace("penalty 1% to insurance", "penalty 1% to insurance\n  chunk 31_000 USD"), Shorts(95_000m), Marks, reference);

        // The chunk allows 31,000: XYZ's whole share, then 1,000 of ABC, 1,000 / 50 = 20 shares.
        chunked.Amount.ShouldBe(31_000m);
        chunked.Steps.Select(s => (s.Symbol, s.Quantity, s.Value)).ShouldBe([("XYZ", 500m, 30_000m), ("ABC", 20m, 1_000m)]);
    }
}
