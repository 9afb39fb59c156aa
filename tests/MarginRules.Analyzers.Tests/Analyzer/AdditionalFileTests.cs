using MarginRules.Analyzers.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MarginRules.Analyzers.Tests.Analyzer;

/// <summary>.margin files passed as AdditionalFiles are checked and reported at their own lines and columns.</summary>
public sealed class AdditionalFileTests
{
    private const string HostSource = "class Host { }";

    [Fact]
    public async Task Margin_file_diagnostics_point_into_the_file()
    {
        var test = new PolicyAnalyzerTest(HostSource);
        test.TestState.AdditionalFiles.Add(("/0/desk.margin", "policy \"p\" currency USD\nparam unused: ratio = 0.25\nequity = account.wallet + 25%\nmaintenance = accountt.wallet\n"));

        // `marginrules check` on the same text: 2:7 MR0401 (6 characters), 2:23 MR0409 (4), 3:25 MR0203 (1), 4:15 MR0101 (8).
        test.ExpectedDiagnostics.AddRange(
        [
            new DiagnosticResult("MR0401", DiagnosticSeverity.Warning).WithSpan("/0/desk.margin", 2, 7, 2, 13).WithMessage("parameter `unused` is never used"),
            new DiagnosticResult("MR0409", DiagnosticSeverity.Info).WithSpan("/0/desk.margin", 2, 23, 2, 27).WithMessage("write the ratio 0.25 as 25%"),
            new DiagnosticResult("MR0203", DiagnosticSeverity.Error).WithSpan("/0/desk.margin", 3, 25, 3, 26).WithMessage("cannot add ratio to money"),
            new DiagnosticResult("MR0101", DiagnosticSeverity.Error).WithSpan("/0/desk.margin", 4, 15, 4, 23).WithMessage("unknown name `accountt`"),
        ]);
        await test.RunAsync();
    }

    [Fact]
    public async Task Other_additional_files_are_ignored()
    {
        var test = new PolicyAnalyzerTest(HostSource);
        test.TestState.AdditionalFiles.Add(("/0/notes.txt", "policy \"p\" equity = nonsense +"));
        await test.RunAsync();
    }
}
