using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;
using MarginRules.Tests.Parsing;

namespace MarginRules.Tests.Checking;

/// <summary>
/// The form check-diagnostics.txt compares: each diagnostic as <c>line:col: CODE: message</c>, followed by its
/// help lines as <c>  = help: text</c>.
/// </summary>
internal static class CheckLines
{
    public const string HelpPrefix = "  = help: ";

    public static string[] Of(PolicyCheckResult result) => Of(result.Diagnostics);

    public static string[] Of(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.SelectMany(d => new[] { DiagnosticLine.Format(d) }.Concat(d.Help.Select(h => HelpPrefix + h))).ToArray();

    /// <summary>Checks <paramref name="text"/> and returns its lines; the path is the one the golden cases use.</summary>
    public static string[] Check(string text, IReadOnlyDictionary<string, object>? overrides = null) =>
        Of(PolicyChecker.Check(text, "case.margin", overrides));
}
