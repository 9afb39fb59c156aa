using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Api;

/// <summary>
/// Penalties `after debt` (junior): a holding sold to repay debt pays the senior penalties with the debt, and the
/// juniors only from what it raises beyond them, in proportion to their rates. Every case runs on the reference
/// evaluator and on the compiled program; the numbers are worked out in the comments.
/// </summary>
public sealed class JuniorPenaltyTests
{
    private const string Policy = """
        policy "junior" currency USD
        equity = sum(h in holdings: h.value) - sum(d in debts: d.value)
        maintenance = sum(d in debts: d.value) * 50%
        liquidation sell {
          when equity < maintenance
          take h in holdings by h.value desc
          size all
          penalty 2% to liquidator
          penalty 10% to insurance after debt
          penalty 5% to protocol after debt
        }
        """;

    private static Account Vault(decimal eth) =>
        TestData.Account("v", holdings: [new Holding("ETH", eth)], debts: [new Debt("DAI", 10_000m)]);

    private static LiquidationInstruction Liquidate(decimal eth, decimal price, bool reference) =>
        TestData.Liquidate(Policy, Vault(eth), TestData.Market(("ETH", price), ("DAI", 1m)), reference);

    private static decimal Paid(LiquidationInstruction l, PenaltyRecipient to) => l.Penalties.SingleOrDefault(p => p.Recipient == to)?.Amount ?? 0m;

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Juniors_are_paid_in_full_when_the_holding_covers_them(bool reference)
    {
        // 10 ETH at 1,400 = 14,000 against 10,000 DAI: equity 4,000 < maintenance 5,000. Repaying 10,000 with the
        // senior 2% needs 10,200, the juniors want 10,000 × (10% + 5%) = 1,500 more: 11,700 < 14,000, all paid;
        // 11,700 / 1,400 = 8.357142857… ETH are sold, exactly as if every penalty were senior.
        var l = Liquidate(10m, 1_400m, reference);
        l.Amount.ShouldBe(10_000m);
        l.Steps.Single().Seized.ShouldBe(11_700m);
        l.Steps.Single().Quantity.ShouldBe(11_700m / 1_400m);
        (Paid(l, PenaltyRecipient.Liquidator), Paid(l, PenaltyRecipient.Insurance), Paid(l, PenaltyRecipient.Protocol)).ShouldBe((200m, 1_000m, 500m));
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Juniors_share_what_the_holding_raises_beyond_the_debt_and_the_seniors(bool reference)
    {
        // 10 ETH at 1,110 = 11,100 (equity 1,100 < 5,000). The debt and the senior 2% take 10,200; the juniors would
        // want 1,500 but only 11,100 − 10,200 = 900 is left, so all 10 ETH are sold and the 900 is shared 10 : 5:
        // 900 × 10 / 15 = 600 to the insurance fund and the remaining 300 to the protocol. No debt is left.
        var l = Liquidate(10m, 1_110m, reference);
        l.Amount.ShouldBe(10_000m);
        l.Steps.Single().Seized.ShouldBe(11_100m);
        l.Steps.Single().Quantity.ShouldBe(10m);
        (Paid(l, PenaltyRecipient.Liquidator), Paid(l, PenaltyRecipient.Insurance), Paid(l, PenaltyRecipient.Protocol)).ShouldBe((200m, 600m, 300m));
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void A_holding_worth_less_than_the_debt_and_the_seniors_repays_what_it_can_and_the_juniors_get_nothing(bool reference)
    {
        // 10 ETH at 969 = 9,690. With only the 2% senior the lot repays 9,690 / 1.02 = 9,500, leaving 500 of debt;
        // nothing is left for the juniors. Were they senior too, it would repay only 9,690 / 1.17 = 8,282.05…
        var l = Liquidate(10m, 969m, reference);
        l.Amount.ShouldBe(9_500m);
        l.Steps.Single().Seized.ShouldBe(9_690m);
        l.Steps.Single().Quantity.ShouldBe(10m);
        (Paid(l, PenaltyRecipient.Liquidator), Paid(l, PenaltyRecipient.Insurance), Paid(l, PenaltyRecipient.Protocol)).ShouldBe((190m, 0m, 0m));
        LiquidationPlanner.Apply(Vault(10m), TestData.Market(("ETH", 969m), ("DAI", 1m)), l).Debts.Single().Quantity.ShouldBe(500m);
    }

    [Fact]
    public void After_debt_is_parsed_by_both_parsers_formatted_back_and_needs_the_word_debt()
    {
        var text = "policy \"p\" currency USD\nequity = account.wallet\nmaintenance = 0\nliquidation r {\n  when account.wallet < 0\n  take h in holdings\n  size all\n  penalty 13%   to insurance   after   debt\n}\n";
        MarginRules.Language.Formatting.PolicyFormatter.TryFormat(text, null, out var formatted, out _).ShouldBeTrue();
        formatted.ShouldContain("  penalty 13% to insurance after debt\n");
        MarginPolicy.TryCompile(formatted, out _, out var diagnostics).ShouldBeTrue(string.Join("\n", diagnostics));

        // `after` with anything but `debt` is a syntax error at that word, from the fast parser and the grammar alike.
        MarginPolicy.TryCompile(text.Replace("after   debt", "after all", StringComparison.Ordinal), out _, out var errors).ShouldBeFalse();
        errors.ShouldContain(d => d.Descriptor.Id == "MR0001" && d.Start.Line == 8 && d.Message.Contains("expected `debt`", StringComparison.Ordinal));
    }
}
