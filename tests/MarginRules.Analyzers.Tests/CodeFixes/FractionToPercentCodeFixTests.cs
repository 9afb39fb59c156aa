extern alias codefixes;
using codefixes::MarginRules.CodeFixes;
using MarginRules.Analyzers.Tests.Infrastructure;

namespace MarginRules.Analyzers.Tests.CodeFixes;

/// <summary>MR0409's fix rewrites a bare fraction inside the literal as a percentage.</summary>
public sealed class FractionToPercentCodeFixTests
{
    [Fact]
    public async Task Fix_all_rewrites_every_fraction()
    {
        // 0.25 × 100 = 25%; -0.005 × 100 = -0.5%; `let` values and parameter defaults are both linted (Binder.Lints).
        const string source = """"
            using MarginRules;

            static class Policies
            {
                public static MarginPolicy Load() => MarginPolicy.Compile("""
                    policy "p" currency USD
                    param rate: ratio = {|MR0409:0.25|}
                    let cushion: ratio = {|MR0409:-0.005|}
                    equity = account.wallet
                    maintenance = account.wallet * (rate + cushion)
                    """);
            }
            """";
        const string fixedSource = """"
            using MarginRules;

            static class Policies
            {
                public static MarginPolicy Load() => MarginPolicy.Compile("""
                    policy "p" currency USD
                    param rate: ratio = 25%
                    let cushion: ratio = -0.5%
                    equity = account.wallet
                    maintenance = account.wallet * (rate + cushion)
                    """);
            }
            """";
        var test = new PolicyCodeFixTest<FractionToPercentCodeFix>(source, fixedSource)
        {
            NumberOfIncrementalIterations = 2,
            NumberOfFixAllIterations = 1,
        };
        await test.RunAsync();
    }
}
