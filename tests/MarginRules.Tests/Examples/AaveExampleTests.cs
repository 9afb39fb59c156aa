using MarginRules.Assessment;
using MarginRules.Accounts;
using MarginRules.Analysis;
using MarginRules.Cascade;
using MarginRules.Cascade.Shocks;
using MarginRules.Cli.Simulation;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Examples;

/// <summary>Aave v3 (examples/policies/aave-v3.margin) against PUBLISHED.md, "Lending: Aave v3".</summary>
public sealed class AaveExampleTests
{
    private static readonly string Text = TestData.ExamplePolicy("aave-v3.margin");
    private static readonly MarginPolicy Policy = MarginPolicy.Compile(Text, "aave-v3.margin");

    // WETH at $2,000, so 5 WETH is $10,000 of collateral; USDC at $1.
    private static readonly Market Prices = TestData.Market(("WETH", 2_000m), ("USDC", 1m));

    private static Account Borrower(decimal weth, decimal usdcDebt) =>
        TestData.Account("borrower", holdings: [new Holding("WETH", weth)], debts: [new Debt("USDC", usdcDebt)]);

    [Fact]
    public void Published_health_factor_is_1_333()
    {
        // PUBLISHED.md [P]: $10,000 of ETH at an 80% liquidation threshold and $6,000 borrowed → HF 1.333.
        // The shipped table has the initial V3 WETH threshold (86%); this example uses the 80% the source states.
        var text = Text.Replace("WETH:   82.5%,   86%,", "WETH:   75%,   80%,");
        text.ShouldNotBe(Text);
        var policy = MarginPolicy.Compile(text, "aave-v3-lt80.margin");
        var hf = (decimal)policy.Evaluate(Borrower(5m, 6_000m), Prices).Exports["health_factor"];
        Math.Round(hf, 3).ShouldBe(1.333m);
        // GenericLogic: wadDiv rounds 8,000 / 6,000 half up to 18 decimals.
        hf.ShouldBe(1.333333333333333333m);
    }

    [Fact]
    public void Health_factor_with_the_initial_V3_WETH_threshold()
    {
        // [D] 10,000 × 86% / 6,000 = 1.4333…, rounded half up to 18 decimals (wadDiv).
        var a = Policy.Evaluate(Borrower(5m, 6_000m), Prices);
        a.Exports["health_factor"].ShouldBe(1.433333333333333333m);
        a.Status.ShouldBe(MarginStatus.Healthy);
    }

    [Fact]
    public void Above_HF_0_95_with_large_positions_half_the_debt_is_repaid()
    {
        // [D] debt 9,000: HF = 8,600 / 9,000 = 0.9556 > 0.95, both sides ≥ $2,000 → close factor 50%: repay 4,500.
        // Seized = 4,500 × (1 + 5.2%) = 4,734; bonus 4,500 × 5.2% = 234 split 90/10: 210.60 liquidator, 23.40 protocol.
        var a = Policy.Evaluate(Borrower(5m, 9_000m), Prices);

        a.Status.ShouldBe(MarginStatus.Liquidatable);
        var l = a.Liquidation!;
        l.RuleName.ShouldBe("partial");
        l.BaseAmount.ShouldBe(9_000m);
        l.Amount.ShouldBe(4_500m);
        l.Steps.Single().Seized.ShouldBe(4_734m);
        l.Steps.Single().Quantity.ShouldBe(4_734m / 2_000m);
        l.Penalties.ShouldBe([new PenaltyAmount(PenaltyRecipient.Liquidator, 210.6m), new PenaltyAmount(PenaltyRecipient.Protocol, 23.4m)]);
    }

    [Fact]
    public void At_or_below_HF_0_95_the_whole_debt_is_repaid()
    {
        // [D] debt 9,100: HF = 8,600 / 9,100 = 0.945 ≤ 0.95 → 100%: repay 9,100, seize 9,100 × 1.052 = 9,573.20.
        var l = Policy.Evaluate(Borrower(5m, 9_100m), Prices).Liquidation!;
        l.RuleName.ShouldBe("full");
        l.Amount.ShouldBe(9_100m);
        l.Steps.Single().Seized.ShouldBe(9_573.2m);
    }

    [Fact]
    public void Below_2000_of_collateral_the_whole_debt_is_repaid_even_above_HF_0_95()
    {
        // [D] $1,900 of WETH, $1,700 debt: HF = 1,634 / 1,700 = 0.961 > 0.95 but collateral < $2,000 → full:
        // repay 1,700, seize 1,700 × 1.052 = 1,788.40.
        var l = Policy.Evaluate(Borrower(0.95m, 1_700m), Prices).Liquidation!;
        l.RuleName.ShouldBe("full");
        l.Amount.ShouldBe(1_700m);
        l.Steps.Single().Seized.ShouldBe(1_788.4m);
    }

    [Fact]
    public void Seizure_is_capped_by_the_collateral_and_the_repayment_shrinks_with_it()
    {
        // [D] $10,000 of WETH against $12,000 of debt: repaying all would seize 12,624 > 10,000, so the whole
        // collateral goes and the repayment is 10,000 / 1.052.
        var l = Policy.Evaluate(Borrower(5m, 12_000m), Prices).Liquidation!;
        l.Steps.Single().Seized.ShouldBe(10_000m);
        l.Amount.ShouldBe(10_000m / 1.052m);
    }

    [Fact]
    public void The_dust_rule_cuts_a_repayment_that_would_leave_less_than_1000_of_the_debt_reserve()
    {
        // [D] LiquidationLogic v3.3, MIN_LEFTOVER_BASE = $1,000. $10,000 of WETH against 5,400 USDC + 3,600 DAI:
        // HF = 8,600 / 9,000 > 0.95, cap = min(5,400, 50% × 9,000) = 4,500 would leave 900 USDC, so the liquidator
        // repays 5,400 − 1,000 = 4,400 of USDC and seizes 4,400 × 1.052 = 4,628.80 of WETH.
        var account = TestData.Account("borrower", holdings: [new Holding("WETH", 5m)], debts: [new Debt("USDC", 5_400m), new Debt("DAI", 3_600m)]);
        var a = Policy.Evaluate(account, TestData.Market(("WETH", 2_000m), ("USDC", 1m), ("DAI", 1m)));

        a.Exports["dust_limited"].ShouldBe(true);
        var l = a.Liquidation!;
        l.RuleName.ShouldBe("partial");
        l.Amount.ShouldBe(4_400m);
        l.Steps.Single().Seized.ShouldBe(4_628.8m);
        l.Repayments.Single().Asset.ShouldBe("USDC");
    }

    [Fact]
    public void Without_the_dust_rule_the_close_factor_amount_stands()
    {
        // [D] The same account with 6,000 USDC + 3,000 DAI: 4,500 leaves 1,500 USDC ≥ $1,000, so 4,500 is repaid.
        var account = TestData.Account("borrower", holdings: [new Holding("WETH", 5m)], debts: [new Debt("USDC", 6_000m), new Debt("DAI", 3_000m)]);
        var a = Policy.Evaluate(account, TestData.Market(("WETH", 2_000m), ("USDC", 1m), ("DAI", 1m)));

        a.Exports["dust_limited"].ShouldBe(false);
        a.Liquidation!.Amount.ShouldBe(4_500m);
    }

    [Fact]
    public void A_capped_liquidation_leaves_no_sliver_so_the_black_thursday_run_settles()
    {
        // LiquidationLogic v3.3: a capped liquidation seizes the whole balance. Were the cap computed from the base value
        // truncated to 8 decimals, a sliver worth under 10⁻⁸ USD would stay behind, be "liquidated" for 0 every round, and
        // the run would never reach a fixpoint.
        var market = SimulationMarketFile.Load(TestData.ExamplePath("markets", "crypto.json"));
        var venue = VenueFile.Load(TestData.ExamplePath("venues", "aave-lending.json"), market);
        var shock = ScenarioFile.Load(TestData.ExamplePath("scenarios", "black-thursday.json")).Scenarios.Single(s => s.Name == "black-thursday").Steps;

        var result = CascadeEngine.Run(market.Setup([venue.Setup], market.WithFollowers(shock)));

        result.Summary.StopReason.ShouldBe(CascadeStopReason.Fixpoint);
        result.FinalAccounts["aave"].ShouldAllBe(a => a.Holdings.All(h => h.Quantity == 0m || h.Quantity * result.FinalPrices[h.Asset] >= 0.00000001m));
    }

    [Fact]
    public void The_liquidation_price_is_where_the_health_factor_reaches_1()
    {
        // [D] 1 WETH against 1,700 USDC: HF = 0.86 × P / 1,700 < 1 below P = 1,700 / 0.86 = 1,976.744…
        var result = new LiquidationPriceSolver(Policy).Solve(Borrower(1m, 1_700m), Prices, "WETH");

        result.Falling!.Boundary.ShouldBe(1_700m / 0.86m, 0.000001m);
        result.Rising.ShouldBeNull();
    }
}
