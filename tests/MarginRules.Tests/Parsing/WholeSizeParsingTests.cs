using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Tests.Parsing;

/// <summary><c>size whole</c>, read the same by the fast parser and the grammar; <c>whole</c> stays an ordinary name elsewhere.</summary>
public sealed class WholeSizeParsingTests
{
    private const string Rule = """
        policy "p"
        liquidation absorb {
          when true
          take h in holdings where h.value > 0
          size whole
          penalty 5% to protocol
        }
        """;

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Size_whole_has_no_value_and_spans_its_word(bool fastPath)
    {
        var tree = PolicyParser.Parse(new SourceText(Rule), useFastPath: fastPath);

        tree.Diagnostics.ShouldBeEmpty();
        var size = tree.Root.Declarations.OfType<LiquidationDeclarationSyntax>().ShouldHaveSingleItem().Size;
        size.Kind.ShouldBe(LiquidationSizeKind.Whole);
        size.ToString().ShouldBe("(size whole - -)");
        // Line 5 is "  size whole": `whole` starts in column 8 and is 5 characters long.
        var start = tree.Source.GetPosition(size.Span.Start);
        (start.Line, start.Column).ShouldBe((5, 8));
        size.Span.Length.ShouldBe(5);
    }

    [Fact]
    public void Both_parsers_build_the_same_tree()
    {
        var fast = PolicyParser.Parse(new SourceText(Rule));
        var grammar = PolicyParser.Parse(new SourceText(Rule), useFastPath: false);

        SyntaxTreeShape.Of(fast.Root).ShouldBe(SyntaxTreeShape.Of(grammar.Root));
    }

    [Fact]
    public void Whole_is_not_reserved()
    {
        // A contextual word: a definition may still be called `whole`.
        var tree = SyntaxTree.Parse(Rule + "\nlet whole = 1\n");

        tree.Diagnostics.ShouldBeEmpty();
        tree.Root.Declarations.Count.ShouldBe(2);
    }
}
