using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace MarginRules.Analyzers.Tests.Infrastructure;

/// <summary>The diagnostics the shared test policy produces, at markup locations {|#0:…|} to {|#3:…|}.</summary>
internal static class Expect
{
    /// <summary>
    /// The policy every literal form embeds. `marginrules check` reports, in this order: MR0401 warning at `unused`
    /// (3:7), MR0409 info at `0.25` (3:23), MR0203 error at `+` (4:25), MR0101 error at `accountt` (5:15).
    /// </summary>
    public static DiagnosticResult[] FourKinds(int first = 0) =>
    [
        Diagnostic("MR0401", DiagnosticSeverity.Warning, first, "parameter `unused` is never used"),
        Diagnostic("MR0409", DiagnosticSeverity.Info, first + 1, "write the ratio 0.25 as 25%"),
        Diagnostic("MR0203", DiagnosticSeverity.Error, first + 2, "cannot add ratio to money"),
        Diagnostic("MR0101", DiagnosticSeverity.Error, first + 3, "unknown name `accountt`"),
    ];

    public static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity, int location, string message) =>
        new DiagnosticResult(id, severity).WithLocation(location).WithMessage(message);
}
