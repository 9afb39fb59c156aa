using System.Text.RegularExpressions;
using MarginRules.Language.Diagnostics;

namespace MarginRules.Analyzers.Tests.Catalog;

/// <summary>A language diagnostic with the field name and summary it is declared with in DiagnosticDescriptors.cs.</summary>
internal sealed record LanguageRule(DiagnosticDescriptor Descriptor, string FieldName, string Summary)
{
    private static readonly Regex Declaration = new(
        @"/// <summary>(?<id>MR\d{4}): (?<summary>.*?)</summary>\s*public static readonly DiagnosticDescriptor (?<field>\w+) = Make\(""\k<id>""",
        RegexOptions.Singleline);

    public string Id => Descriptor.Id;

    public string Category => "MarginRules." + Descriptor.Stage;

    public string Severity => Descriptor.Severity.ToString();

    /// <summary>GitHub's heading anchor for this code's section in docs/diagnostics.md.</summary>
    public string Anchor => Regex.Replace($"{Id}: {Descriptor.Title}".ToLowerInvariant(), @"[^a-z0-9 _-]", "").Replace(' ', '-');

    /// <summary>Every language diagnostic, in code order.</summary>
    public static IReadOnlyList<LanguageRule> All { get; } = Load();

    private static LanguageRule[] Load()
    {
        var source = File.ReadAllText(Infrastructure.RepositoryRoot.Combine("src", "MarginRules.Language", "Diagnostics", "DiagnosticDescriptors.cs"));
        var declared = Declaration.Matches(source).ToDictionary(m => m.Groups["id"].Value, m => (Field: m.Groups["field"].Value, Summary: m.Groups["summary"].Value));
        return DiagnosticDescriptors.All.Select(d =>
        {
            var (field, summary) = declared[d.Id];
            return new LanguageRule(d, field, char.ToUpperInvariant(summary[0]) + summary[1..]);
        }).ToArray();
    }
}
