using CsCheck;
using MarginRules.Language.Formatting;
using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Formatting;

public sealed class PolicyFormatterPropertyTests
{
    [Fact]
    public void Formatting_keeps_the_tree_and_every_comment_and_is_idempotent()
    {
        PolicyTextGenerator.Policy.Sample(text =>
        {
            var original = SyntaxTree.Parse(text);

            // A generator that writes invalid text would make the property vacuous, so it fails here instead.
            original.Diagnostics.ShouldBeEmpty("the generated policy must parse:\n" + text);

            var formatted = PolicyFormatter.Format(original);
            var reparsed = SyntaxTree.Parse(formatted);
            reparsed.Diagnostics.ShouldBeEmpty("the formatted policy must parse:\n" + formatted);
            reparsed.Root.ToString().ShouldBe(original.Root.ToString(), "formatting changed the tree:\n" + formatted);
            reparsed.Comments.Select(c => c.Text).ShouldBe(original.Comments.Select(c => c.Text), "formatting lost or reordered a comment:\n" + formatted);
            PolicyFormatter.Format(reparsed).ShouldBe(formatted, "formatting is not idempotent:\n" + formatted);
        }, iter: 300);
    }

    [Fact]
    public void The_generator_covers_every_form_of_the_grammar()
    {
        var seen = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>();
        PolicyTextGenerator.Policy.Sample(text =>
        {
            var tree = SyntaxTree.Parse(text);
            if (tree.Comments.Count > 0) seen.TryAdd("comment", true);
            if (text.Contains("\\\"") && text.Contains("\\\\")) seen.TryAdd("escapes", true);
            foreach (var feature in Features(tree.Root)) seen.TryAdd(feature, true);
        }, iter: 300);

        var expected = new[]
        {
            "comment", "escapes",
            nameof(ParameterDeclarationSyntax), nameof(LetDeclarationSyntax), nameof(FunctionDeclarationSyntax),
            nameof(EquityDeclarationSyntax), nameof(RequirementDeclarationSyntax), nameof(ExportDeclarationSyntax),
            nameof(TableDeclarationSyntax), nameof(MarginCallDeclarationSyntax), nameof(LiquidationDeclarationSyntax),
            nameof(AdlDeclarationSyntax),
            nameof(NumberLiteralSyntax), nameof(StringLiteralSyntax), nameof(BoolLiteralSyntax), nameof(NameSyntax),
            nameof(CallSyntax), nameof(AggregateSyntax), nameof(MemberAccessSyntax), nameof(IndexSyntax),
            nameof(UnarySyntax), nameof(BinarySyntax), nameof(ConditionalSyntax),
            "keyed table", "bracket table", "open bracket", "negative cell", "percent", "money",
        };
        expected.Where(f => !seen.ContainsKey(f)).ShouldBeEmpty();
    }

    private static IEnumerable<string> Features(SyntaxNode root)
    {
        var stack = new Stack<SyntaxNode>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var node = stack.Pop();
            yield return node.GetType().Name;
            switch (node)
            {
                case TableDeclarationSyntax table:
                    yield return table.Key.Kind == TableKeyKind.Bracket ? "bracket table" : "keyed table";
                    foreach (var row in table.Rows)
                    {
                        if (row.Key.Kind == RowKeyKind.Bracket && row.Key.Upper == null) yield return "open bracket";
                        if (row.Cells.Any(c => c.Kind == CellKind.Number && c.Number < 0)) yield return "negative cell";
                    }

                    break;
                case NumberLiteralSyntax number:
                    if (number.IsPercent) yield return "percent";
                    if (number.UnitSuffix != null) yield return "money";
                    break;
            }

            foreach (var child in SyntaxFacts.Children(node)) stack.Push(child);
        }
    }
}
