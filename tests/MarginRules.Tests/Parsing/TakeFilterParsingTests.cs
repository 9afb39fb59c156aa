using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Tests.Parsing;

/// <summary>The <c>where</c> filter of a liquidation's <c>take</c> clause, read the same by the fast parser and the grammar.</summary>
public sealed class TakeFilterParsingTests
{
    private const string Rule = """
        policy "p"
        liquidation isolated {
          when true
          take p in positions where p.isolated and p.notional > 0 by p.notional desc
          size all
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void The_filter_sits_between_the_collection_and_the_order(bool fastPath)
    {
        var tree = PolicyParser.Parse(new SourceText(Rule), useFastPath: fastPath);

        tree.Diagnostics.ShouldBeEmpty();
        var rule = tree.Root.Declarations.OfType<LiquidationDeclarationSyntax>().ShouldHaveSingleItem();
        rule.Filter.ShouldNotBeNull().ToString().ShouldBe("(And p.isolated (Greater p.notional 0))");
        rule.OrderBy.ShouldNotBeNull().ToString().ShouldBe("p.notional");
        rule.Descending.ShouldBeTrue();
        // Line 4 is "  take p in positions where p.isolated …": `where` is in column 23, its condition starts in column 29.
        var start = tree.Source.GetPosition(rule.Filter.Span.Start);
        (start.Line, start.Column).ShouldBe((4, 29));
    }

    [Fact]
    public void Both_parsers_build_the_same_tree_with_and_without_an_order()
    {
        foreach (var text in new[] { Rule, Rule.Replace(" by p.notional desc", string.Empty) })
        {
            var fast = PolicyParser.Parse(new SourceText(text));
            var grammar = PolicyParser.Parse(new SourceText(text), useFastPath: false);
            SyntaxTreeShape.Of(fast.Root).ShouldBe(SyntaxTreeShape.Of(grammar.Root));
        }
    }

    [Fact]
    public void A_rule_without_a_filter_has_none()
    {
        var tree = SyntaxTree.Parse(Rule.Replace(" where p.isolated and p.notional > 0", string.Empty));

        tree.Root.Declarations.OfType<LiquidationDeclarationSyntax>().Single().Filter.ShouldBeNull();
    }
}
