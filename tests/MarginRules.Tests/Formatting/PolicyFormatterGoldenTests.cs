using System.Runtime.CompilerServices;
using MarginRules.Language.Formatting;
using MarginRules.Language.Parsing;

namespace MarginRules.Tests.Formatting;

/// <summary>Each <c>Golden/NAME.input.margin</c> formats to exactly <c>Golden/NAME.expected.margin</c>.</summary>
public sealed class PolicyFormatterGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var names = Directory.GetFiles(GoldenDirectory(), "*.input.margin")
            .Select(path => Path.GetFileName(path)[..^".input.margin".Length])
            .Order(StringComparer.Ordinal);
        return new TheoryData<string>(names);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_formats_to_expected(string name)
    {
        var input = File.ReadAllText(Path.Combine(GoldenDirectory(), name + ".input.margin"));

        // A checkout may have turned the expected file's line breaks into CRLF; the formatter always writes LF.
        var expected = File.ReadAllText(Path.Combine(GoldenDirectory(), name + ".expected.margin")).Replace("\r\n", "\n");
        var tree = SyntaxTree.Parse(input, name + ".input.margin");
        tree.Diagnostics.ShouldBeEmpty();

        PolicyFormatter.Format(tree).ShouldBe(expected);

        // The expected text is canonical itself, or formatting would not be idempotent.
        PolicyFormatter.Format(SyntaxTree.Parse(expected)).ShouldBe(expected);
    }

    [Fact]
    public void Every_golden_input_has_an_expected_file()
    {
        var inputs = Directory.GetFiles(GoldenDirectory(), "*.input.margin");

        // spacing, comments, precedence, long-lines, tables and blocks, as listed in Golden/.
        inputs.Length.ShouldBe(6);
        foreach (var input in inputs) File.Exists(input.Replace(".input.margin", ".expected.margin")).ShouldBeTrue(input);
    }

    private static string GoldenDirectory([CallerFilePath] string sourceFile = "") =>
        Path.Combine(Path.GetDirectoryName(sourceFile)!, "Golden");
}
