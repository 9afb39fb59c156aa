using System.Text;
using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Parsing;

/// <summary>
/// Text built to exhaust the parser's stack, time or memory. Each case must come back with a diagnostic at an
/// exact place instead of throwing.
/// </summary>
public sealed class HostileInputTests
{
    private const string Header = "policy \"p\"\n";

    // Limits.MaxNesting is 128, so in "let x = " (8 characters) followed by one-character openers
    // the 129th opener is in column 8 + 129 = 137.
    private const string NestingMessage = "MR0005: expression is nested deeper than the limit of 128";

    [Fact]
    public void Brackets_nested_10000_deep_are_stopped_at_the_129th()
    {
        var tree = SyntaxTree.Parse(Header + "let x = " + Repeat("(", 10_000) + "1" + Repeat(")", 10_000));

        DiagnosticLine.Of(tree).ShouldBe(new[] { "2:137: " + NestingMessage });
        tree.Root.Declarations.ShouldBeEmpty();
    }

    [Fact]
    public void Ifs_nested_10000_deep_are_stopped_at_the_129th()
    {
        var tree = SyntaxTree.Parse(Header + "let x = " + Repeat("if a then ", 10_000) + "1" + Repeat(" else 0", 10_000));

        // Each "if a then " is 10 characters, so the 129th `if` starts in column 9 + 128 × 10 = 1289.
        DiagnosticLine.Of(tree).ShouldBe(new[] { "2:1289: " + NestingMessage });
        tree.Root.Declarations.ShouldBeEmpty();
    }

    [Fact]
    public void An_else_if_chain_of_10000_links_parses_without_recursion_and_meets_the_depth_limit()
    {
        var tree = SyntaxTree.Parse(Header + "let x = " + Repeat("if a then 1 else ", 10_000) + "0");

        // Each "if a then 1 else " is 17 characters. The k-th conditional sits at depth k under the declaration, so the
        // first node past Limits.MaxExpressionDepth = 256 is the 257th, in column 9 + 256 × 17 = 4361.
        DiagnosticLine.Of(tree).ShouldBe(new[] { "2:4361: MR0005: expression is nested deeper than the limit of 256" });
        tree.Root.Declarations.ShouldBeEmpty();
    }

    [Fact]
    public void A_broken_else_if_chain_of_10000_links_is_stopped_at_the_129th_link()
    {
        var tree = SyntaxTree.Parse(Header + "let x = " + Repeat("if a then 1 else ", 10_000) + ")");

        // The 129th `else if` is the 130th `if`: column 9 + 129 × 17 = 2202.
        DiagnosticLine.Of(tree).ShouldBe(new[] { "2:2202: " + NestingMessage });
        tree.Root.Declarations.ShouldBeEmpty();
    }

    [Fact]
    public void A_broken_else_if_chain_at_the_limit_gets_the_grammar_message()
    {
        var tree = SyntaxTree.Parse(Header + "let x = " + Repeat("if a then 1 else ", Limits.MaxNesting + 1) + ")");

        // 129 `if`s make 128 `else if`s, within the limit; the `)` after the last "else " is in column 9 + 129 × 17 = 2202.
        DiagnosticLine.Of(tree).ShouldBe(new[] { "2:2202: MR0001: unexpected `)`, expected expression" });
    }

    [Fact]
    public void Unary_minus_10000_deep_is_stopped_at_the_129th()
    {
        var tree = SyntaxTree.Parse(Header + "let x = " + Repeat("-", 10_000) + "1");

        DiagnosticLine.Of(tree).ShouldBe(new[] { "2:137: " + NestingMessage });
        tree.Root.Declarations.ShouldBeEmpty();
    }

    [Fact]
    public void Not_10000_deep_is_stopped_at_the_129th()
    {
        var tree = SyntaxTree.Parse(Header + "let x = " + Repeat("not ", 10_000) + "a");

        // Each "not " is 4 characters, so the 129th starts in column 9 + 128 × 4 = 521.
        DiagnosticLine.Of(tree).ShouldBe(new[] { "2:521: " + NestingMessage });
        tree.Root.Declarations.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("(", ")")]
    [InlineData("-", "")]
    [InlineData("not ", "")]
    [InlineData("if a then ", " else 0")]
    [InlineData("max(", ")")]
    [InlineData("t[", "]")]
    public void Nesting_exactly_MaxNesting_deep_parses(string open, string close)
    {
        var tree = SyntaxTree.Parse(Header + "let x = " + Repeat(open, Limits.MaxNesting) + "1" + Repeat(close, Limits.MaxNesting));

        tree.Diagnostics.ShouldBeEmpty();
        tree.Root.Declarations.Count.ShouldBe(1);
    }

    [Fact]
    public void Description_one_megabyte_long_parses()
    {
        const int length = 1024 * 1024;
        var tree = SyntaxTree.Parse(Header + "param big \"" + new string('a', length) + "\": ratio = 1%");

        tree.Diagnostics.ShouldBeEmpty();
        var parameter = tree.Root.Declarations.Single().ShouldBeOfType<ParameterDeclarationSyntax>();
        parameter.Description!.Length.ShouldBe(length);
    }

    [Fact]
    public void Line_of_one_megabyte_of_additions_is_stopped_by_MaxExpressionDepth()
    {
        // "let x = 1" then n × " + 1": 9 + 4n characters, at least 1 MiB for n = 2^18.
        const int n = 1024 * 1024 / 4;
        var tree = SyntaxTree.Parse(Header + "let x = 1" + Repeat(" + 1", n));

        // The chain is left-nested: the k-th addition from the outside sits at depth k under the
        // declaration, and its right operand, the (n + 2 - k)-th `1`, at depth k + 1. The depth check
        // walks right operands first, so the first node past Limits.MaxExpressionDepth = 256 is the right
        // operand of addition 256: the (n - 254)-th `1`, in column 9 + 4 × (n - 255).
        var diagnostic = tree.Diagnostics.ShouldHaveSingleItem();
        DiagnosticLine.Format(diagnostic).ShouldBe($"2:{9 + 4 * (n - 255)}: MR0005: expression is nested deeper than the limit of 256");
        diagnostic.End.Column.ShouldBe(diagnostic.Start.Column + 1);
        tree.Root.Declarations.ShouldBeEmpty();
    }

    [Fact]
    public void Number_with_400_digits_is_out_of_range()
    {
        var tree = SyntaxTree.Parse(Header + "let x = " + new string('9', 400));

        // The message shows the first 20 and last 10 digits of a literal longer than 40 characters.
        var diagnostic = tree.Diagnostics.ShouldHaveSingleItem();
        DiagnosticLine.Format(diagnostic).ShouldBe(
            "2:9: MR0004: number `" + new string('9', 20) + "…" + new string('9', 10) +
            "` cannot be held exactly by a decimal (at most 28 significant digits, magnitude below 7.9e28)");
        diagnostic.End.Column.ShouldBe(9 + 400);
    }

    [Fact]
    public void Nul_outside_strings_is_an_invalid_character_and_drops_its_declaration()
    {
        var tree = SyntaxTree.Parse(Header + "let x = 1\0\nlet y = 2");

        // "let x = 1" is 9 characters; the parser stops at the invalid token and adds no error of its own.

        DiagnosticLine.Of(tree).ShouldBe(new[] { "2:10: MR0003: invalid character U+0000 (NUL)" });
        tree.Root.Declarations.Count.ShouldBe(1);
    }

    [Fact]
    public void Nul_inside_a_string_is_an_invalid_character()
    {
        var tree = SyntaxTree.Parse(Header + "let x = \"a\0b\"");

        // "let x = \"a" is 10 characters.

        DiagnosticLine.Of(tree).ShouldBe(new[] { "2:11: MR0003: invalid character U+0000 (NUL)" });
    }

    [Fact]
    public void Nul_inside_a_comment_is_an_invalid_character()
    {
        var tree = SyntaxTree.Parse(Header + "# a\0b\nlet x = 1");

        // "# a" is 3 characters.

        DiagnosticLine.Of(tree).ShouldBe(new[] { "2:4: MR0003: invalid character U+0000 (NUL)" });
        tree.Root.Declarations.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(0xD800)]
    [InlineData(0xDBFF)]
    [InlineData(0xDC00)]
    [InlineData(0xDFFF)]
    public void Unpaired_surrogate_is_an_invalid_character_wherever_it_is(int codeUnit)
    {
        var c = (char)codeUnit;
        var message = $"MR0003: invalid character U+{codeUnit:X4} (an unpaired UTF-16 surrogate)";

        // "let x = 1 " and "let x = \"a" are 10 characters, "# a" is 3.

        DiagnosticLine.Of(SyntaxTree.Parse(Header + "let x = 1 " + c)).ShouldBe(new[] { "2:11: " + message });
        DiagnosticLine.Of(SyntaxTree.Parse(Header + "let x = \"a" + c + "b\"")).ShouldBe(new[] { "2:11: " + message });
        DiagnosticLine.Of(SyntaxTree.Parse(Header + "# a" + c + "b\nlet x = 1")).ShouldBe(new[] { "2:4: " + message });
    }

    [Fact]
    public void Surrogates_in_the_wrong_order_are_two_unpaired_surrogates()
    {
        var tree = SyntaxTree.Parse(Header + "let x = \"\uDE00\uD83D\"");

        // A low surrogate first pairs with nothing, and the high one after it is followed by `"`.
        // "let x = \"" is 9 characters.

        DiagnosticLine.Of(tree).ShouldBe(new[]
        {
            "2:10: MR0003: invalid character U+DE00 (an unpaired UTF-16 surrogate)",
            "2:11: MR0003: invalid character U+D83D (an unpaired UTF-16 surrogate)",
        });
    }

    [Fact]
    public void A_surrogate_pair_is_one_character()
    {
        // U+1F600 is the pair D83D DE00: allowed in strings and comments, one invalid character elsewhere,
        // two code units long. "let x = 1 " is 10 characters.
        const string emoji = "\uD83D\uDE00";

        SyntaxTree.Parse(Header + "let x = \"" + emoji + "\" # " + emoji).Diagnostics.ShouldBeEmpty();
        var outside = SyntaxTree.Parse(Header + "let x = 1 " + emoji).Diagnostics.ShouldHaveSingleItem();
        DiagnosticLine.Format(outside).ShouldBe("2:11: MR0003: invalid character U+1F600");
        outside.Span.Length.ShouldBe(2);
    }

    [Fact]
    public void Text_longer_than_MaxTextLength_is_rejected_before_tokenizing()
    {
        var tree = SyntaxTree.Parse(Header + new string(' ', Limits.MaxTextLength));

        // Limits.MaxTextLength = 16 × 1024 × 1024 = 16777216 spaces after the 11-character header line
        // make 16777227; the error has no better place than the start.
        DiagnosticLine.Of(tree).ShouldBe(new[] { "1:1: MR0006: policy text is 16777227 characters long; the limit is 16777216" });
        tree.Root.Declarations.ShouldBeEmpty();
        tree.Comments.ShouldBeEmpty();
    }

    [Fact]
    public void Text_exactly_MaxTextLength_long_is_accepted()
    {
        var tree = SyntaxTree.Parse(Header + new string(' ', Limits.MaxTextLength - Header.Length));

        tree.Diagnostics.ShouldBeEmpty();
        tree.Root.Header.Name.ShouldBe("p");
    }

    [Fact]
    public void Empty_text_has_no_header()
    {
        var tree = SyntaxTree.Parse(string.Empty);

        var diagnostic = tree.Diagnostics.ShouldHaveSingleItem();
        DiagnosticLine.Format(diagnostic).ShouldBe("1:1: MR0007: a policy must start with `policy \"name\"`");
        diagnostic.Span.Length.ShouldBe(0);
        tree.Root.Declarations.ShouldBeEmpty();
    }

    [Fact]
    public void Text_of_only_comments_has_no_header_and_keeps_the_comments()
    {
        var tree = SyntaxTree.Parse("# one\n\n   # two\n");

        DiagnosticLine.Of(tree).ShouldBe(new[] { "1:1: MR0007: a policy must start with `policy \"name\"`" });
        // MR0007 falls back to offset 0 when there is no token; comments keep their text after `#`.
        tree.Comments.Select(c => c.Text).ShouldBe(new[] { " one", " two" });
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
