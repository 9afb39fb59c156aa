using MarginRules.Accounts;
using MarginRules.Evaluation;

namespace MarginRules.Tests.Api;

/// <summary><c>round</c> with digits computed at run time: a <c>count</c> such as a token's decimals, checked when evaluated.</summary>
public sealed class RoundDigitsTests
{
    // Line 9 is the let; "let third = sum(h in holdings: " is 31 characters, so round( starts in column 32.
    private const string Text = """
        policy "tokens" currency USD
        table tokens "Token decimals" by asset {
          columns decimals: count
          WETH: 18
          USDC: 6
          WBTC: 8
          BAD: 29
        }
        let third = sum(h in holdings: round(h.quantity / 3, tokens[h.asset].decimals, down))
        equity = account.wallet
        maintenance = 0
        export units = third
        """;

    private static readonly Market Market = TestData.Market(("WETH", 3_000m), ("USDC", 1m), ("WBTC", 60_000m), ("BAD", 1m));

    private static Account Holder(string asset, decimal quantity) => TestData.Account("a", 0m, holdings: [new Holding(asset, quantity)]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Each_holding_is_truncated_to_its_tokens_decimals(bool reference)
    {
        // A third of one token, truncated (`down`) to the token's own decimals: 1 / 3 = 0.3333… has 28 digits in
        // decimal, and truncation keeps 18 for WETH, 6 for USDC, 8 for WBTC.
        var policy = MarginPolicy.Compile(Text, "tokens.margin", new CompileOptions { UseReferenceEvaluator = reference });
        policy.Evaluate(Holder("WETH", 1m), Market).Exports["units"].ShouldBe(0.333333333333333333m);
        policy.Evaluate(Holder("USDC", 100m), Market).Exports["units"].ShouldBe(33.333333m);
        policy.Evaluate(Holder("WBTC", 1m), Market).Exports["units"].ShouldBe(0.33333333m);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Digits_outside_0_to_28_are_an_evaluation_error_at_the_call(bool reference)
    {
        var policy = MarginPolicy.Compile(Text, "tokens.margin", new CompileOptions { UseReferenceEvaluator = reference });
        var e = Should.Throw<PolicyEvaluationException>(() => policy.Evaluate(Holder("BAD", 1m), Market));
        e.Reason.ShouldBe("the digits of `round` are not a whole number from 0 to 28");
        (e.Line, e.Column).ShouldBe((9, 32));
    }

    [Fact]
    public void Digits_that_are_neither_constant_nor_a_count_are_MR0211()
    {
        // A ratio computed per account cannot be digits; "equity = round(account.wallet, " is 31 characters.
        var text = "policy \"p\" currency USD\nequity = round(account.wallet, account.wallet / account.wallet, down)\nmaintenance = 0\n";
        var e = Should.Throw<PolicyCompilationException>(() => MarginPolicy.Compile(text, "p.margin"));
        e.Message.ShouldContain("2:32: error MR0211");
    }

    [Fact]
    public void The_health_certificate_rounds_to_the_same_digits()
    {
        // The certifier reads the digits from the table as the evaluation does: a healthy holder is certified, and
        // one whose digits would fail is not.
        var policy = MarginPolicy.Compile(Text, "tokens.margin");
        var certifier = new HealthCertifier(policy.Checked);
        var scratch = certifier.CreateScratch();
        var box = HealthCertifier.CreateBox(Market, 0.02m);
        certifier.Certify(Holder("WETH", 1m), box, scratch).ShouldBeTrue();
        certifier.Certify(Holder("BAD", 1m), box, scratch).ShouldBeFalse();
    }
}
