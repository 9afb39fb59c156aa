using MarginRules.Accounts;
using MarginRules.Evaluation;
using MarginRules.Language.Runtime;

namespace MarginRules.Tests.Api;

/// <summary><c>ln</c>: the natural logarithm in decimal, its domain, and its use for a Dutch auction's reset step.</summary>
public sealed class LogarithmTests
{
    // Each expected value is Python's decimal module at 50 digits, Decimal(x).ln(), rounded to 28 significant digits;
    // the tolerance allows the last two digits, as docs/language.md promises.
    [Theory]
    [InlineData("0.4", "-0.9162907318741550651835272118")]
    [InlineData("0.99", "-0.01005033585350144118354885756")]
    [InlineData("2", "0.6931471805599453094172321215")]
    [InlineData("0.5", "-0.6931471805599453094172321215")]
    [InlineData("10", "2.302585092994045684017991455")]
    [InlineData("0.0000000000000000000000000001", "-64.47238260383327915250376073")]
    [InlineData("79228162514264337593543950335", "66.54212933375474970405428366")]
    [InlineData("1.5", "0.4054651081081643819780131155")]
    [InlineData("0.75", "-0.2876820724517809274392190060")]
    public void Ln_agrees_with_a_50_digit_reference(string x, string expected)
    {
        var value = PolicyMath.Ln(decimal.Parse(x, System.Globalization.CultureInfo.InvariantCulture));
        var want = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Math.Abs(value - want).ShouldBeLessThanOrEqualTo(Math.Max(Math.Abs(want), 1m) * 1e-26m);
    }

    [Theory]
    // Python's decimal at 50 digits, Decimal(x).ln(): −1.00000000000000000000500…e−20, 9.99999999999999999995…e−21 and
    // −1.00000000000000000000000000005e−28, rounded to decimal's 28 places. A result this small has only the digits
    // down to 10⁻²⁸, so the bound is two units of the last place; the sign must be right.
    [InlineData("0.99999999999999999999", "-0.0000000000000000000100000000")]
    [InlineData("1.00000000000000000001", "0.0000000000000000000100000000")]
    [InlineData("0.9999999999999999999999999999", "-0.0000000000000000000000000001")]
    public void Ln_keeps_its_relative_precision_next_to_1(string x, string expected)
    {
        var value = PolicyMath.Ln(decimal.Parse(x, System.Globalization.CultureInfo.InvariantCulture));
        var want = decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture);
        Math.Sign(value).ShouldBe(Math.Sign(want));
        Math.Abs(value - want).ShouldBeLessThanOrEqualTo(0.0000000000000000000000000002m);
    }

    [Fact]
    public void Ln_of_one_is_exactly_zero_and_undoes_exp()
    {
        PolicyMath.Ln(1m).ShouldBe(0m);
        // ln(e^x) = x for x = 0.75: exp's and ln's last-digit errors together stay below 1e-26.
        Math.Abs(PolicyMath.Ln(PolicyMath.Exp(0.75m)) - 0.75m).ShouldBeLessThan(1e-26m);
    }

    private const string Text = """
        policy "reset" currency USD
        param cut: ratio = 99%
        param cusp: ratio = 40%
        let x = account.wallet / 1 USD
        equity = account.wallet
        maintenance = 0
        export reset_step = floor(ln(cusp) / ln(cut)) + 1
        export log = ln(x)
        """;

    private static readonly Market Market = TestData.Market(("ETH", 1m));

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_first_stairstep_below_cusp_is_one_past_the_floor_of_the_log_ratio(bool reference)
    {
        // ln 0.4 / ln 0.99 = −0.916290731874155 / −0.010050335853501 = 91.1701604036 (Python decimal), so the
        // first step with 0.99^s < 0.4 is 92: 0.99^91 = 0.40068 ≥ 0.4 and 0.99^92 = 0.39668 < 0.4.
        var policy = MarginPolicy.Compile(Text, "reset.margin", new CompileOptions { UseReferenceEvaluator = reference });
        var result = policy.Evaluate(TestData.Account("a", 2m), Market);
        result.Exports["reset_step"].ShouldBe(92m);
        ((decimal)result.Exports["log"]).ShouldBe(0.6931471805599453094172321215m, 1e-26m);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_log_of_zero_is_an_evaluation_error_at_the_call(bool reference)
    {
        // "export log = " is 13 characters, so the call starts at column 14 of line 8.
        var policy = MarginPolicy.Compile(Text, "reset.margin", new CompileOptions { UseReferenceEvaluator = reference });
        var e = Should.Throw<PolicyEvaluationException>(() => policy.Evaluate(TestData.Account("a", 0m), Market));
        e.Reason.ShouldBe("logarithm of a number that is not positive");
        (e.Line, e.Column).ShouldBe((8, 14));
    }

    [Fact]
    public void A_dimensioned_argument_is_an_invalid_operand()
    {
        // "export bad = ln(" is 16 characters: the argument starts at column 17 of line 4.
        MarginPolicy.TryCompile("policy \"p\" currency USD\nequity = account.wallet\nmaintenance = 0\nexport bad = ln(account.wallet)\n", out _, out var diagnostics).ShouldBeFalse();
        diagnostics.ShouldContain(d => d.Id == "MR0210" && d.Start.Line == 4 && d.Start.Column == 17);
    }
}
