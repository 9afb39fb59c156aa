using MarginRules.Assessment;
using MarginRules.Accounts;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;

namespace MarginRules.Tests.Api;

/// <summary>The embedding API: compile, overrides, errors, explain, and sharing a policy between threads.</summary>
public sealed class MarginPolicyApiTests
{
    private const string Simple = """
        policy "simple" version "1" currency USD
        param rate "maintenance rate": ratio = 25%
        let value = sum(h in holdings: h.value)
        equity = account.wallet + value
        maintenance = value * rate
        export ratio = if value > 0 then equity / value else 100%
        """;

    private static readonly Market Market = TestData.Market(("BTC", 40_000m));

    private static Account Holder(decimal wallet) => TestData.Account("a", wallet, holdings: [new Holding("BTC", 1m)]);

    [Fact]
    public void Compile_reports_every_error_at_once()
    {
        var text = """
            policy "broken" currency USD
            equity = account.wallet + 5%
            maintenance = account.walet
            let x = y
            """;
        var e = Should.Throw<PolicyCompilationException>(() => MarginPolicy.Compile(text, "broken.margin"));

        e.Diagnostics.Select(d => $"{d.Start.Line}:{d.Start.Column} {d.Id}").ShouldBe(["2:25 MR0203", "3:23 MR0103", "4:5 MR0402", "4:9 MR0101"]);
        e.Message.ShouldContain("broken.margin:2:25: error MR0203: cannot add ratio to money");
    }

    [Fact]
    public void TryCompile_returns_diagnostics_instead_of_throwing()
    {
        MarginPolicy.TryCompile("policy \"x\"\nequity = 1 +", out var policy, out var diagnostics).ShouldBeFalse();
        policy.ShouldBeNull();
        diagnostics.ShouldContain(d => d.Id == "MR0001");
    }

    [Fact]
    public void Parameter_overrides_replace_defaults()
    {
        var policy = MarginPolicy.Compile(Simple, options: new CompileOptions { Parameters = new Dictionary<string, object> { ["rate"] = "30%" } });
        // 30% × 40,000 = 12,000
        policy.Evaluate(Holder(0m), Market).Maintenance.ShouldBe(12_000m);
        MarginPolicy.Compile(Simple, options: new CompileOptions { Parameters = new Dictionary<string, object> { ["rate"] = 0.5m } })
            .Evaluate(Holder(0m), Market).Maintenance.ShouldBe(20_000m); // 50% × 40,000
    }

    [Fact]
    public void Overrides_of_the_wrong_unit_or_unknown_name_are_errors()
    {
        var wrongUnit = Should.Throw<PolicyCompilationException>(() =>
            MarginPolicy.Compile(Simple, options: new CompileOptions { Parameters = new Dictionary<string, object> { ["rate"] = "5 USD" } }));
        wrongUnit.Diagnostics.Single().Message.ShouldBe("parameter `rate` is ratio; the override `5 USD` is not");

        var unknown = Should.Throw<PolicyCompilationException>(() =>
            MarginPolicy.Compile(Simple, options: new CompileOptions { Parameters = new Dictionary<string, object> { ["rat"] = "5%" } }));
        unknown.Diagnostics.Single().Id.ShouldBe("MR0111");
        unknown.Diagnostics.Single().Help.ShouldBe(["did you mean `rate`?"]);
    }

    [Fact]
    public void Warnings_as_errors_fails_on_lints()
    {
        var text = Simple + "\nparam unused: ratio = 1%\n";
        MarginPolicy.TryCompile(text, out _, out _).ShouldBeTrue();
        MarginPolicy.TryCompile(text, out _, out var diagnostics, options: new CompileOptions { WarningsAsErrors = true }).ShouldBeFalse();
        diagnostics.ShouldContain(d => d.Id == "MR0401");
    }

    [Fact]
    public void Explain_lists_each_named_value_with_its_position()
    {
        var trace = MarginPolicy.Compile(Simple, "simple.margin").Explain(Holder(-30_000m), Market);

        trace.Entries.Select(e => (e.Name, e.Value, e.Line)).ShouldBe(
        [
            ("value", (object)40_000m, 3),
            ("equity", 10_000m, 4),          // −30,000 + 40,000
            ("maintenance", 10_000m, 5),     // 25% × 40,000
            ("ratio", 0.25m, 6),             // 10,000 / 40,000
        ]);
        trace.Entries[0].Expression.ShouldBe("sum(h in holdings: h.value)");
        trace.Entries[1].Unit.ShouldBe("money");
        trace.Assessment.Status.ShouldBe(MarginStatus.Healthy);
    }

    [Fact]
    public void Evaluation_errors_name_the_failing_expression_and_account()
    {
        var text = """
            policy "div" currency USD
            equity = account.wallet
            maintenance = account.wallet / count(h in holdings)
            """;
        var policy = MarginPolicy.Compile(text, "div.margin");
        var e = Should.Throw<PolicyEvaluationException>(() => policy.Evaluate(TestData.Account("empty", 5m), Market));
        e.Message.ShouldBe("div.margin:3:32: error: division by zero (account `empty`)");
        e.Line.ShouldBe(3);
        e.Column.ShouldBe(32);
    }

    [Fact]
    public void A_missing_quote_is_an_evaluation_error()
    {
        var policy = MarginPolicy.Compile(Simple, "simple.margin");
        var account = TestData.Account("a", 0m, holdings: [new Holding("DOGE", 1m)]);
        var e = Should.Throw<PolicyEvaluationException>(() => policy.Evaluate(account, Market));
        e.Reason.ShouldBe("the market does not list `DOGE`");
    }

    [Fact]
    public void One_policy_evaluates_the_same_on_many_threads()
    {
        var policy = MarginPolicy.Compile(Simple);
        var expected = Enumerable.Range(0, 200).Select(i => policy.Evaluate(Holder(i), Market).Equity).ToArray();
        var actual = new decimal[200];
        Parallel.For(0, 200, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => actual[i] = policy.Evaluate(Holder(i), Market).Equity);
        actual.ShouldBe(expected);
        expected[7].ShouldBe(40_007m); // wallet 7 + 1 BTC at 40,000
    }

    [Fact]
    public void Assess_reuses_a_frame()
    {
        var policy = MarginPolicy.Compile(Simple);
        var frame = policy.CreateFrame();
        policy.Assess(Holder(0m), Market, frame).ShouldBe(MarginStatus.Healthy);
        // equity −35,000 + 40,000 = 5,000 < maintenance 10,000, but the policy declares no rules: still healthy.
        policy.Assess(Holder(-35_000m), Market, frame).ShouldBe(MarginStatus.Healthy);
    }

    [Fact]
    public void The_checked_policy_is_exposed()
    {
        var policy = MarginPolicy.Compile(Simple);
        policy.Name.ShouldBe("simple");
        policy.Version.ShouldBe("1");
        policy.Currency.ShouldBe("USD");
        policy.Checked.Parameters.Single().Value.ShouldBe(0.25m);
        policy.Checked.Exports.Single().Type.ShouldBe(PolicyType.RatioType);
    }
}
