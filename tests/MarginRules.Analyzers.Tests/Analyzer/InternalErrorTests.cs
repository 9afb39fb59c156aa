using MarginRules.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MarginRules.Analyzers.Tests.Analyzer;

/// <summary>A failing checker becomes MRA900, never an AD0001 warning that lets the build pass.</summary>
public sealed class InternalErrorTests
{
    private const string Message = "The MarginRules analyzer failed while checking this policy text: System.InvalidOperationException: checker defect";

    [Fact]
    public async Task Exception_while_checking_a_literal_is_reported_at_the_literal()
    {
        const string source = """
            using MarginRules;

            static class Policies
            {
                public static MarginPolicy Load() => MarginPolicy.Compile({|#0:"policy \"p\" currency USD equity = account.wallet maintenance = 0"|});
            }
            """;
        var test = new PolicyAnalyzerTest(source) { CheckFailure = new InvalidOperationException("checker defect") };
        test.ExpectedDiagnostics.Add(Expect.Diagnostic("MRA900", DiagnosticSeverity.Error, 0, Message));
        await test.RunAsync();
    }

    [Fact]
    public async Task Exception_while_checking_a_margin_file_is_reported_at_the_file()
    {
        var test = new PolicyAnalyzerTest("class Host { }") { CheckFailure = new InvalidOperationException("checker defect") };
        test.TestState.AdditionalFiles.Add(("/0/desk.margin", "policy \"p\" currency USD equity = account.wallet maintenance = 0"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult("MRA900", DiagnosticSeverity.Error).WithSpan("/0/desk.margin", 1, 1, 1, 1).WithMessage(Message));
        await test.RunAsync();
    }
}
