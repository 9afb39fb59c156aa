using MarginRules.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace MarginRules.Analyzers.Tests.Analyzer;

/// <summary>Every way a constant reaches a marked parameter, field or property is checked.</summary>
public sealed class TargetTests
{
    // `marginrules check` on this text reports 1:49 error MR0203 cannot add ratio to money: the `+` the markup marks.
    private const string UnitMismatch = """policy "p" currency USD equity = account.wallet {|#N:+|} 25% maintenance = 0""";

    private static string Policy(int location) => UnitMismatch.Replace("#N", "#" + location, StringComparison.Ordinal);

    private static DiagnosticResultArray Mismatches(int count) =>
        new(Enumerable.Range(0, count).Select(i => Expect.Diagnostic("MR0203", DiagnosticSeverity.Error, i, "cannot add ratio to money")).ToArray());

    [Fact]
    public async Task Attribute_constructor_and_named_arguments()
    {
        var source = $$""""
            using System;
            using MarginRules;

            [AttributeUsage(AttributeTargets.Class)]
            sealed class PolicyAttribute([MarginPolicySyntax] string text) : Attribute
            {
                public string Text { get; } = text;

                [MarginPolicySyntax]
                public string? Fallback { get; set; }
            }

            [Policy("""{{Policy(0)}}""", Fallback = """{{Policy(1)}}""")]
            sealed class Desk
            {
            }
            """";
        await PolicyAnalyzerTest.VerifyAsync(source, Mismatches(2).Items);
    }

    [Fact]
    public async Task Marked_const_field_property_initializer_and_object_initializer()
    {
        var source = $$""""
            using MarginRules;

            sealed class Settings
            {
                [MarginPolicySyntax]
                public const string Default = """{{Policy(0)}}""";

                [MarginPolicySyntax]
                public string Policy { get; set; } = """{{Policy(1)}}""";

                [MarginPolicySyntax]
                public string? Backup;

                public static Settings Create() => new() { Backup = """{{Policy(2)}}""" };

                public void Reset() => Policy = """{{Policy(3)}}""";
            }
            """";
        await PolicyAnalyzerTest.VerifyAsync(source, Mismatches(4).Items);
    }

    [Fact]
    public async Task A_const_used_twice_is_reported_once_at_its_declaration()
    {
        var source = $$""""
            using MarginRules;

            static class Policies
            {
                private const string Shared = """{{Policy(0)}}""";

                public static void Load()
                {
                    MarginPolicy.Compile(Shared);
                    MarginPolicy.TryCompile(Shared, out _, out _);
                }
            }
            """";
        await PolicyAnalyzerTest.VerifyAsync(source, Mismatches(1).Items);
    }

    [Fact]
    public async Task Named_argument_out_of_order()
    {
        var source = $$""""
            using MarginRules;

            static class Policies
            {
                public static void Load() => MarginPolicy.Compile(path: "desk.margin", text: """{{Policy(0)}}""");
            }
            """";
        await PolicyAnalyzerTest.VerifyAsync(source, Mismatches(1).Items);
    }

    [Fact]
    public async Task Override_inherits_the_marked_parameter()
    {
        var source = $$""""
            using MarginRules;

            abstract class Loader
            {
                public abstract void Load([MarginPolicySyntax] string text);
            }

            sealed class DeskLoader : Loader
            {
                public override void Load(string text) { }

                public void Run() => Load("""{{Policy(0)}}""");
            }
            """";
        await PolicyAnalyzerTest.VerifyAsync(source, Mismatches(1).Items);
    }

    [Fact]
    public async Task A_valid_policy_reports_nothing()
    {
        const string source = """"
            using MarginRules;

            static class Policies
            {
                public static MarginPolicy Load() => MarginPolicy.Compile("""policy "p" currency USD equity = account.wallet maintenance = 0""");
            }
            """";
        await PolicyAnalyzerTest.VerifyAsync(source);
    }

    /// <summary>Wraps an array so a test can name it without a params ambiguity.</summary>
    private sealed record DiagnosticResultArray(Microsoft.CodeAnalysis.Testing.DiagnosticResult[] Items);
}
