using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Tests.Parsing;

/// <summary><c>size each</c>, a per-item share, read the same by the fast parser and the grammar.</summary>
public sealed class SizeEachParsingTests
{
    private const string Rule = """
        policy "p"
        liquidation partial {
          when true
          take p in positions where p.notional > 100_000 by p.notional desc
          size each if p.notional > 200_000 then 20% else 50%
          chunk 1_000
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Each_takes_one_expression(bool fastPath)
    {
        var tree = PolicyParser.Parse(new SourceText(Rule), useFastPath: fastPath);

        tree.Diagnostics.ShouldBeEmpty();
        var rule = tree.Root.Declarations.OfType<LiquidationDeclarationSyntax>().ShouldHaveSingleItem();
        rule.Size.Kind.ShouldBe(LiquidationSizeKind.Each);
        rule.Size.Target.ShouldBeNull();
        rule.Size.Value.ShouldNotBeNull().ToString().ShouldBe("(if (Greater p.notional 200000) 20.0% 50.0%)");
        rule.Chunk.ShouldNotBeNull().ToString().ShouldBe("1000");
        // Line 5 is "  size each if …": `each` starts in column 8, the share in column 13.
        var keyword = tree.Source.GetPosition(rule.Size.Span.Start);
        (keyword.Line, keyword.Column).ShouldBe((5, 8));
        var share = tree.Source.GetPosition(rule.Size.Value.Span.Start);
        (share.Line, share.Column).ShouldBe((5, 13));
    }

    [Fact]
    public void Both_parsers_build_the_same_tree()
    {
        foreach (var text in new[] { Rule, Rule.Replace("  chunk 1_000\n", string.Empty), Rule.Replace(" where p.notional > 100_000", string.Empty) })
        {
            var fast = PolicyParser.Parse(new SourceText(text));
            var grammar = PolicyParser.Parse(new SourceText(text), useFastPath: false);
            SyntaxTreeShape.Of(fast.Root).ShouldBe(SyntaxTreeShape.Of(grammar.Root));
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Each_without_a_share_is_a_syntax_error_at_the_next_token(bool fastPath)
    {
        var tree = PolicyParser.Parse(new SourceText(Rule.Replace("size each if p.notional > 200_000 then 20% else 50%", "size each")), useFastPath: fastPath);

        // The share is missing, so `chunk` (line 6, column 3) is where an expression was expected.
        var error = tree.Diagnostics.ShouldHaveSingleItem();
        error.Id.ShouldBe("MR0001");
        var at = tree.Source.GetPosition(error.Span.Start);
        (at.Line, at.Column).ShouldBe((6, 3));
    }

    [Fact]
    public void Each_is_a_keyword_and_cannot_name_a_parameter()
    {
        var tree = SyntaxTree.Parse("policy \"p\"\nparam each: ratio = 1%\n");

        var error = tree.Diagnostics.ShouldHaveSingleItem();
        error.Id.ShouldBe("MR0001");
        tree.Source.GetPosition(error.Span.Start).Line.ShouldBe(2);
    }
}
