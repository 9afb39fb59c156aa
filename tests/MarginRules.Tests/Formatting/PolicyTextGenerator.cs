using CsCheck;

namespace MarginRules.Tests.Formatting;

/// <summary>
/// Random policy TEXT that the grammar accepts: every declaration kind, every expression form, keyed and bracket
/// tables, negative cells, strings with escapes, percentages and money literals, with odd spacing, redundant
/// parentheses and comments between any two tokens.
/// </summary>
internal static class PolicyTextGenerator
{
    private const int MaxDepth = 4;

    private static readonly Gen<string> Empty = Gen.Const(string.Empty);

    // Comment text: anything but a line break, including characters that mean something elsewhere.
    private static readonly Gen<string> CommentText = Gen.String[Gen.Char["abcXYZ 019#\"\\{}()=,.:;%Σ×−é"], 0, 16];

    private static readonly Gen<string> OwnLineComment = CommentText.Select(t => "#" + t + "\n");

    /// <summary>Whitespace between tokens that must not run together; it may break lines or hold a comment.</summary>
    private static readonly Gen<string> Gap = Gen.Frequency<string>(
        (12, Gen.Const(" ")),
        (2, Gen.Const("\n  ")),
        (1, Gen.Const("\t")),
        (1, Gen.Const(" \n\n   ")),
        (2, OwnLineComment.Select(c => " " + c + "    ")));

    /// <summary>Whitespace next to punctuation, which may be none at all.</summary>
    private static readonly Gen<string> Tight = Gen.Frequency<string>((6, Empty), (3, Gap));

    private static readonly Gen<string> Digits = Gen.Frequency<string>(
        (5, Gen.Int[0, 999].Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))),
        (2, Gen.Select(Gen.Int[1, 999], Gen.Int[0, 999], (a, b) => $"{a}_{b:000}")),
        (1, Gen.Int[0, 9].Select(d => "00" + d)));

    private static readonly Gen<string> Fraction = Gen.Frequency<string>(
        (5, Empty),
        (3, Gen.Int[0, 99].Select(i => "." + i.ToString("00", System.Globalization.CultureInfo.InvariantCulture))),
        (1, Gen.Const(".0_5")));

    /// <summary>An unsigned number token such as <c>1_000</c>, <c>0.95</c> or <c>12.50%</c>.</summary>
    private static readonly Gen<string> Number = Gen.Select(Digits, Fraction, Gen.Int[0, 3], (d, f, p) => d + f + (p == 0 ? "%" : string.Empty));

    private static readonly Gen<string> NumberCell = Gen.Select(Gen.Int[0, 3], Number, (sign, n) => (sign == 0 ? "-" : string.Empty) + n);

    private static readonly Gen<string> StringToken = Gen.Select(
        Gen.String[Gen.Char["ab Z9\"\\\n\t#Σ"], 0, 10], Gen.Bool, (value, rawTab) => Quote(value, rawTab));

    private static readonly Gen<string> Cell = Gen.Frequency<string>(
        (6, NumberCell), (1, Gen.OneOf("true", "false")), (2, StringToken));

    // Long names make long lines, so that line breaking is exercised.
    private static readonly Gen<string> Identifier = Gen.OneOf(
        "a", "b2", "rate", "_tmp", "notional", "x_y", "USD", "sum", "max", "money", "weighted_collateral_after_haircuts", "maintenance_requirement_total");

    // `equity`, `initial` and `maintenance` are keywords that also name values.
    private static readonly Gen<string> ValueName = Gen.Frequency<string>(
        (8, Identifier), (1, Gen.OneOf("equity", "initial", "maintenance")));

    // Keywords are allowed as member and column names, except those that start a declaration.
    private static readonly Gen<string> MemberName = Gen.OneOf("value", "asset", "ltv", "size", "amount", "rank", "all", "to", "in", "equity", "when", "desc");

    private static readonly Gen<string> Variable = Gen.OneOf("p", "h", "d");

    private static readonly Gen<string> TypeName = Gen.OneOf("money", "quantity", "price", "ratio", "count", "bool", "text");

    private static readonly Gen<GeneratedExpression> Leaf = Gen.Frequency<GeneratedExpression>(
        (4, Number.Select(n => new GeneratedExpression(n, 8))),
        (1, Gen.Select(Number, Gap, Gen.OneOf("USD", "EUR"), (n, g, c) => new GeneratedExpression(n + g + c, 8))),
        (1, StringToken.Select(s => new GeneratedExpression(s, 8))),
        (1, Gen.OneOf("true", "false").Select(b => new GeneratedExpression(b, 8))),
        (4, ValueName.Select(n => new GeneratedExpression(n, 8))));

    private static readonly Gen<GeneratedExpression>[] ExpressionsByDepth = BuildExpressions();

    /// <summary>Any expression.</summary>
    public static Gen<GeneratedExpression> Expression { get; } = ExpressionsByDepth[MaxDepth];

    private static readonly Gen<string> Expr = Expression.Select(e => e.Text);

    private static readonly Gen<string> Description = Opt(Concat(Gap, StringToken));

    private static readonly Gen<string> Header = Concat(
        Gen.Frequency<string>((3, Empty), (1, OwnLineComment), (1, Concat(OwnLineComment, Gen.Const("\n")))),
        Gen.Const("policy"), Gap, StringToken,
        Opt(Concat(Gap, Gen.Const("version"), Gap, StringToken)),
        Opt(Concat(Gap, Gen.Const("currency"), Gap, Gen.OneOf("USD", "EUR"))));

    private static readonly Gen<string> Declaration = Gen.OneOf<string>(
        Parameter(), Let(), Function(), Valued("equity"), Valued("initial"), Valued("maintenance"), Export(),
        KeyedTable(), BracketTable(), MarginCall(), Liquidation(), Adl());

    /// <summary>What stands between two declarations: line breaks, blank lines, comments, or just a space.</summary>
    private static readonly Gen<string> Separator = Gen.Frequency<string>(
        (6, Gen.Const("\n")),
        (3, Gen.Const("\n\n")),
        (1, Gen.Const(" ")),
        (2, Concat(Gen.Const(" "), OwnLineComment)),
        (2, Concat(Gen.Const("\n"), OwnLineComment)),
        (1, Concat(Gen.Const("\n\n"), OwnLineComment, Gen.Const("\n"))));

    /// <summary>A whole policy: header, up to eight declarations and possibly comments at the end.</summary>
    public static Gen<string> Policy { get; } = Gen.Select(
        Header,
        Concat(Separator, Declaration).Array[0, 8],
        Gen.Frequency<string>((3, Gen.Const("\n")), (1, Concat(Gen.Const("\n"), OwnLineComment)), (1, Concat(Gen.Const(" "), OwnLineComment, Gen.Const("\n"), OwnLineComment))),
        (header, declarations, end) => header + string.Concat(declarations) + end);

    private static Gen<GeneratedExpression>[] BuildExpressions()
    {
        var byDepth = new Gen<GeneratedExpression>[MaxDepth + 1];
        byDepth[0] = Leaf;
        for (var depth = 1; depth <= MaxDepth; depth++)
        {
            var sub = byDepth[depth - 1];
            byDepth[depth] = Gen.Frequency<GeneratedExpression>(
                (4, Leaf),
                (6, Binary(sub)),
                (1, Chain(Leaf)),
                (1, Gen.Select(Gap, sub, (g, e) => new GeneratedExpression("not" + g + e.At(3), 3))),
                (2, Gen.Select(Tight, sub, (g, e) => new GeneratedExpression("-" + g + e.At(7), 7))),
                (1, Gen.Select(sub, sub, sub, Gap.Array[6], (c, t, f, g) =>
                    new GeneratedExpression($"if{g[0]}{c.Text}{g[1]}then{g[2]}{t.Text}{g[3]}else{g[4]}{f.Text}", 0))),
                (1, Gen.Select(sub, Tight, MemberName, (e, g, m) => new GeneratedExpression(e.At(8) + g + "." + m, 8))),
                (1, Gen.Select(sub, sub, Tight, (e, k, g) => new GeneratedExpression(e.At(8) + "[" + g + k.Text + "]", 8))),
                (1, Gen.Select(Gen.OneOf("f", "max", "sum", "floor"), Tight, sub.Array[0, 3], (f, g, args) =>
                    new GeneratedExpression(f + g + "(" + string.Join("," + g, args.Select(a => a.Text)) + ")", 8))),
                (1, Aggregate(sub)),
                (1, Gen.Select(Tight, sub, (g, e) => new GeneratedExpression("(" + g + e.Text + g + ")", 8))));
        }

        return byDepth;
    }

    private static Gen<GeneratedExpression> Binary(Gen<GeneratedExpression> sub) => Gen.Select(
        sub,
        Gen.OneOf(("or", 1), ("and", 2), ("<", 4), ("<=", 4), (">", 4), (">=", 4), ("==", 4), ("!=", 4), ("+", 5), ("-", 5), ("*", 6), ("/", 6)),
        sub,
        Gen.Select(Gap, Tight),
        (left, op, right, gaps) =>
        {
            // Word operators need whitespace around them; symbols may touch their operands.
            var gap = op.Item2 <= 2 ? gaps.Item1 : gaps.Item2;

            // Comparisons do not chain, so both of their operands must bind tighter.
            var leftLevel = op.Item2 == 4 ? 5 : op.Item2;
            return new GeneratedExpression(left.At(leftLevel) + gap + op.Item1 + gap + right.At(op.Item2 + 1), op.Item2);
        });

    /// <summary>
    /// A long left-associative chain of simple operands, so that the formatter's line breaking is exercised without
    /// the text growing exponentially with depth.
    /// </summary>
    private static Gen<GeneratedExpression> Chain(Gen<GeneratedExpression> operand) => Gen.Select(
        Gen.OneOf(("or", 1), ("and", 2), ("+", 5), ("-", 5)),
        operand.Array[4, 10],
        (op, operands) => new GeneratedExpression(
            operands[0].At(op.Item2) + string.Concat(operands.Skip(1).Select(o => " " + op.Item1 + " " + o.At(op.Item2 + 1))),
            op.Item2));

    private static Gen<GeneratedExpression> Aggregate(Gen<GeneratedExpression> sub) => Gen.Select(
        Gen.OneOf("sum", "min", "max", "count", "any", "all"),
        Variable,
        Gen.Frequency<string>((3, Gen.OneOf("positions", "holdings", "debts")), (1, Identifier)),
        Opt(Gen.Select(Gap, sub, (g, e) => g + "where" + g + e.Text)),
        Opt(Gen.Select(Tight, sub, (g, e) => g + ":" + g + e.Text)),
        Tight,
        (kind, v, collection, filter, body, g) =>
            new GeneratedExpression($"{kind}{g}({g}{v} in {collection}{filter}{body}{g})", 8));

    private static Gen<string> Parameter() => Concat(
        Gen.Const("param"), Gap, Identifier, Description, Tight, Gen.Const(":"), Tight, TypeName, Tight, Gen.Const("="), Tight, Expr);

    private static Gen<string> Let() => Concat(
        Gen.Const("let"), Gap, Identifier, Description,
        Opt(Concat(Tight, Gen.Const(":"), Tight, TypeName)), Tight, Gen.Const("="), Tight, Expr);

    private static Gen<string> Function() => Concat(
        Gen.Const("fn"), Gap, Identifier, Description, Tight, Gen.Const("("),
        Gen.Select(Variable, TypeName, (v, t) => v + ": " + t).Array[0, 3].Select(ps => string.Join(", ", ps)),
        Gen.Const(")"), Tight, Gen.Const(":"), Tight, TypeName, Tight, Gen.Const("="), Tight, Expr);

    private static Gen<string> Valued(string keyword) => Concat(Gen.Const(keyword), Description, Tight, Gen.Const("="), Tight, Expr);

    private static Gen<string> Export() => Concat(Gen.Const("export"), Gap, Identifier, Description, Tight, Gen.Const("="), Tight, Expr);

    private static Gen<string> Adl() => Concat(
        Gen.Const("adl"), Description, Gap, Gen.Const("rank"), Gap, Variable, Tight, Gen.Const(":"), Tight, Expr);

    private static Gen<string> Columns() =>
        Gen.Select(Gen.OneOf("ltv", "rate", "amount", "size", "bonus"), Tight, TypeName, (n, g, t) => n + g + ":" + g + t)
            .Array[1, 4].Select(cs => string.Join(", ", cs));

    private static Gen<string> Cells() => Gen.Select(Cell.Array[1, 4], Tight, (cs, g) => string.Join(g + "," + g, cs));

    private static Gen<string> Rows(Gen<string> key) =>
        Gen.Select(key, Tight, Cells(), Gap, (k, g, cs, after) => after + k + g + ":" + g + cs).Array[0, 5].Select(string.Concat);

    private static Gen<string> KeyedTable() => Concat(
        Gen.Const("table"), Gap, Identifier, Description, Gap, Gen.Const("by"), Gap, Gen.OneOf("asset", "symbol", "tag"),
        Tight, Gen.Const("{"), Tight, Gen.Const("columns"), Gap, Columns(),
        Rows(Gen.Frequency<string>((3, Gen.OneOf("BTC", "WETH", "wstETH", "x_1")), (2, StringToken), (1, Gen.Const("default")))),
        Gap, Gen.Const("}"));

    private static Gen<string> BracketTable() => Concat(
        Gen.Const("table"), Gap, Identifier, Description, Gap, Gen.Const("by"), Gap, Identifier, Tight, Gen.Const(":"), Tight, TypeName,
        Tight, Gen.Const("{"), Tight, Gen.Const("columns"), Gap, Columns(),
        Rows(Gen.Frequency<string>(
            (3, Gen.Select(NumberCell, Tight, NumberCell, (lo, g, hi) => lo + g + "..<" + g + hi)),
            (1, Gen.Select(NumberCell, Tight, (lo, g) => lo + g + "..")))),
        Gap, Gen.Const("}"));

    private static Gen<string> MarginCall() => Concat(
        Gen.Const("margin_call"), Description, Tight, Gen.Const("{"), Tight,
        Gen.Const("when"), Gap, Expr, Gap, Gen.Const("amount"), Gap, Expr,
        Opt(Concat(Gap, Gen.Const("deadline"), Gap, NumberCell)), Tight, Gen.Const("}"));

    private static Gen<string> Liquidation() => Concat(
        Gen.Const("liquidation"), Gap, Identifier, Description, Tight, Gen.Const("{"), Tight,
        Gen.Const("when"), Gap, Expr, Gap,
        Gen.Const("take"), Gap, Variable, Gap, Gen.Const("in"), Gap, Gen.OneOf("positions", "holdings", "debts"),
        Opt(Concat(Gap, Gen.Const("where"), Gap, Expr)),
        Opt(Concat(Gap, Gen.Const("by"), Gap, Expr, Opt(Concat(Gap, Gen.OneOf("asc", "desc"))))),
        Gap, Gen.Const("size"), Gap,
        Gen.OneOf<string>(
            Gen.Const("all"),
            Gen.Const("whole"),
            Concat(Gen.Const("fraction"), Gap, Expr),
            Concat(Gen.Const("amount"), Gap, Expr),
            Concat(Gen.Const("each"), Gap, Expr),
            Concat(Gen.Const("restore"), Gap, Expr, Gap, Gen.Const("to"), Gap, Expr)),
        Concat(Gap, Gen.Const("penalty"), Gap, Expr, Gap, Gen.Const("to"), Gap, Gen.OneOf("liquidator", "insurance", "protocol"))
            .Array[0, 2].Select(string.Concat),
        Opt(Concat(Gap, Gen.Const("chunk"), Gap, Expr)),
        Tight, Gen.Const("}"));

    private static Gen<string> Concat(params Gen<string>[] parts) =>
        parts.Aggregate(Empty, (acc, part) => Gen.Select(acc, part, (a, b) => a + b));

    private static Gen<string> Opt(Gen<string> gen) => Gen.Frequency<string>((1, Empty), (1, gen));

    /// <summary>Writes a string token for <paramref name="value"/>; a tab may be written raw or as <c>\t</c>.</summary>
    private static string Quote(string value, bool rawTab)
    {
        var sb = new System.Text.StringBuilder("\"");
        foreach (var c in value)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => rawTab ? "\t" : "\\t",
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }
}
