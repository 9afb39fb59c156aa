using CsCheck;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;
using MarginRules.Language.Text;
using MarginRules.Tests.Checking;

namespace MarginRules.Tests.Parsing;

/// <summary>
/// The hand-written <c>DeclarationParser</c> must build exactly the tree the Superpower grammar builds, and the whole
/// parse (tree, diagnostics, comments) must not depend on whether it is used. The grammar is the specification.
/// </summary>
public sealed class FastPathAgreementTests
{
    private static readonly string[] ExampleFiles =
        ["aave-v3.margin", "binance-btcusdt.margin", "leverage-target.margin", "regt-finra-4210.margin"];

    private static readonly string[] Examples = ExampleFiles.Select(TestData.ExamplePolicy).ToArray();

    public static TheoryData<string> ExampleNames() => new(ExampleFiles);

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void The_fast_parser_reads_every_declaration_of_an_example_itself(string file)
    {
        // Without this, agreement would also hold if the fast parser rejected everything and the grammar did all the work.
        var text = TestData.ExamplePolicy(file);
        var tokens = Tokenizer.Tokenize(text, new DiagnosticBag(new SourceText(text)));
        var reference = PolicyParser.Parse(new SourceText(text), useFastPath: false);
        reference.Diagnostics.ShouldBeEmpty();

        foreach (var declaration in reference.Root.Declarations)
        {
            var start = Array.FindIndex(tokens, t => t.Span.Position.Absolute == declaration.Span.Start);
            var length = Array.FindLastIndex(tokens, t => t.Span.Position.Absolute < declaration.Span.End) - start + 1;

            var fast = DeclarationParser.ParseDeclaration(tokens, start, length);

            fast.ShouldNotBeNull(text.Substring(declaration.Span.Start, declaration.Span.Length));
            SyntaxTreeShape.Of(fast).ShouldBe(SyntaxTreeShape.Of(declaration));
        }
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Example_policies_parse_the_same_both_ways(string file) => AssertAgree(TestData.ExamplePolicy(file));

    [Fact]
    public void Every_golden_input_parses_the_same_both_ways()
    {
        var inputs = SyntaxErrorCase.ReadAll(SyntaxGoldenFile()).Concat(CheckDiagnosticGoldenTests.Cases());
        foreach (var golden in inputs) AssertAgree(golden.BuildInput());
    }

    [Fact]
    public void Random_token_soup_parses_the_same_both_ways()
    {
        PolicyFuzz.TokenSoup(60).Sample(AssertAgree, iter: 3000, print: text => text);
    }

    [Fact]
    public void Example_policies_with_tokens_deleted_duplicated_or_swapped_parse_the_same_both_ways()
    {
        PolicyFuzz.Mutated(Examples).Sample(AssertAgree, iter: 2000, print: text => text);
    }

    private static void AssertAgree(string text)
    {
        var reference = PolicyParser.Parse(new SourceText(text, "case.margin"), useFastPath: false);

        var fast = PolicyParser.Parse(new SourceText(text, "case.margin"));

        DiagnosticLine.Of(fast).ShouldBe(DiagnosticLine.Of(reference), text);
        fast.Comments.Select(c => c.ToString()).ShouldBe(reference.Comments.Select(c => c.ToString()), text);
        SyntaxTreeShape.Of(fast.Root).ShouldBe(SyntaxTreeShape.Of(reference.Root), text);
    }

    private static string SyntaxGoldenFile([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "syntax-errors.txt");
}
