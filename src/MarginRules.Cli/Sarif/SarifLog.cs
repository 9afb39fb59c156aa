using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using MarginRules.Cli.Json;
using MarginRules.Language.Diagnostics;

namespace MarginRules.Cli.Sarif;

/// <summary>
/// Writes diagnostics as a SARIF 2.1.0 log (OASIS Static Analysis Results Interchange Format), the format code-scanning
/// services read: one run of the <c>marginrules</c> tool, its rules, and one result per diagnostic.
/// </summary>
internal static class SarifLog
{
    /// <summary>The schema the log declares.</summary>
    public const string Schema = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    /// <summary>The SARIF log for <paramref name="diagnostics"/>; file paths are made relative to <paramref name="baseDirectory"/>.</summary>
    public static string Write(IReadOnlyList<Diagnostic> diagnostics, string baseDirectory) => JsonText.Write(w =>
    {
        // Only the rules the results use, in code order, so ruleIndex stays small and the log reads top to bottom.
        var rules = diagnostics.Select(d => d.Descriptor).Distinct().OrderBy(r => r.Id, StringComparer.Ordinal).ToList();
        w.WriteStartObject();
        w.WriteString("$schema", Schema);
        w.WriteString("version", "2.1.0");
        w.WriteStartArray("runs");
        w.WriteStartObject();
        w.WriteStartObject("tool");
        w.WriteStartObject("driver");
        w.WriteString("name", "marginrules");
        w.WriteStartArray("rules");
        foreach (var rule in rules) WriteRule(w, rule);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteStartArray("results");
        foreach (var d in diagnostics) WriteResult(w, d, rules.IndexOf(d.Descriptor), baseDirectory);
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    });

    /// <summary>The SARIF level of a severity: <c>error</c>, <c>warning</c> or <c>note</c>.</summary>
    public static string Level(DiagnosticSeverity severity) => severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "note",
    };

    /// <summary>A rule's name: its title in PascalCase (<c>Unknown name</c> → <c>UnknownName</c>).</summary>
    public static string RuleName(DiagnosticDescriptor rule)
    {
        var sb = new StringBuilder();
        foreach (var word in rule.Title.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letters = new string(word.Where(char.IsLetterOrDigit).ToArray());
            if (letters.Length > 0) sb.Append(char.ToUpperInvariant(letters[0])).Append(letters, 1, letters.Length - 1);
        }

        return sb.ToString();
    }

    /// <summary>The rule's section of <c>docs/diagnostics.md</c>, anchored the way the repository host slugs headings.</summary>
    public static string HelpUri(DiagnosticDescriptor rule)
    {
        var heading = $"{rule.Id}: {rule.Title}".ToLowerInvariant();
        var slug = new string(heading.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_').ToArray()).Replace(' ', '-');
        return "docs/diagnostics.md#" + slug;
    }

    /// <summary>The artifact URI of a file: a relative path with <c>/</c> separators, percent-encoded; an absolute <c>file:</c> URI when no relative path exists.</summary>
    public static string ArtifactUri(string path, string baseDirectory)
    {
        var relative = Path.IsPathRooted(path) ? Path.GetRelativePath(baseDirectory, path) : path;
        if (Path.IsPathRooted(relative)) return new Uri(relative).AbsoluteUri;
        var segments = relative.Replace('\\', '/').Split('/');
        return string.Join("/", segments.Select(Uri.EscapeDataString));
    }

    private static void WriteRule(Utf8JsonWriter w, DiagnosticDescriptor rule)
    {
        w.WriteStartObject();
        w.WriteString("id", rule.Id);
        w.WriteString("name", RuleName(rule));
        w.WriteStartObject("shortDescription");
        w.WriteString("text", rule.Title);
        w.WriteEndObject();
        w.WriteString("helpUri", HelpUri(rule));
        w.WriteStartObject("defaultConfiguration");
        w.WriteString("level", Level(rule.Severity));
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter w, Diagnostic d, int ruleIndex, string baseDirectory)
    {
        w.WriteStartObject();
        w.WriteString("ruleId", d.Id);
        w.WriteNumber("ruleIndex", ruleIndex);
        w.WriteString("level", Level(d.Severity));
        w.WriteStartObject("message");

        // Help lines ("did you mean …") follow the message, as the text renderer prints them.
        w.WriteString("text", string.Concat(new[] { d.Message }.Concat(d.Help.Select(h => "\nhelp: " + h))));
        w.WriteEndObject();
        w.WriteStartArray("locations");
        w.WriteStartObject();
        w.WriteStartObject("physicalLocation");
        w.WriteStartObject("artifactLocation");
        w.WriteString("uri", ArtifactUri(d.Path, baseDirectory));
        w.WriteEndObject();
        w.WriteStartObject("region");
        w.WriteNumber("startLine", d.Start.Line);
        w.WriteNumber("startColumn", d.Start.Column);
        w.WriteNumber("endLine", d.End.Line);
        w.WriteNumber("endColumn", d.End.Column);
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
