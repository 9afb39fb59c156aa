using CsCheck;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;
using MarginRules.Language.Text;

namespace MarginRules.Tests;

/// <summary>Generators of hostile policy text for the parser and checker robustness tests.</summary>
internal static class PolicyFuzz
{
    // Words of the language and of the examples, so that random sequences often come close to declarations.
    private static readonly string[] Vocabulary =
    [
        "policy", "\"p\"", "version", "currency", "USD", "EUR", "param", "table", "by", "columns", "default", "let", "fn",
        "equity", "initial", "maintenance", "export", "margin_call", "when", "amount", "deadline", "liquidation", "take",
        "in", "asc", "desc", "size", "all", "fraction", "restore", "to", "penalty", "chunk", "adl", "rank", "if", "then",
        "else", "and", "or", "not", "where", "true", "false", "money", "quantity", "price", "ratio", "count", "bool", "text",
        "asset", "symbol", "tag", "positions", "holdings", "debts", "liquidator", "insurance", "protocol", "account",
        "wallet", "tags", "call_rounds", "rounds_since_liquidation", "call_expired", "sum", "min", "max", "any", "abs", "clamp",
        "floor", "ceil", "round", "sqrt", "exp", "ln", "pow", "volatility", "open_interest", "tagged", "half_up", "half_even",
        "down", "up", "p", "h", "d", "x", "rate", "t", "notional", "value", "upnl", "0", "1", "2", "0.5", "50%", "1_000", "-",
        "+", "*", "/", "<", "<=", ">", ">=", "==", "!=", "=", ":", ",", ".", "..", "..<", "(", ")", "[", "]", "{", "}", "\n", "@",
    ];

    /// <summary>Up to <paramref name="maxTokens"/> random words of the language, sometimes after a policy header.</summary>
    public static Gen<string> TokenSoup(int maxTokens) =>
        from withHeader in Gen.Bool
        from tokens in Gen.OneOf(Vocabulary).Array[0, maxTokens]
        select (withHeader ? "policy \"p\" currency USD\n" : string.Empty) + string.Join(" ", tokens);

    /// <summary>One of <paramref name="examples"/> with one to three whole tokens deleted, duplicated or swapped.</summary>
    public static Gen<string> Mutated(string[] examples)
    {
        var mutation = Gen.Select(Gen.Int[0, 2], Gen.Int[0, int.MaxValue], Gen.Int[0, int.MaxValue], (kind, a, b) => (kind, a, b));
        return from example in Gen.Int[0, examples.Length - 1]
               from mutations in mutation.Array[1, 3]
               select mutations.Aggregate(examples[example], Mutate);
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
