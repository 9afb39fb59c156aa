using MarginRules.Language.Diagnostics;
using MarginRules.Language.Formatting;
using MarginRules.Language.Parsing;

namespace MarginRules.Tests.Formatting;

public sealed class PolicyFormatterTests
{
    [Theory]
    [InlineData("aave-v3.margin", 29)]
    [InlineData("compound-v3.margin", 24)]
    [InlineData("binance-btcusdt.margin", 6)]
    [InlineData("regt-finra-4210.margin", 2)]
    public void Example_policies_round_trip_keep_their_comments_and_are_idempotent(string file, int commentCount)
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", file));
        var original = SyntaxTree.Parse(text, file);
        original.Diagnostics.ShouldBeEmpty();

        // The counts are the `#` lines of each file in examples/policies, counted by hand.
        original.Comments.Count.ShouldBe(commentCount);

        var formatted = PolicyFormatter.Format(original);
        var reparsed = SyntaxTree.Parse(formatted, file);
        reparsed.Diagnostics.ShouldBeEmpty();
        reparsed.Root.ToString().ShouldBe(original.Root.ToString());
        reparsed.Comments.Select(c => c.Text).ShouldBe(original.Comments.Select(c => c.Text));
        PolicyFormatter.Format(reparsed).ShouldBe(formatted);
    }

    [Fact]
    public void Windows_line_breaks_format_like_unix_ones()
    {
        const string text = "# lead\n\npolicy \"P\" # inside\n  version \"1\"\nparam a: ratio = 1 # trailing\nparam b: ratio = 2\n\n# end\n";

        var unix = PolicyFormatter.Format(SyntaxTree.Parse(text));
        var windows = PolicyFormatter.Format(SyntaxTree.Parse(text.Replace("\n", "\r\n")));

        windows.ShouldBe(unix);
        unix.ShouldBe("# lead\n\n# inside\npolicy \"P\" version \"1\"\n\nparam a: ratio = 1 # trailing\nparam b: ratio = 2\n\n# end\n");
    }

    [Fact]
    public void Formatting_a_tree_with_a_syntax_error_throws_and_names_the_error()
    {
        var tree = SyntaxTree.Parse("policy \"Broken\"\nlet = 5\n", "broken.margin");

        var error = Should.Throw<ArgumentException>(() => PolicyFormatter.Format(tree));

        // `let = 5` lacks the definition's name: the parser reports MR0001 at line 2, column 5.
        error.Message.ShouldContain("broken.margin:2:5: error MR0001");
        error.ParamName.ShouldBe("tree");
    }

    [Fact]
    public void Formatting_text_without_a_header_throws()
    {
        var tree = SyntaxTree.Parse("let x = 1\n");

        Should.Throw<ArgumentException>(() => PolicyFormatter.Format(tree)).Message.ShouldContain("MR0007");
    }

    [Fact]
    public void TryFormat_leaves_broken_text_unchanged_and_returns_its_diagnostics()
    {
        const string text = "policy \"Broken\"\nparam x: ratio = \"unterminated\n";

        PolicyFormatter.TryFormat(text, "broken.margin", out var formatted, out var diagnostics).ShouldBeFalse();

        formatted.ShouldBe(text);
        diagnostics.ShouldContain(d => d.Id == "MR0002" && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void TryFormat_formats_valid_text()
    {
        PolicyFormatter.TryFormat("policy   \"P\"\nlet   x=1+2 # why\n", null, out var formatted, out var diagnostics).ShouldBeTrue();

        formatted.ShouldBe("policy \"P\"\n\nlet x = 1 + 2 # why\n");
        diagnostics.ShouldBeEmpty();
    }
}
