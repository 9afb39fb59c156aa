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

    // The language's words and punctuation, so that random sequences often come close to declarations.
    private static readonly string[] Vocabulary =
    [
        "policy", "\"p\"", "version", "currency", "USD", "param", "table", "by", "columns", "default", "let", "fn",
        "equity", "initial", "maintenance", "export", "margin_call", "when", "amount", "deadline", "liquidation", "take",
        "in", "asc", "desc", "size", "all", "fraction", "restore", "to", "penalty", "chunk", "adl", "rank", "if", "then",
        "else", "and", "or", "not", "where", "true", "false", "money", "ratio", "asset", "symbol", "tag", "positions",
        "holdings", "liquidator", "insurance", "protocol", "sum", "min", "max", "count", "any", "p", "x", "rate", "0",
        "1", "50%", "1_000", "-", "+", "*", "/", "<", "<=", ">", "==", "!=", "=", ":", ",", ".", "..", "..<", "(", ")",
        "[", "]", "{", "}", "\n", "@",
    ];

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
        var token = Gen.OneOf(Vocabulary);
        var soup =
            from withHeader in Gen.Bool
            from tokens in token.Array[0, 60]
            select (withHeader ? "policy \"p\" currency USD\n" : string.Empty) + string.Join(" ", tokens);

        soup.Sample(AssertAgree, iter: 3000, print: text => text);
    }

    [Fact]
    public void Example_policies_with_tokens_deleted_duplicated_or_swapped_parse_the_same_both_ways()
    {
        var mutation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (kind, a, b) => (kind, a, b));
        var mutated =
            from example in Gen.Int[0, Examples.Length - 1]
            from mutations in mutation.Array[1, 3]
            select mutations.Aggregate(Examples[example], Mutate);

        mutated.Sample(AssertAgree, iter: 2000, print: text => text);
    }

    private static void AssertAgree(string text)
    {
        var reference = PolicyParser.Parse(new SourceText(text, "case.margin"), useFastPath: false);

        var fast = PolicyParser.Parse(new SourceText(text, "case.margin"));

        DiagnosticLine.Of(fast).ShouldBe(DiagnosticLine.Of(reference), text);
        fast.Comments.Select(c => c.ToString()).ShouldBe(reference.Comments.Select(c => c.ToString()), text);
        SyntaxTreeShape.Of(fast.Root).ShouldBe(SyntaxTreeShape.Of(reference.Root), text);
    }

    /// <summary>Deletes (0), duplicates (1) or swaps (2) whole tokens, so the text stays made of the language's tokens.</summary>
    private static string Mutate(string text, (int Kind, int A, int B) mutation)
    {
        var tokens = Tokenizer.Tokenize(text, new DiagnosticBag(new SourceText(text)))
            .Select(t => (Start: t.Span.Position.Absolute, t.Span.Length))
            .ToArray();
        if (tokens.Length == 0) return text;
        var a = tokens[mutation.A % tokens.Length];
        var b = tokens[mutation.B % tokens.Length];
        switch (mutation.Kind)
        {
            case 0:
                return text.Remove(a.Start, a.Length);
            case 1:
                return text.Insert(a.Start + a.Length, " " + text.Substring(a.Start, a.Length));
            default:
                if (a.Start == b.Start) return text;
                var (first, second) = a.Start < b.Start ? (a, b) : (b, a);
                return text[..first.Start] + text.Substring(second.Start, second.Length) +
                       text[(first.Start + first.Length)..second.Start] + text.Substring(first.Start, first.Length) +
                       text[(second.Start + second.Length)..];
        }
    }

    private static string SyntaxGoldenFile([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "syntax-errors.txt");
}
