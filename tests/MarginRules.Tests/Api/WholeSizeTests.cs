using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Api;

/// <summary>
/// `size whole` (Compound III absorb): every kept holding is seized whole, penalties are fractions of its value, the
/// credit repays debts largest first and the excess goes to the wallet. Every case runs on the reference evaluator and
/// on the compiled program.
/// </summary>
public sealed class WholeSizeTests
{
    private const string Policy = """
        policy "absorb" currency USD
        equity = sum(h in holdings: h.value) - sum(d in debts: d.value)
        maintenance = sum(d in debts: d.value) * 50%
        liquidation absorb {
          when equity < maintenance
          take h in holdings where h.asset != "GOLD"
          size whole
          penalty 3% to liquidator
          penalty 2% to protocol
        }
        """;

    // ETH 1 × 2,000, SOL 10 × 100 = 1,000 and GOLD 1 × 500: collateral 3,500; GOLD is not taken.
    private static readonly Market Prices = TestData.Market(("ETH", 2_000m), ("SOL", 100m), ("GOLD", 500m), ("USDC", 1m), ("DAI", 1m));

    private static Account Borrower(decimal usdc, decimal dai) => TestData.Account("b",
        holdings: [new Holding("ETH", 1m), new Holding("SOL", 10m), new Holding("GOLD", 1m)],
        debts: [new Debt("DAI", dai), new Debt("USDC", usdc)]);

    private static LiquidationInstruction Liquidate(Account account, bool reference) => TestData.Liquidate(Policy, account, Prices, reference);

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void The_credit_above_the_debts_is_paid_into_the_wallet(bool reference)
    {
        // Debts 1,500 USDC + 1,000 DAI = 2,500; equity 3,500 − 2,500 = 1,000 < maintenance 1,250.
        var account = Borrower(1_500m, 1_000m);
        var l = Liquidate(account, reference);

        l.SizeKind.ShouldBe(LiquidationSizeKind.Whole);
        // ETH and SOL are seized whole; each credits its value × (1 − 3% − 2%): 2,000 × 0.95 = 1,900, 1,000 × 0.95 = 950.
        l.Steps.Select(s => (s.Symbol, s.Quantity, s.Seized, s.Value)).ShouldBe([("ETH", 1m, 2_000m, 1_900m), ("SOL", 10m, 1_000m, 950m)]);
        // Credit 2,850 repays all 2,500 of debt, largest first (USDC 1,500, then DAI 1,000); 2,850 − 2,500 = 350 is paid out.
        l.BaseAmount.ShouldBe(2_500m);
        l.Amount.ShouldBe(2_500m);
        l.Credit.ShouldBe(350m);
        l.Repayments.Select(r => (r.Asset, r.Quantity)).ShouldBe([("USDC", 1_500m), ("DAI", 1_000m)]);
        // Penalties on the value seized, 3,000: 3% = 90 to the liquidator, 2% = 60 to the protocol.
        l.Penalties.Select(p => (p.Recipient, p.Amount)).ShouldBe([(PenaltyRecipient.Liquidator, 90m), (PenaltyRecipient.Protocol, 60m)]);

        var after = LiquidationPlanner.Apply(account, Prices, l);
        after.Wallet.ShouldBe(350m);
        after.Holdings.ShouldBe([new Holding("GOLD", 1m)]);
        after.Debts.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void A_credit_below_the_debts_leaves_the_rest_on_the_account(bool reference)
    {
        // Debts 2,000 USDC + 1,000 DAI = 3,000; equity 500 < maintenance 1,500. The credit 2,850 (as above) repays
        // USDC 2,000 then 850 of DAI; 150 DAI stays and nothing is paid into the wallet.
        var account = Borrower(2_000m, 1_000m);
        var l = Liquidate(account, reference);

        l.Amount.ShouldBe(2_850m);
        l.Credit.ShouldBe(0m);
        l.Repayments.Select(r => (r.Asset, r.Quantity)).ShouldBe([("USDC", 2_000m), ("DAI", 850m)]);

        var after = LiquidationPlanner.Apply(account, Prices, l);
        after.Wallet.ShouldBe(0m);
        after.Debts.ShouldBe([new Debt("DAI", 150m)]);
    }
}
