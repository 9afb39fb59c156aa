using CsCheck;
using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;
using MarginRules.Language.Text;

namespace MarginRules.Tests.Checking;

/// <summary>
/// The checker never throws, whatever it is given, and every diagnostic it reports points inside the text and
/// can be rendered.
/// </summary>
public sealed class CheckerRobustnessTests
{
    private static readonly string[] Examples =
    [
        TestData.ExamplePolicy("aave-v3.margin"),
        TestData.ExamplePolicy("binance-btcusdt.margin"),
        TestData.ExamplePolicy("regt-finra-4210.margin"),
    ];

    // Words of the language and of the examples, so that random sequences often come close to declarations.
    private static readonly string[] Vocabulary =
    [
        "policy", "\"p\"", "version", "currency", "USD", "EUR", "param", "table", "by", "columns", "default", "let", "fn",
        "equity", "initial", "maintenance", "export", "margin_call", "when", "amount", "deadline", "liquidation", "take",
        "in", "asc", "desc", "size", "all", "fraction", "restore", "to", "penalty", "chunk", "adl", "rank", "if", "then",
        "else", "and", "or", "not", "where", "true", "false", "money", "quantity", "price", "ratio", "count", "bool", "text",
        "asset", "symbol", "tag", "positions", "holdings", "debts", "liquidator", "insurance", "protocol", "account",
        "wallet", "tags", "call_rounds", "call_expired", "sum", "min", "max", "any", "abs", "clamp", "floor", "ceil",
        "round", "sqrt", "exp", "pow", "volatility", "tagged", "half_up", "half_even", "down", "up", "p", "h", "d", "x",
        "rate", "t", "notional", "value", "upnl", "0", "1", "2", "0.5", "50%", "1_000", "-", "+", "*", "/", "<", "<=",
        ">", ">=", "==", "!=", "=", ":", ",", ".", "..", "..<", "(", ")", "[", "]", "{", "}", "\n",
    ];

    [Fact]
    public void Every_golden_input_renders_without_throwing()
    {
        foreach (var golden in CheckDiagnosticGoldenTests.Cases())
        {
            var text = golden.BuildInput();
            var result = PolicyChecker.Check(text, "case.margin");

            var rendered = DiagnosticRenderer.Render(result.Diagnostics, new SourceText(text, "case.margin"));

            foreach (var d in result.Diagnostics) rendered.ShouldContain(d.ToString(), customMessage: golden.Name);
        }
    }

    [Fact]
    public void Random_token_soup_never_throws_and_keeps_spans_inside_the_text()
    {
        var token = Gen.OneOf(Vocabulary);
        var soup =
            from withHeader in Gen.Bool
            from tokens in token.Array[0, 80]
            select (withHeader ? "policy \"p\" currency USD\n" : string.Empty) + string.Join(" ", tokens);

        soup.Sample(AssertCheckedSafely, iter: 300, print: text => text);
    }

    [Fact]
    public void Mutated_example_policies_never_throw_and_keep_spans_inside_the_text()
    {
        var mutation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (kind, a, b) => (kind, a, b));
        var mutated =
            from example in Gen.Int[0, Examples.Length - 1]
            from mutations in mutation.Array[1, 3]
            select mutations.Aggregate(Examples[example], Mutate);

        mutated.Sample(AssertCheckedSafely, iter: 300, print: text => text);
    }

    private static void AssertCheckedSafely(string text)
    {
        var result = PolicyChecker.Check(text, "fuzz.margin");
        var source = new SourceText(text, "fuzz.margin");

        foreach (var d in result.Diagnostics)
        {
            d.Span.Start.ShouldBeGreaterThanOrEqualTo(0, d.ToString());
            d.Span.Length.ShouldBeGreaterThanOrEqualTo(0, d.ToString());
            d.Span.End.ShouldBeLessThanOrEqualTo(text.Length, d.ToString());
            DiagnosticRenderer.Render(d, source).ShouldStartWith(d.ToString());
        }

        // A policy is handed out exactly when there are no errors.
        (result.Policy == null).ShouldBe(result.HasErrors);
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
}
