using MarginRules.Assessment;
using MarginRules.Accounts;

namespace MarginRules.Tests.Examples;

/// <summary>Reg T + FINRA 4210 (examples/policies/regt-finra-4210.margin) against PUBLISHED.md, "Broker stock margin".</summary>
public sealed class RegTExampleTests
{
    private static readonly MarginPolicy Policy = MarginPolicy.Compile(TestData.ExamplePolicy("regt-finra-4210.margin"), "regt-finra-4210.margin");

    // PUBLISHED.md: buy $10,000 of stock with $5,000 equity and a $5,000 loan.
    private static Account Account(int callRounds = 0) =>
        TestData.Account("broker-1", holdings: [new Holding("STOCK", 100m)], debts: [new Debt("USD", 5_000m)]) with { CallRounds = callRounds };

    private static Market At(decimal price) => TestData.Market(("STOCK", price), ("USD", 1m));

    [Fact]
    public void The_purchase_meets_Reg_T_initial_margin()
    {
        var a = Policy.Evaluate(Account(), At(100m));

        a.Equity.ShouldBe(5_000m);        // 10,000 − 5,000
        a.Initial.ShouldBe(5_000m);       // 50% × 10,000
        a.Maintenance.ShouldBe(2_500m);   // 25% × 10,000
        a.Status.ShouldBe(MarginStatus.Healthy);
    }

    [Fact]
    public void The_call_starts_just_below_a_market_value_of_6666_67()
    {
        // PUBLISHED.md [D]: MV − 5,000 < 0.25 MV ⇔ MV < 6,666.67 (6,666.666… rounded to the cent).
        // At MV 6,666.67: equity 1,666.67 ≥ 0.25 × 6,666.67 = 1,666.6675 → healthy.
        Policy.Evaluate(Account(), At(66.6667m)).Status.ShouldBe(MarginStatus.Healthy);

        // At MV 6,666.66: equity 1,666.66 < 1,666.665 → call for 1,666.665 − 1,666.66 = 0.005.
        var a = Policy.Evaluate(Account(), At(66.6666m));
        a.Status.ShouldBe(MarginStatus.MarginCall);
        a.MarginCall!.Amount.ShouldBe(0.005m);
        a.MarginCall.DeadlineRounds.ShouldBe(3);
    }

    [Fact]
    public void The_call_asks_for_a_quarter_of_market_value_less_equity()
    {
        // PUBLISHED.md: the call asks for 0.25 × MV − equity. At MV 6,000: 1,500 − 1,000 = 500.
        var a = Policy.Evaluate(Account(), At(60m));
        a.MarginCall!.Amount.ShouldBe(500m);
        a.Exports["equity_ratio"].ShouldBe(1_000m / 6_000m);
    }

    [Fact]
    public void An_expired_call_sells_the_largest_holding_until_maintenance_is_restored()
    {
        // After 3 rounds the call expires. Selling x of stock repays x of the loan: equity stays 1,000 and the
        // ratio becomes 1,000 / (6,000 − x) = 25% ⇔ x = 2,000.
        var a = Policy.Evaluate(Account(callRounds: 3), At(60m));

        a.Status.ShouldBe(MarginStatus.Liquidatable);
        var l = a.Liquidation!;
        l.RuleName.ShouldBe("sell_out");
        l.Amount.ShouldBe(2_000m);
        l.Steps.Single().Quantity.ShouldBe(2_000m / 60m);
        l.Repayments.Single().Value.ShouldBe(2_000m);
    }

    [Fact]
    public void Before_the_deadline_the_account_is_only_called()
    {
        Policy.Evaluate(Account(callRounds: 2), At(60m)).Status.ShouldBe(MarginStatus.MarginCall);
    }
}
