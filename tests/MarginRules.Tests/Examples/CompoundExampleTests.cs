using MarginRules.Accounts;
using MarginRules.Analysis;
using MarginRules.Assessment;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Examples;

/// <summary>Compound III (examples/policies/compound-v3.margin) against PUBLISHED.md, "Lending: Compound III / Comet".</summary>
public sealed class CompoundExampleTests
{
    private static readonly MarginPolicy Policy = MarginPolicy.Compile(TestData.ExamplePolicy("compound-v3.margin"), "compound-v3.margin");

    private static Account Borrower(decimal weth, decimal usdcDebt) =>
        TestData.Account("borrower", holdings: [new Holding("WETH", weth)], debts: [new Debt("USDC", usdcDebt)]);

    private static Market At(decimal wethPrice) => TestData.Market(("WETH", wethPrice), ("USDC", 1m));

    [Fact]
    public void Liquidatable_exactly_when_debt_exceeds_collateral_times_liquidateCF()
    {
        // [D] PUBLISHED.md: liquidatable when −debt + Σ value × liquidateCF < 0. 1 WETH at $2,000 × 0.90 = 1,800:
        // 1,800 of debt is not liquidatable (liquidity 0), 1,800.01 is.
        Policy.Evaluate(Borrower(1m, 1_800m), At(2_000m)).Status.ShouldBe(MarginStatus.Healthy);
        var a = Policy.Evaluate(Borrower(1m, 1_800.01m), At(2_000m));
        a.Status.ShouldBe(MarginStatus.Liquidatable);
        a.Exports["liquidity"].ShouldBe(-0.01m);
    }

    [Fact]
    public void Absorb_credit_and_excess_follow_the_liquidation_factor()
    {
        // [D] PUBLISHED.md absorb: credit Σ value × liquidationFactor = 2,000 × 0.95 = 1,900 USDC against 1,850 owed:
        // 50 USDC stays with the user, no shortfall.
        var a = Policy.Evaluate(Borrower(1m, 1_850m), At(2_000m));
        a.Exports["absorb_credit"].ShouldBe(1_900m);
        a.Exports["absorb_excess"].ShouldBe(50m);
        a.Exports["absorb_shortfall"].ShouldBe(0m);
    }

    [Fact]
    public void An_underwater_account_is_absorbed_whole_and_the_shortfall_is_left_as_debt()
    {
        // [D] 1 WETH at $1,900 against 1,850 USDC: the holding repays 1,900 × 0.95 = 1,805, all 1 WETH is seized, and
        // 1,850 − 1,805 = 45 is left for the reserves. The 95 given up is split by storeFrontPriceFactor 0.5.
        var a = Policy.Evaluate(Borrower(1m, 1_850m), At(1_900m));
        var l = a.Liquidation!;
        l.Amount.ShouldBe(1_805m, 0.0000000001m);
        l.Steps.Single().Quantity.ShouldBe(1m);
        l.Steps.Single().Seized.ShouldBe(1_900m);
        l.Penalties.Select(p => p.Recipient).ShouldBe([PenaltyRecipient.Liquidator, PenaltyRecipient.Protocol]);
        l.Penalties.Sum(p => p.Amount).ShouldBe(95m, 0.0000000001m);
        a.Exports["absorb_shortfall"].ShouldBe(45m);
    }

    [Fact]
    public void The_liquidation_price_is_the_debt_over_the_liquidate_collateral_factor()
    {
        // [D] 1 WETH against 1,700 USDC is absorbable once 0.90 × P < 1,700, i.e. below P = 1,700 / 0.90 = 1,888.888…;
        // nothing liquidates it as the price rises.
        var result = new LiquidationPriceSolver(Policy).Solve(Borrower(1m, 1_700m), At(2_000m), "WETH");

        result.Falling!.Boundary.ShouldBe(1_700m / 0.9m, 0.000001m);
        result.Rising.ShouldBeNull();
    }
}
