extern alias analyzers;
using analyzers::MarginRules.Analyzers;
using analyzers::MarginRules.Analyzers.Rules;
using MarginRules.Analyzers.Tests.Infrastructure;
using MarginRules.Language.Diagnostics;

namespace MarginRules.Analyzers.Tests.Catalog;

/// <summary>
/// The analyzer's rules, release tracking and rule pages are generated from the language's diagnostics; these tests
/// fail when they drift, and rewrite them when MARGINRULES_UPDATE_GENERATED=1.
/// </summary>
public sealed class RuleCatalogTests
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("MARGINRULES_UPDATE_GENERATED") == "1";

    [Fact]
    public void Policy_rules_source_is_generated_from_the_language()
    {
        AssertGenerated(RepositoryRoot.Combine("src", "MarginRules.Analyzers", "Rules", "PolicyRules.cs"), RuleCatalogRenderer.PolicyRulesSource());
    }

    [Fact]
    public void Release_tracking_lists_every_rule()
    {
        AssertGenerated(RepositoryRoot.Combine("src", "MarginRules.Analyzers", "AnalyzerReleases.Unshipped.md"), RuleCatalogRenderer.UnshippedReleases());
    }

    [Fact]
    public void Every_policy_rule_has_a_generated_page()
    {
        foreach (var rule in LanguageRule.All)
            AssertGenerated(RepositoryRoot.Combine("docs", "rules", rule.Id + ".md"), RuleCatalogRenderer.RuleDoc(rule));
    }

    [Fact]
    public void Every_supported_rule_has_a_page_with_the_four_sections()
    {
        foreach (var descriptor in new MarginPolicyAnalyzer().SupportedDiagnostics)
        {
            descriptor.HelpLinkUri.ShouldBe($"docs/rules/{descriptor.Id}.md");
            var page = File.ReadAllText(RepositoryRoot.Combine("docs", "rules", descriptor.Id + ".md"));
            page.ShouldStartWith($"# {descriptor.Id}: ");
            foreach (var section in new[] { "## Cause", "## Rule description", "## How to fix", "## How to suppress" })
                page.ShouldContain(section, customMessage: descriptor.Id);
        }
    }

    [Fact]
    public void Analyzer_supports_each_language_code_with_its_severity_and_title()
    {
        var supported = new MarginPolicyAnalyzer().SupportedDiagnostics.ToDictionary(d => d.Id);

        // Every language code plus the analyzer's own MRA001 and MRA900.
        supported.Count.ShouldBe(DiagnosticDescriptors.All.Count + 2);
        foreach (var language in DiagnosticDescriptors.All)
        {
            var rule = supported[language.Id];
            rule.Title.ToString().ShouldBe(language.Title);
            rule.DefaultSeverity.ShouldBe(language.Severity switch
            {
                DiagnosticSeverity.Error => Microsoft.CodeAnalysis.DiagnosticSeverity.Error,
                DiagnosticSeverity.Warning => Microsoft.CodeAnalysis.DiagnosticSeverity.Warning,
                _ => Microsoft.CodeAnalysis.DiagnosticSeverity.Info,
            }, language.Id);
            rule.IsEnabledByDefault.ShouldBeTrue();

            // Configurable by .editorconfig and #pragma: no rule is marked NotConfigurable.
            rule.CustomTags.ShouldNotContain(Microsoft.CodeAnalysis.WellKnownDiagnosticTags.NotConfigurable);
        }

        supported["MRA001"].ShouldBeSameAs(AnalyzerRules.NotConstant);
        supported["MRA900"].DefaultSeverity.ShouldBe(Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
    }

    private static void AssertGenerated(string path, string expected)
    {
        if (Update)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, expected);
        }

        File.Exists(path).ShouldBeTrue(path);
        File.ReadAllText(path).Replace("\r\n", "\n").ShouldBe(expected, $"{path} is out of date; run the tests with MARGINRULES_UPDATE_GENERATED=1");
    }
}
