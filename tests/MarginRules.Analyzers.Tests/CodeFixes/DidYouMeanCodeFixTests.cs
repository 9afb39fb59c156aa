extern alias codefixes;
using codefixes::MarginRules.CodeFixes;
using MarginRules.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MarginRules.Analyzers.Tests.CodeFixes;

/// <summary>"Did you mean" replaces the unknown name inside the literal with the checker's suggestion.</summary>
public sealed class DidYouMeanCodeFixTests
{
    private static string Host(string argument) => $$"""
        using MarginRules;

        static class Policies
        {
            public static MarginPolicy Load() => MarginPolicy.Compile({{argument}});
        }
        """;

    [Fact]
    public async Task Regular_literal_name_written_with_an_escape()
    {
        // `acc\u006Funtt` spells "accountt"; the fix replaces all 13 source characters with `account`.
        const string policy = """
            "policy \"p\" currency USD\nequity = {|MR0101:acc\u006Funtt|}.wallet\nmaintenance = 0"
            """;
        var test = new PolicyCodeFixTest<DidYouMeanCodeFix>(Host(policy), Host(policy.Replace("{|MR0101:acc\\u006Funtt|}", "account", StringComparison.Ordinal)));
        await test.RunAsync();
    }

    [Fact]
    public async Task Verbatim_literal_member()
    {
        var test = new PolicyCodeFixTest<DidYouMeanCodeFix>(
            Host("""
                @"policy ""p"" currency USD
                equity = account.{|MR0103:walet|}
                maintenance = 0"
                """),
            Host("""
                @"policy ""p"" currency USD
                equity = account.wallet
                maintenance = 0"
                """));
        await test.RunAsync();
    }

    [Fact]
    public async Task Fix_all_in_a_raw_literal_applies_each_suggestion()
    {
        // MR0101 `acount` → account, MR0103 `walet` → wallet, MR0104 `sqr` → sqrt: one Fix All pass fixes all three.
        var test = new PolicyCodeFixTest<DidYouMeanCodeFix>(
            Host(""""
                """
                    policy "p" currency USD
                    equity = {|MR0101:acount|}.wallet
                    maintenance = account.{|MR0103:walet|} * {|MR0104:sqr|}(0)
                    """
                """"),
            Host(""""
                """
                    policy "p" currency USD
                    equity = account.wallet
                    maintenance = account.wallet * sqrt(0)
                    """
                """"))
        {
            NumberOfIncrementalIterations = 3,
            NumberOfFixAllIterations = 1,
        };
        await test.RunAsync();
    }

    [Fact]
    public async Task Unknown_column_in_a_table_lookup()
    {
        // The example of docs/diagnostics.md, MR0106: `hair_cut` is one edit from the column `haircut`.
        const string policy = """
            @"policy ""demo"" currency USD
            table haircuts by asset {
              columns haircut: ratio
              BTC: 20%
            }
            equity = sum(h in holdings: h.value * (100% - haircuts[h.asset].{|MR0106:hair_cut|}))
            maintenance = 0
            "
            """;
        var test = new PolicyCodeFixTest<DidYouMeanCodeFix>(Host(policy), Host(policy.Replace("{|MR0106:hair_cut|}", "haircut", StringComparison.Ordinal)));
        await test.RunAsync();
    }

    [Fact]
    public async Task No_fix_when_the_name_spans_two_literals()
    {
        // "acc" + "ountt": the diagnostic covers both literals and the `+`, so there is no one place to write the name.
        const string source = """
            using MarginRules;

            static class Policies
            {
                public static MarginPolicy Load() => MarginPolicy.Compile("policy \"p\" currency USD equity = {|#0:acc" + "ountt|}.wallet maintenance = 0");
            }
            """;
        var test = new PolicyCodeFixTest<DidYouMeanCodeFix>(source, source);
        test.ExpectedDiagnostics.Add(Expect.Diagnostic("MR0101", DiagnosticSeverity.Error, 0, "unknown name `accountt`"));
        await test.RunAsync();
    }
}
