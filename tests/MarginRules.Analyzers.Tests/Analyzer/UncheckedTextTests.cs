using MarginRules.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MarginRules.Analyzers.Tests.Analyzer;

/// <summary>Text the analyzer cannot or should not check.</summary>
public sealed class UncheckedTextTests
{
    [Fact]
    public async Task Non_constant_text_gets_an_info()
    {
        const string source = """
            using System.IO;
            using MarginRules;

            static class Policies
            {
                public static void Load(string currency)
                {
                    var text = File.ReadAllText("desk.margin");
                    MarginPolicy.Compile({|#0:text|});
                    MarginPolicy.Compile({|#1:$"policy \"p\" currency {currency} equity = account.wallet maintenance = 0"|});
                }
            }
            """;
        await PolicyAnalyzerTest.VerifyAsync(
            source,
            Expect.Diagnostic("MRA001", DiagnosticSeverity.Info, 0, "The policy text passed to `text` is not a constant, so it cannot be checked at build time"),
            Expect.Diagnostic("MRA001", DiagnosticSeverity.Info, 1, "The policy text passed to `text` is not a constant, so it cannot be checked at build time"));
    }

    [Fact]
    public async Task Forwarding_a_marked_parameter_is_not_reported()
    {
        // The caller of Load is where the text is checked.
        const string source = """
            using MarginRules;

            static class Policies
            {
                public static MarginPolicy Load([MarginPolicySyntax] string text) => MarginPolicy.Compile(text);
            }
            """;
        await PolicyAnalyzerTest.VerifyAsync(source);
    }

    [Fact]
    public async Task Null_and_unmarked_parameters_are_not_checked()
    {
        const string source = """
            using MarginRules;

            static class Policies
            {
                public static void Load()
                {
                    MarginPolicy.Compile(null!);
                    MarginPolicy.Compile("policy \"p\" currency USD equity = account.wallet maintenance = 0", path: "policy \"p\" equity = nonsense +");
                }
            }
            """;
        await PolicyAnalyzerTest.VerifyAsync(source);
    }

    [Fact]
    public async Task Without_the_marker_type_nothing_is_reported()
    {
        // A project that does not reference MarginRules, with a look-alike API and a .margin file: the analyzer
        // stops at the marker lookup.
        const string source = """
            static class MarginPolicy
            {
                public static void Compile(string text) { }

                public static void Load() => Compile("policy \"p\" currency USD equity = account.wallet + 25% maintenance = 0");
            }
            """;
        var test = new PolicyAnalyzerTest(source, referenceMarginRules: false);
        test.TestState.AdditionalFiles.Add(("/0/broken.margin", "policy \"p\" equity = nonsense +"));
        await test.RunAsync();
    }
}
