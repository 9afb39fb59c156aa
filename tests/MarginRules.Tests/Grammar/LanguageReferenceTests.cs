using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;
using MarginRules.Language.Runtime;
using Superpower.Display;

namespace MarginRules.Tests.Grammar;

/// <summary>docs/language.md stays true to the code: its policies check, and its lists and tables match the language.</summary>
public sealed class LanguageReferenceTests
{
    private const string DocumentPath = "docs/language.md";

    public static TheoryData<int> CompletePolicyLines()
    {
        var lines = new TheoryData<int>();
        foreach (var block in MarkdownDocument.Load(DocumentPath).Blocks.Where(b => b.IsCompletePolicy)) lines.Add(block.Line);
        return lines;
    }

    [Theory]
    [MemberData(nameof(CompletePolicyLines))]
    public void Every_complete_policy_checks_without_errors(int line)
    {
        var block = MarkdownDocument.Load(DocumentPath).Blocks.Single(b => b.Line == line);

        var result = PolicyChecker.Check(block.Text, $"language.md:{line}");

        result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Every_declaration_has_a_checked_example()
    {
        var policies = MarkdownDocument.Load(DocumentPath).Blocks.Where(b => b.IsCompletePolicy).Select(b => b.Text).ToList();

        // One complete example per declaration kind keeps each section's example from being a fragment that cannot rot-check.
        foreach (var keyword in new[] { "param ", "table ", "let ", "fn ", "initial ", "export ", "margin_call ", "liquidation ", "adl " })
            policies.ShouldContain(p => p.Contains("\n" + keyword, StringComparison.Ordinal), $"a checked policy with `{keyword.Trim()}`");
    }

    [Fact]
    public void Every_builtin_function_is_documented()
    {
        var document = MarkdownDocument.Load(DocumentPath);
        var section = document.SectionText(document.Headings.Single(h => h.Text == "Built-in functions"));

        foreach (var name in BindingFacts.Builtins.Keys)
            section.ShouldContain($"| `{name}(", customMessage: $"built-in `{name}` has no row in the table");
    }

    [Fact]
    public void Every_keyword_is_listed()
    {
        var document = MarkdownDocument.Load(DocumentPath);
        var section = document.SectionText(document.Headings.Single(h => h.Text == "Keywords"));
        var keywords = typeof(TokenKind).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<TokenAttribute>())
            .Where(a => a?.Category == "keyword")
            .Select(a => a!.Example!)
            .ToList();

        keywords.ShouldNotBeEmpty();
        foreach (var keyword in keywords) section.ShouldContain($"`{keyword}`");
    }

    [Fact]
    public void Every_account_and_item_member_is_documented()
    {
        var document = MarkdownDocument.Load(DocumentPath);
        string Section(string title) => document.SectionText(document.Headings.Single(h => h.Text == title));

        foreach (var member in BindingFacts.AccountFields.Keys) Section("`account`").ShouldContain($"| `account.{member}` |");
        foreach (var member in BindingFacts.Members(CollectionKind.Positions).Keys)
            Section("Positions: `x in positions`").ShouldContain($"`{member}`");
        foreach (var member in BindingFacts.Members(CollectionKind.Holdings).Keys)
            Section("Holdings and debts: `x in holdings`, `x in debts`").ShouldContain($"| `{member}` |");
    }

    [Fact]
    public void The_rounding_table_agrees_with_PolicyMath()
    {
        var document = MarkdownDocument.Load(DocumentPath);
        var rows = document.SectionText(document.Headings.Single(h => h.Text == "Rounding")).Split('\n')
            .Select(l => Regex.Match(l, @"^\| `round\(([-0-9.]+), (\d+), …\)` \| (.+) \| (.+) \| (.+) \| (.+) \|$"))
            .Where(m => m.Success)
            .ToList();

        // The table has 9 rows: 2.345, -2.345, 2.355, 2.341, -2.341, 2.5, -2.5, 3.5 and 2.3.
        rows.Count.ShouldBe(9);
        foreach (var row in rows)
        {
            var value = decimal.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);
            var digits = int.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture);
            var modes = new[] { RoundingMode.HalfUp, RoundingMode.HalfEven, RoundingMode.Down, RoundingMode.Up };
            for (var i = 0; i < modes.Length; i++)
            {
                var documented = decimal.Parse(row.Groups[3 + i].Value.Replace('−', '-'), CultureInfo.InvariantCulture);
                PolicyMath.Round(value, digits, modes[i]).ShouldBe(documented, $"round({value}, {digits}, {modes[i]})");
            }
        }
    }

    [Theory]
    [InlineData("docs/language.md")]
    [InlineData("docs/diagnostics.md")]
    public void Every_relative_link_resolves(string path)
    {
        var document = MarkdownDocument.Load(path);
        var directory = Path.GetDirectoryName(path)!.Replace('\\', '/');
        var broken = new List<string>();

        foreach (var target in document.LinkTargets().Where(t => !t.Contains("://", StringComparison.Ordinal)))
        {
            var hash = target.IndexOf('#');
            var file = hash < 0 ? target : target[..hash];
            var anchor = hash < 0 ? null : target[(hash + 1)..];
            var targetPath = file.Length == 0 ? path : Path.GetRelativePath(RepositoryFile.PathOf("."), RepositoryFile.PathOf(directory + "/" + file)).Replace('\\', '/');
            if (!File.Exists(RepositoryFile.PathOf(targetPath))) broken.Add(target);
            else if (anchor != null && !MarkdownDocument.Load(targetPath).Headings.Any(h => h.Anchor == anchor)) broken.Add(target);
        }

        broken.ShouldBeEmpty();
    }
}
