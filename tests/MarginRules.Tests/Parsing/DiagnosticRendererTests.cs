using System.Text;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;
using MarginRules.Language.Text;

namespace MarginRules.Tests.Parsing;

/// <summary>The compiler-style rendering of diagnostics, compared character for character.</summary>
public sealed class DiagnosticRendererTests
{
    private const string Path = "risk/p.margin";

    [Fact]
    public void Error_in_the_middle_of_a_line_is_underlined_under_its_token()
    {
        var rendered = Render("policy \"p\"\nlet x = 1 + then\n");

        // `then` starts at column 13: twelve spaces, then one caret and three tildes for its four characters.
        rendered.ShouldBe(
            "risk/p.margin:2:13: error MR0001: unexpected keyword `then`, expected `-` or expression\n" +
            " 2 | let x = 1 + then\n" +
            "   |             ^~~~\n");
    }

    [Fact]
    public void Error_at_the_end_of_input_points_one_past_the_last_character()
    {
        var rendered = Render("policy \"p\"\nlet x = 1 +");

        // The empty span after the 11-character line still gets one caret, in column 12.
        rendered.ShouldBe(
            "risk/p.margin:2:12: error MR0001: unexpected end of input, expected `-` or expression\n" +
            " 2 | let x = 1 +\n" +
            "   |            ^\n");
    }

    [Fact]
    public void Very_long_line_is_shown_as_a_window_around_the_error()
    {
        // Line 2 is `param p "` (9), 300 × x, `": percent = 1` (14) and 50 × " + 1" (200): 523 characters.
        // `percent` is at offset 9 + 300 + 3 = 312 (column 313). The window is MaxShownLineLength = 120 wide and
        // starts 60 before the error: offset 252, which leaves 309 - 252 = 57 x's, the 14 characters up to `1`,
        // then 49 more: 12 × " + 1" and a space. Text is cut on both sides, so "…" appears on both sides.
        var line = "param p \"" + new string('x', 300) + "\": percent = 1" + Repeat(" + 1", 50);
        var rendered = Render("policy \"p\"\n" + line);

        var window = new string('x', 57) + "\": percent = 1" + Repeat(" + 1", 12) + " ";
        window.Length.ShouldBe(DiagnosticRenderer.MaxShownLineLength);
        rendered.ShouldBe(
            "risk/p.margin:2:313: error MR0001: unexpected identifier `percent`, expected type (money, quantity, price, ratio, count, bool or text)\n" +
            " 2 | …" + window + "…\n" +
            "   | " + new string(' ', 1 + 60) + "^~~~~~~\n");
    }

    [Fact]
    public void Window_at_the_end_of_a_long_line_has_no_trailing_ellipsis()
    {
        // "let x = " (8), 48 × "1 + " (192) and `then`: the line is 204 characters and `then` is at offset 200 (column 201).
        // The window cannot start later than 204 - 120 = 84, so it shows offsets 84..204 with "…" only in front,
        // and the caret is 1 + (200 - 84) = 117 columns in.
        var line = "let x = " + Repeat("1 + ", 48) + "then";
        line.Length.ShouldBe(204);
        var rendered = Render("policy \"p\"\n" + line);

        rendered.ShouldBe(
            "risk/p.margin:2:201: error MR0001: unexpected keyword `then`, expected `-` or expression\n" +
            " 2 | …" + line.Substring(84) + "\n" +
            "   | " + new string(' ', 117) + "^~~~\n");
    }

    [Fact]
    public void Tabs_are_shown_as_one_space_so_the_caret_stays_under_the_token()
    {
        var rendered = Render("policy \"p\"\n\tlet\tx =\t1 + then\n");

        // Columns count a tab as one character: `then` is column 14.
        rendered.ShouldBe(
            "risk/p.margin:2:14: error MR0001: unexpected keyword `then`, expected `-` or expression\n" +
            " 2 |  let x = 1 + then\n" +
            "   |              ^~~~\n");
    }

    [Fact]
    public void Help_lines_follow_the_underline()
    {
        var source = new SourceText("policy \"p\"\nlet x = rat\n", Path);
        var diagnostic = new Diagnostic(
            DiagnosticDescriptors.UnknownName, source, new TextSpan(19, 3), "unknown name `rat`",
            new[] { "did you mean `rate`?", "names are case-sensitive" });

        // Offset 19 is 11 (line 1 with its line break) + 8, so column 9 of line 2.
        DiagnosticRenderer.Render(diagnostic, source).ShouldBe(
            "risk/p.margin:2:9: error MR0101: unknown name `rat`\n" +
            " 2 | let x = rat\n" +
            "   |         ^~~\n" +
            "   = help: did you mean `rate`?\n" +
            "   = help: names are case-sensitive\n");
    }

    [Fact]
    public void Two_digit_line_numbers_widen_the_gutter()
    {
        var rendered = Render("policy \"p\"" + Repeat("\n", 9) + "let x = )");

        // Nine line breaks put the `let` on line 10; "let x = " is 8 characters.

        rendered.ShouldBe(
            "risk/p.margin:10:9: error MR0001: unexpected `)`, expected expression\n" +
            " 10 | let x = )\n" +
            "    |         ^\n");
    }

    [Fact]
    public void Several_diagnostics_are_separated_by_a_blank_line()
    {
        var rendered = Render("policy \"p\"\nlet x = 1 +\nlet y = )\n");

        // "let x = 1 +" is 11 characters and "let y = " is 8.

        rendered.ShouldBe(
            "risk/p.margin:2:12: error MR0001: unexpected end of input, expected `-` or expression\n" +
            " 2 | let x = 1 +\n" +
            "   |            ^\n" +
            "\n" +
            "risk/p.margin:3:9: error MR0001: unexpected `)`, expected expression\n" +
            " 3 | let y = )\n" +
            "   |         ^\n");
    }

    private static string Render(string text)
    {
        var tree = SyntaxTree.Parse(text, Path);
        return DiagnosticRenderer.Render(tree.Diagnostics, tree.Source);
    }

    private static string Repeat(string text, int count) => new StringBuilder(text.Length * count).Insert(0, text, count).ToString();
}
