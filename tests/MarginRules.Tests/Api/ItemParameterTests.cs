using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Evaluation;

namespace MarginRules.Tests.Api;

/// <summary>
/// Function parameters of an item type (`p: position`, `h: holding`, `d: debt`): a function reads the item it is given
/// by the aggregate, `take` or `adl rank` variable passed to it, in both evaluators and in the health certifier.
/// </summary>
public sealed class ItemParameterTests
{
    private const string Policy = """
        policy "item params" currency USD
        fn balance "An isolated position's own balance" (p: position): money = p.isolated_margin + p.upnl
        fn breached(p: position): bool = balance(p) < p.notional * 1%
        equity = account.wallet + sum(p in positions: p.upnl)
        maintenance = sum(p in positions where breached(p): p.notional * 1%)
        export worst = min(p in positions: balance(p))
        liquidation close {
          when any(p in positions: breached(p))
          take p in positions where breached(p) by balance(p)
          size all
          penalty if balance(p) > 0 then 1% else 0% to insurance
        }
        adl rank p: balance(p)
        """;

    // A long of 1 at 40,000 with 1,000 of isolated margin and a short of 1 at 41,000 with 300.
    private static readonly Account Trader = TestData.Account("a", 5_000m, positions:
    [
        new Position("BTCUSDT", 1m, 40_000m, Isolated: true, IsolatedMargin: 1_000m),
        new Position("BTCUSDT", -1m, 41_000m, Isolated: true, IsolatedMargin: 300m),
    ]);

    private static MarginPolicy Compile(bool reference) =>
        MarginPolicy.Compile(Policy, options: new CompileOptions { UseReferenceEvaluator = reference });

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void A_function_reads_the_item_it_is_given(bool reference)
    {
        // At 39,500 the long's balance is 1,000 + (39,500 − 40,000) = 500 and the short's 300 + 1,500 = 1,800; both are
        // above 1% of 39,500 = 395, so nothing is breached. The ADL ranks are the balances.
        var policy = Compile(reference);
        var a = policy.Evaluate(Trader, TestData.Market(("BTCUSDT", 39_500m)));
        a.Status.ShouldBe(MarginStatus.Healthy);
        a.Maintenance.ShouldBe(0m);
        ((decimal)a.Exports["worst"]).ShouldBe(500m);
        Enumerable.Range(0, 2).Select(k => policy.AdlRank(Trader, TestData.Market(("BTCUSDT", 39_500m)), policy.CreateFrame(), k)).ShouldBe([500m, 1_800m]);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void Take_and_penalty_pass_their_variable_on(bool reference)
    {
        // At 39,000 the long's balance is 0 < 390: breached; maintenance 390; it is closed whole with a 0% fee (the
        // balance is not above 0). The short (balance 2,300) is untouched.
        var a = Compile(reference).Evaluate(Trader, TestData.Market(("BTCUSDT", 39_000m)));
        a.Status.ShouldBe(MarginStatus.Liquidatable);
        a.Maintenance.ShouldBe(390m);
        var step = a.Liquidation!.Steps.Single();
        (step.ItemIndex, step.Quantity, step.Value).ShouldBe((0, 1m, 39_000m));
        step.Penalties.Single().Amount.ShouldBe(0m);
    }

    [Fact]
    public void The_health_certifier_reads_item_parameters_too()
    {
        // ±2% of 39,500 reaches 38,710, where the long's balance is 1,000 + 38,710 − 40,000 = −290, below 1% of its
        // notional: breached can hold, so no certificate. With 5,000 of margin the balance is at least
        // 5,000 + 38,710 − 40,000 = 3,710 anywhere in the box, above 1% of at most 40,290 = 402.9: certified, which
        // needs the certifier to read `p` inside `balance` and `breached` as the aggregate's item.
        var policy = MarginPolicy.Compile(Policy);
        var certifier = new HealthCertifier(policy.Checked);
        var scratch = certifier.CreateScratch();
        var market = TestData.Market(("BTCUSDT", 39_500m));
        certifier.Certify(Trader, HealthCertifier.CreateBox(market, 0.02m), scratch).ShouldBeFalse();
        var safe = TestData.Account("s", 50_000m, positions: [new Position("BTCUSDT", 1m, 40_000m, Isolated: true, IsolatedMargin: 5_000m)]);
        certifier.Certify(safe, HealthCertifier.CreateBox(market, 0.02m), scratch).ShouldBeTrue();
    }

    [Theory]
    [InlineData("account.wallet", "`balance`'s parameter `p` is a position: pass the variable of an aggregate, `take` or `adl rank` over positions")]
    [InlineData("h", "`balance`'s parameter `p` is a position: pass the variable of an aggregate, `take` or `adl rank` over positions")]
    public void An_item_parameter_takes_only_an_item_variable_of_its_kind(string argument, string message)
    {
        var text = $$"""
            policy "p" currency USD
            fn balance(p: position): money = p.isolated_margin + p.upnl
            equity = account.wallet
            maintenance = sum(h in holdings: balance({{argument}}))
            """;
        MarginPolicy.TryCompile(text, out _, out var diagnostics).ShouldBeFalse();
        var d = diagnostics.Single();
        // "maintenance = sum(h in holdings: balance(" is 41 characters, so the argument starts at column 42.
        (d.Descriptor.Id, d.Message, d.Start.Line, d.Start.Column).ShouldBe(("MR0217", message, 4, 42));
    }
}
