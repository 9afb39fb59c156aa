using System.Text;
using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Parsing;

/// <summary>
/// Known defects of the tokenizer and parser. Each test states the correct behaviour, so it fails until the
/// defect is fixed; the comment on each names the cause.
/// </summary>
public sealed class ParserDefectTests
{
    private const string Header = "policy \"p\"\n";

    [Fact]
    public void Call_missing_its_closing_paren_is_reported_where_the_paren_is_missing()
    {
        // Primary tries `Call.Try()`: when the call fails, Try rewinds to the function name, `Name` then
        // succeeds, and the error lands on the `(` with no expectation, instead of at the end of the
        // arguments as for `(1 + 2` and `sum(p in positions: p.value`.
        var missing = SyntaxTree.Parse(Header + "let y = max(1, 2").Diagnostics.ShouldHaveSingleItem();
        var extra = SyntaxTree.Parse(Header + "let y = max(1, 2 3)").Diagnostics.ShouldHaveSingleItem();

        // "let y = max(1, 2" is 16 characters, so the end of input is column 17; `3` is in column 18.
        missing.Id.ShouldBe("MR0001");
        (missing.Start.Line, missing.Start.Column).ShouldBe((2, 17));
        missing.Message.ShouldStartWith("unexpected end of input, expected ");
        missing.Message.ShouldContain("`)`");
        extra.Id.ShouldBe("MR0001");
        (extra.Start.Line, extra.Start.Column).ShouldBe((2, 18));
        extra.Message.ShouldStartWith("unexpected number `3`, expected ");
        extra.Message.ShouldContain("`)`");
    }

    [Fact]
    public void Invalid_escape_before_a_surrogate_pair_is_one_diagnostic_covering_the_pair()
    {
        // The string scanner steps two code units past a backslash, splitting the pair U+1F600 (D83D DE00):
        // the escape is reported as `\` plus half a character, and the orphaned DE00 as an unpaired surrogate.
        var tree = SyntaxTree.Parse(Header + "let x = \"\\\uD83D\uDE00\"");

        var diagnostic = tree.Diagnostics.ShouldHaveSingleItem();
        DiagnosticLine.Format(diagnostic).ShouldBe("2:10: MR0008: invalid escape sequence `\\\uD83D\uDE00` (use \\\", \\\\, \\n or \\t)");
        diagnostic.Span.Length.ShouldBe(3);
    }

    [Theory]
    [InlineData("1", " + (if a then 1 else 0)")]
    [InlineData("a", " and not a")]
    [InlineData("1", " * -1")]
    public void Prefix_operators_in_sequence_are_not_nesting(string first, string term)
    {
        // Limits.MaxNesting bounds "the deepest nesting", but the pre-parse check never lowers its count of
        // `if`, `not` and prefix `-`, so it counts them across the whole declaration. These expressions nest
        // at most 2 deep (a bracket and an `if`), yet 129 terms (one more than MaxNesting) are rejected.
        var tree = SyntaxTree.Parse(Header + "let x = " + first + Repeat(term, Limits.MaxNesting + 1));

        tree.Diagnostics.ShouldBeEmpty();
        tree.Root.Declarations.Count.ShouldBe(1);
    }

    [Fact]
    public void Keyword_column_name_that_starts_a_declaration_is_accepted()
    {
        // Columns and members may be keywords (MemberName), but the segmenter splits the token stream before
        // every `liquidation`, `table`, `let`, … wherever it stands, so the table and the lookup are torn apart.
        const string text =
            "policy \"p\"\n" +
            "table reserves by asset {\n" +
            "  columns ltv: ratio, liquidation: ratio\n" +
            "  BTC: 70%, 80%\n" +
            "}\n" +
            "let threshold = reserves[\"BTC\"].liquidation\n";

        var tree = SyntaxTree.Parse(text);

        tree.Diagnostics.ShouldBeEmpty();
        var table = tree.Root.Declarations[0].ShouldBeOfType<TableDeclarationSyntax>();
        table.Columns.Select(c => c.Name.Text).ShouldBe(new[] { "ltv", "liquidation" });
        var threshold = tree.Root.Declarations[1].ShouldBeOfType<LetDeclarationSyntax>();
        threshold.Value.ShouldBeOfType<MemberAccessSyntax>().Member.Text.ShouldBe("liquidation");
    }

    [Fact]
    public void Spans_include_the_brackets_around_an_operand()
    {
        // `Parenthesized` returns the inner expression, whose span stops inside the brackets, and the parent
        // builds its span from its operands' spans: `(1 + 2) * 3` gets the span of `1 + 2) * 3`, and a
        // declaration ending in `)` stops one character short.
        var tree = SyntaxTree.Parse(Header + "let x = (1 + 2) * 3\nlet y = 3 * (1 + 2)\nlet z = -(1 + 2)\n");
        tree.Diagnostics.ShouldBeEmpty();
        var declarations = tree.Root.Declarations.Cast<LetDeclarationSyntax>().ToArray();

        tree.Source.GetText(declarations[0].Value.Span).ShouldBe("(1 + 2) * 3");
        tree.Source.GetText(declarations[1].Value.Span).ShouldBe("3 * (1 + 2)");
        tree.Source.GetText(declarations[1].Span).ShouldBe("let y = 3 * (1 + 2)");
        tree.Source.GetText(declarations[2].Value.Span).ShouldBe("-(1 + 2)");
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
