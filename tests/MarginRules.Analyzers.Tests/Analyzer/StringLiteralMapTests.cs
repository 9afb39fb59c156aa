extern alias analyzers;
using analyzers::MarginRules.Analyzers.Embedding;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MarginRules.Analyzers.Tests.Analyzer;

/// <summary>Each value character maps to the source characters that spell it, for every literal form.</summary>
public sealed class StringLiteralMapTests
{
    [Theory]
    [InlineData("\"plain\"", new[] { "p", "l", "a", "i", "n" })]
    [InlineData("\"a\\tb\\\\c\\\"\"", new[] { "a", "\\t", "b", "\\\\", "c", "\\\"" })]
    [InlineData("\"\\x4\\x41g\\x0041\"", new[] { "\\x4", "\\x41", "g", "\\x0041" })]
    [InlineData("\"\\u00e9\\U0001F600!\"", new[] { "\\u00e9", "\\U0001F600", "\\U0001F600", "!" })]
    [InlineData("@\"say \"\"hi\"\"\"", new[] { "s", "a", "y", " ", "\"\"", "h", "i", "\"\"" })]
    [InlineData("\"\"\"say \"hi\" now\"\"\"", new[] { "s", "a", "y", " ", "\"", "h", "i", "\"", " ", "n", "o", "w" })]
    public void Every_character_has_its_source(string literal, string[] expectedSources)
    {
        var (token, sources) = Map($"class C {{ const string S = {literal}; }}");

        // Independent check: the compiler's decoded value has one character per expected source.
        token.ValueText.Length.ShouldBe(expectedSources.Length);
        sources.ShouldBe(expectedSources);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Multi_line_raw_drops_indentation_and_keeps_inner_line_breaks(string newLine)
    {
        // Closing quotes indented 4: the value is "a" + newLine + newLine (blank line shorter than the indent) + "  b".
        var literal = string.Join(newLine, "\"\"\"", "    a", "  ", "      b", "    \"\"\"");
        var (token, sources) = Map($"class C {{ const string S = {literal}; }}");

        token.ValueText.ShouldBe("a" + newLine + newLine + "  b");
        sources.ShouldBe(["a", .. newLine.Select(c => c.ToString()), .. newLine.Select(c => c.ToString()), " ", " ", "b"]);
    }

    [Fact]
    public void A_token_with_errors_is_not_mapped()
    {
        var tree = CSharpSyntaxTree.ParseText("class C { const string S = \"bad \\q escape\"; }");
        var token = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single().Token;
        var chars = new List<CharSource>();

        StringLiteralMap.TryAppend(token, chars).ShouldBeFalse();
        chars.ShouldBeEmpty();
    }

    private static (Microsoft.CodeAnalysis.SyntaxToken Token, string[] Sources) Map(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source);
        var token = tree.GetRoot().DescendantNodes().OfType<LiteralExpressionSyntax>().Single().Token;
        var chars = new List<CharSource>();
        StringLiteralMap.TryAppend(token, chars).ShouldBeTrue();
        var text = tree.GetText();
        return (token, chars.Select(c => text.ToString(c.Span)).ToArray());
    }
}
