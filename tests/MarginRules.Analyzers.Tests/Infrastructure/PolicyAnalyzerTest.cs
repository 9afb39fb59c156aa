extern alias analyzers;
using analyzers::MarginRules.Analyzers;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace MarginRules.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test compiled against .NET 10 and MarginRules, optionally with a checker that fails.</summary>
internal sealed class PolicyAnalyzerTest : CSharpAnalyzerTest<MarginPolicyAnalyzer, DefaultVerifier>
{
    public PolicyAnalyzerTest(string source, bool referenceMarginRules = true)
    {
        TestCode = source;
        TestReferences.Configure(this, referenceMarginRules);
    }

    /// <summary>Runs the analyzer on <paramref name="source"/> and expects exactly <paramref name="expected"/>.</summary>
    public static Task VerifyAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new PolicyAnalyzerTest(source);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>When set, every check throws this exception, as a defect in the checker would.</summary>
    public Exception? CheckFailure { get; init; }

    protected override IEnumerable<DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        [CheckFailure is { } failure ? new MarginPolicyAnalyzer((_, _) => throw failure) : new MarginPolicyAnalyzer()];
}
