using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;

namespace MarginRules.Tests.Parsing;

/// <summary>The compact <c>line:col: CODE: message</c> form that the golden file and the parsing tests compare.</summary>
internal static class DiagnosticLine
{
    public static string Format(Diagnostic diagnostic) =>
        $"{diagnostic.Start.Line}:{diagnostic.Start.Column}: {diagnostic.Id}: {diagnostic.Message}";

    public static string[] Of(SyntaxTree tree) => tree.Diagnostics.Select(Format).ToArray();
}
