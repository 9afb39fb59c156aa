using System.Text;

namespace MarginRules.Analyzers.Tests.Catalog;

/// <summary>
/// Renders the files generated from the language's diagnostics: the analyzer's rule descriptors, its release tracking
/// file and one documentation page per code.
/// </summary>
internal static class RuleCatalogRenderer
{
    private static readonly string[] DidYouMeanIds = ["MR0101", "MR0103", "MR0104", "MR0106"];

    public static string PolicyRulesSource()
    {
        var sb = new StringBuilder();
        sb.Append("""
            // Generated from MarginRules.Language's DiagnosticDescriptors by the analyzer tests' RuleCatalogTests; set
            // MARGINRULES_UPDATE_GENERATED=1 and run them to rewrite it. Ids are stable and never reused.
            using System.Collections.Immutable;
            using Microsoft.CodeAnalysis;

            namespace MarginRules.Analyzers.Rules;

            /// <summary>One rule per policy diagnostic code, with the checker's title and default severity.</summary>
            internal static class PolicyRules
            {

            """);
        foreach (var rule in LanguageRule.All)
        {
            sb.Append($"    /// <summary>{rule.Id}: {rule.Descriptor.Title}.</summary>\n");
            sb.Append($"    public static readonly DiagnosticDescriptor {rule.FieldName} = new(\n");
            sb.Append($"        \"{rule.Id}\",\n");
            sb.Append($"        {Quote(rule.Descriptor.Title)},\n");
            sb.Append("        \"{0}\",\n");
            sb.Append($"        \"{rule.Category}\",\n");
            sb.Append($"        DiagnosticSeverity.{rule.Severity},\n");
            sb.Append("        isEnabledByDefault: true,\n");
            sb.Append($"        description: {Quote(rule.Summary)},\n");
            sb.Append($"        helpLinkUri: AnalyzerRules.HelpLinkBase + \"{rule.Id}.md\");\n\n");
        }

        sb.Append("    /// <summary>Every rule, in code order.</summary>\n");
        sb.Append("    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(\n");
        sb.Append(string.Join(",\n", LanguageRule.All.Select(r => "        " + r.FieldName)));
        sb.Append(");\n}\n");
        return sb.ToString();
    }

    public static string UnshippedReleases()
    {
        var sb = new StringBuilder();
        sb.Append("""
            ; Unshipped analyzer release
            ; https://github.com/dotnet/roslyn-analyzers/blob/main/src/Microsoft.CodeAnalysis.Analyzers/ReleaseTrackingAnalyzers.Help.md

            ### New Rules

            Rule ID | Category | Severity | Notes
            --------|----------|----------|-------

            """);
        foreach (var rule in LanguageRule.All)
            sb.Append($"{rule.Id} | {rule.Category} | {rule.Severity} | {rule.Descriptor.Title}\n");
        sb.Append("MRA001 | MarginRules.Analyzer | Info | Policy text cannot be checked at build time\n");
        sb.Append("MRA900 | MarginRules.Analyzer | Error | The MarginRules analyzer failed\n");
        return sb.ToString();
    }

    public static string RuleDoc(LanguageRule rule)
    {
        var d = rule.Descriptor;
        var details = $"[diagnostics.md]({"../diagnostics.md#" + rule.Anchor})";
        var fix = rule.Id switch
        {
            _ when DidYouMeanIds.Contains(rule.Id) =>
                "\n\nWhen the checker finds a close match, its help line says \"did you mean `…`?\" and the IDE offers the code " +
                "fix **Did you mean `…`?**, which replaces the name inside the string literal (escaped for regular, verbatim " +
                "and raw literals); **Fix All** applies every suggestion in a document, project or solution.",
            "MR0409" =>
                "\n\nThe IDE offers the code fix **Write as …%**, which rewrites the fraction inside the string literal, such as " +
                "`0.25` to `25%`; **Fix All** rewrites every one.",
            _ => "",
        };
        return $"""
            # {rule.Id}: {d.Title}

            | Property | Value |
            |---|---|
            | Id | {rule.Id} |
            | Category | {rule.Category} |
            | Default severity | {rule.Severity} |
            | Message | {Code(d.MessageFormat)} |

            ## Cause

            {rule.Summary}

            ## Rule description

            The MarginRules checker reports {rule.Id} in the {d.Stage.ToString().ToLowerInvariant()} stage. The analyzer runs the
            same checker at build time on policy text embedded in C# (a constant string that reaches a parameter, field or
            property marked `[MarginPolicySyntax]`, such as the `text` parameter of `MarginPolicy.Compile`) and on `.margin`
            files passed to the compiler as `AdditionalFiles`. It reports the diagnostic with the checker's id, message and
            severity, at the exact characters inside the string literal (or at the policy file's own line and column).

            See {details} for the full description and an example.

            ## How to fix

            Correct the policy text as {details} describes.{fix}

            ## How to suppress

            ```csharp
            #pragma warning disable {rule.Id} // {d.Title}
            var policy = MarginPolicy.Compile(PolicyText);
            #pragma warning restore {rule.Id} // {d.Title}
            ```

            Or change its severity for C# files in `.editorconfig`:

            ```ini
            [*.cs]
            dotnet_diagnostic.{rule.Id}.severity = none
            ```

            A `.margin` file has no `#pragma`: put the same `dotnet_diagnostic` line in a global analyzer config (a
            `.globalconfig` file with `is_global = true`), or add {rule.Id} to the project's `<NoWarn>`.

            """.Replace("\r\n", "\n");
    }

    // Markdown code spans that contain backticks need a longer fence and padding.
    private static string Code(string text) => text.Contains('`') ? $"`` {text} ``" : $"`{text}`";

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
