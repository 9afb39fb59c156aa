using MarginRules.Accounts;
using MarginRules.Evaluation;

namespace MarginRules.Tests.Api;

/// <summary><c>pow</c> with an exponent computed at run time: allowed for a dimensionless base, checked when evaluated.</summary>
public sealed class PowExponentTests
{
    private const string Text = """
        policy "curve" currency USD
        param cut: ratio = 99%
        param step: count = 90
        fn stairstep(t: count): ratio = pow(cut, floor(t / step))
        let seconds = count(h in holdings) * account.wallet / 1 USD
        equity = account.wallet
        maintenance = 0
        export factor = stairstep(seconds)
        """;

    private static readonly Market Market = TestData.Market(("ETH", 1m));

    private static Account Holder(decimal wallet) => TestData.Account("a", wallet, holdings: [new Holding("ETH", 1m)]);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_function_of_time_raises_the_cut_to_the_whole_steps(bool reference)
    {
        // ⌊900 / 90⌋ = 10 steps: 0.99^10 = 0.9043820750088043 (0.99² = 0.9801, 0.99⁴ = 0.96059601,
        // 0.99⁸ = 0.9227446944279201, × 0.9801); ⌊989 / 90⌋ is still 10.
        var policy = MarginPolicy.Compile(Text, "curve.margin", new CompileOptions { UseReferenceEvaluator = reference });
        var expected = 0.9801m * 0.9801m * 0.9801m * 0.9801m * 0.9801m;
        policy.Evaluate(Holder(900m), Market).Exports["factor"].ShouldBe(expected);
        policy.Evaluate(Holder(989m), Market).Exports["factor"].ShouldBe(expected);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void An_exponent_beyond_1000_is_an_evaluation_error_at_the_call(bool reference)
    {
        // ⌊90,090 / 90⌋ = 1,001 steps, one more than pow allows. "fn stairstep(t: count): ratio = " is 32 characters.
        var policy = MarginPolicy.Compile(Text, "curve.margin", new CompileOptions { UseReferenceEvaluator = reference });
        ((decimal)policy.Evaluate(Holder(90_000m), Market).Exports["factor"]).ShouldBe(PowerOf(0.99m, 1_000), 0.0000000000000000000001m);

        var e = Should.Throw<PolicyEvaluationException>(() => policy.Evaluate(Holder(90_090m), Market));
        e.Reason.ShouldBe("the exponent of `pow` is not a whole number from -1000 to 1000");
        (e.Line, e.Column).ShouldBe((4, 33));
    }

    private static decimal PowerOf(decimal x, int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++) result *= x;
        return result;
    }
}
