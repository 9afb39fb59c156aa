using MarginRules.Accounts;
using MarginRules.Analysis;
using MarginRules.Assessment;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade.Shocks;
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
        l.Credit.ShouldBe(0m);
        a.Exports["absorb_shortfall"].ShouldBe(45m);
    }

    [Fact]
    public void Absorb_takes_all_the_collateral_and_pays_the_excess_into_the_wallet()
    {
        // [D] PUBLISHED.md absorb: 1 WETH at $2,000 against 1,850 USDC; Comet takes all 1 WETH, credits 2,000 × 0.95 =
        // 1,900 and the user keeps 1,900 − 1,850 = 50 USDC. The 100 given up is split 50 / 50 by storeFrontPriceFactor.
        var a = Policy.Evaluate(Borrower(1m, 1_850m), At(2_000m));
        var l = a.Liquidation!;
        l.Steps.Single().Quantity.ShouldBe(1m);
        l.Steps.Single().Seized.ShouldBe(2_000m);
        l.Amount.ShouldBe(1_850m);
        l.Credit.ShouldBe(a.Exports["absorb_excess"]);
        l.Credit.ShouldBe(50m);
        l.Penalties.Select(p => p.Amount).ShouldBe([50m, 50m]);
    }

    [Fact]
    public void In_the_cascade_the_excess_reaches_the_wallet_and_the_shortfall_the_fund()
    {
        // WETH 2,500 → 2,000. 'excess' (1,850 USDC) is credited 1,900: debt repaid, wallet 50. 'underwater' (1,950 USDC)
        // is credited 1,900: 50 of bad debt, 30 paid by the fund, 20 written off. The engine checks every round that cash
        // and units are conserved, so a credit paid without leaving the liquidator's proceeds would stop the run.
        var setup = new CascadeSetup
        {
            Assets = [new AssetSetup("WETH", 2_500m, new LinearImpact(0m)), new AssetSetup("USDC", 1m, new LinearImpact(0m))],
            Venues = [new VenueSetup("comet", Policy, [Borrower(1m, 1_850m) with { Id = "excess" }, Borrower(1m, 1_950m) with { Id = "underwater" }], 30m)],
            Shock = new ShockPath(new Shock(new Dictionary<string, decimal> { ["WETH"] = -0.20m })),
        };

        var result = CascadeEngine.Run(setup);

        var accounts = result.FinalAccounts["comet"].ToDictionary(x => x.Id);
        accounts["excess"].Wallet.ShouldBe(50m);
        accounts["excess"].Holdings.ShouldBeEmpty();
        accounts["excess"].Debts.ShouldBeEmpty();
        accounts["underwater"].Wallet.ShouldBe(0m);
        accounts["underwater"].Debts.ShouldBeEmpty();
        result.Summary.BadDebt.ShouldBe(50m);
        result.Summary.InsuranceDrawn.ShouldBe(30m);
        result.Summary.SocializedLoss.ShouldBe(20m);
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
