extern alias analyzers;
using analyzers::MarginRules.Analyzers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace MarginRules.Analyzers.Tests.Infrastructure;

/// <summary>A code fix test compiled against .NET 10 and MarginRules.</summary>
internal sealed class PolicyCodeFixTest<TCodeFix> : CSharpCodeFixTest<MarginPolicyAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public PolicyCodeFixTest(string source, string fixedSource)
    {
        TestCode = source;
        FixedCode = fixedSource;
        TestReferences.Configure(this, referenceMarginRules: true);
    }
}
