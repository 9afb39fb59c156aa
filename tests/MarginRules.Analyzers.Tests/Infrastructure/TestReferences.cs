using Microsoft.CodeAnalysis.Testing;

namespace MarginRules.Analyzers.Tests.Infrastructure;

/// <summary>References for test compilations: .NET 10 from a restored package (nothing is downloaded at test time).</summary>
internal static class TestReferences
{
    public static void Configure(AnalyzerTest<DefaultVerifier> test, bool referenceMarginRules)
    {
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        test.TestState.AdditionalReferences.AddRange(Basic.Reference.Assemblies.Net100.References.All);
        if (!referenceMarginRules) return;
        test.TestState.AdditionalReferences.Add(typeof(MarginPolicy).Assembly);
        test.TestState.AdditionalReferences.Add(typeof(MarginRules.Language.Binding.PolicyChecker).Assembly);
    }
}
