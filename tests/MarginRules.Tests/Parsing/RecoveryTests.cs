using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Parsing;

/// <summary>A broken declaration costs one diagnostic; the declarations around it still reach the tree.</summary>
public sealed class RecoveryTests
{
    [Fact]
    public void Three_broken_declarations_give_three_errors_and_keep_every_good_declaration()
    {
        const string text =
            "policy \"p\"\n" +
            "param a: ratio = 1%\n" +
            "let b = a +\n" +
            "param c: ratio = 2%\n" +
            "fn d(x: ratio): ratio = x *\n" +
            "let e = a\n" +
            "table f by asset { columns r: ratio BTC: 1% }\n" +
            "export g = 1 +\n" +
            "margin_call { when true amount 1 }\n";

        var tree = SyntaxTree.Parse(text);

        // Each error sits just past the dangling operator: "let b = a +" is 11 characters (line 3),
        // "fn d(x: ratio): ratio = x *" is 27 (line 5), "export g = 1 +" is 14 (line 8).
        DiagnosticLine.Of(tree).ShouldBe(new[]
        {
            "3:12: MR0001: unexpected end of input, expected `-` or expression",
            "5:28: MR0001: unexpected end of input, expected `-` or expression",
            "8:15: MR0001: unexpected end of input, expected `-` or expression",
        });
        tree.Root.Declarations.Select(Describe).ShouldBe(new[] { "param a", "param c", "let e", "table f", "margin_call" });
    }

    [Fact]
    public void An_error_in_the_middle_of_a_block_skips_only_that_block()
    {
        const string text =
            "policy \"p\"\n" +
            "liquidation broken {\n" +
            "  when true\n" +
            "  take d in orders\n" +
            "  size all\n" +
            "}\n" +
            "liquidation kept {\n" +
            "  when true\n" +
            "  take p in positions\n" +
            "  size all\n" +
            "}\n";

        var tree = SyntaxTree.Parse(text);

        // "  take d in " is 12 characters, so `orders` starts in column 13 of line 4.
        DiagnosticLine.Of(tree).ShouldBe(new[] { "4:13: MR0001: unexpected identifier `orders`, expected positions, holdings or debts" });
        tree.Root.Declarations.Select(Describe).ShouldBe(new[] { "liquidation kept" });
    }

    [Fact]
    public void A_broken_header_is_reported_and_the_declarations_after_it_are_parsed()
    {
        const string text = "policy \"p\" version 3\nlet a = 1\nexport b = a\n";

        var tree = SyntaxTree.Parse(text);

        // "policy \"p\" version " is 19 characters.
        DiagnosticLine.Of(tree).ShouldBe(new[] { "1:20: MR0001: unexpected number `3`, expected version (a string)" });
        tree.Root.Declarations.Select(Describe).ShouldBe(new[] { "let a", "export b" });
    }

    [Fact]
    public void Errors_from_the_tokenizer_do_not_stop_later_declarations()
    {
        const string text = "policy \"p\"\nlet a = \"open\nlet b = 1 @ 2\nlet c = 3\n";

        var tree = SyntaxTree.Parse(text);

        // The unterminated string ends at its line break, so `let a` still parses; the `@` token is
        // reported once by the tokenizer and its declaration is dropped without a second error.
        // "let a = " is 8 characters and "let b = 1 " is 10.
        DiagnosticLine.Of(tree).ShouldBe(new[]
        {
            "2:9: MR0002: unterminated string literal",
            "3:11: MR0003: invalid character `@` (U+0040)",
        });
        tree.Root.Declarations.Select(Describe).ShouldBe(new[] { "let a", "let c" });
    }

    private static string Describe(DeclarationSyntax declaration) => declaration switch
    {
        ParameterDeclarationSyntax d => "param " + d.Name.Text,
        LetDeclarationSyntax d => "let " + d.Name.Text,
        FunctionDeclarationSyntax d => "fn " + d.Name.Text,
        ExportDeclarationSyntax d => "export " + d.Name.Text,
        TableDeclarationSyntax d => "table " + d.Name.Text,
        LiquidationDeclarationSyntax d => "liquidation " + d.Name.Text,
        MarginCallDeclarationSyntax => "margin_call",
        _ => declaration.GetType().Name,
    };
}
