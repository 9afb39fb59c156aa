using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using static MarginRules.Language.Parsing.PolicyParser;
using TextSpan = MarginRules.Language.Text.TextSpan;

namespace MarginRules.Language.Parsing
{
    /// <summary>
    /// The token-level grammar of <c>grammar/MarginRules.ebnf</c>, as Superpower parsers. It is the specification of what
    /// parses and of every syntax error message; <see cref="DeclarationParser"/> is its fast twin for text that parses.
    /// </summary>
    internal static class Grammar
    {
        private static TokenListParser<TokenKind, T?> OrNone<T>(this TokenListParser<TokenKind, T> parser)
            where T : class => parser.Select(x => (T?)x).OptionalOrDefault();

        private static TokenListParser<TokenKind, Token<TokenKind>> Tok(TokenKind kind) => Token.EqualTo(kind);

        private static readonly TokenListParser<TokenKind, IdentifierSyntax> Identifier =
            Tok(TokenKind.Identifier).Select(t => new IdentifierSyntax(Span(t), t.ToStringValue()));

        private static readonly TokenListParser<TokenKind, string?> Description =
            Tok(TokenKind.String).Select(t => (string?)Unescape(t)).OptionalOrDefault();

        /// <summary>A member or column name: an identifier, or a keyword such as <c>size</c> or <c>amount</c>, which is unambiguous there.</summary>
        private static readonly TokenListParser<TokenKind, IdentifierSyntax> MemberName =
            Token.Matching<TokenKind>(k => k == TokenKind.Identifier || k >= TokenKind.Policy, "member name")
                .Select(t => new IdentifierSyntax(Span(t), t.ToStringValue()));

        /// <summary>A function parameter's item type: <c>position</c>, <c>holding</c> or <c>debt</c> (contextual words).</summary>
        private static readonly TokenListParser<TokenKind, TypeSyntax> ItemType = input =>
        {
            var r = Identifier(input);
            if (r.HasValue && SyntaxFacts.TryParseItemTypeName(r.Value.Text, out var name))
                return TokenListParserResult.Value(new TypeSyntax(r.Value.Span, name), input, r.Remainder);
            return TokenListParserResult.Empty<TokenKind, TypeSyntax>(input, new[] { "item type (position, holding or debt)" });
        };

        private static readonly TokenListParser<TokenKind, TypeSyntax> Type = input =>
        {
            var r = Identifier(input);
            if (r.HasValue && SyntaxFacts.TryParseTypeName(r.Value.Text, out var name))
                return TokenListParserResult.Value(new TypeSyntax(r.Value.Span, name), input, r.Remainder);
            return TokenListParserResult.Empty<TokenKind, TypeSyntax>(input, new[] { "type (money, quantity, price, ratio, count, bool or text)" });
        };

        /// <summary>An identifier that must have one of the given spellings, such as a recipient or key kind.</summary>
        private static TokenListParser<TokenKind, IdentifierSyntax> Word(string expectation, params string[] words) => input =>
        {
            var r = Identifier(input);
            if (r.HasValue && words.Contains(r.Value.Text)) return r;
            return TokenListParserResult.Empty<TokenKind, IdentifierSyntax>(input, new[] { expectation });
        };

        // ---------- Expressions ----------

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Expression =
            Superpower.Parse.Ref(() => Conditional!).Named("expression");

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> NumberLiteral =
            from n in Tok(TokenKind.Number)
            from suffix in Identifier.OrNone()
            select (ExpressionSyntax)MakeNumber(n, suffix);

        internal static NumberLiteralSyntax MakeNumber(Token<TokenKind> n, IdentifierSyntax? suffix)
        {
            var text = n.ToStringValue();
            Tokenizer.TryParseNumber(text, out var value);
            var span = suffix == null ? Span(n) : TextSpan.FromBounds(n.Span.Position.Absolute, suffix.Span.End);
            return new NumberLiteralSyntax(span, value, text.EndsWith("%", StringComparison.Ordinal), text, suffix);
        }

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> StringLiteral =
            Tok(TokenKind.String).Select(t => (ExpressionSyntax)new StringLiteralSyntax(Span(t), Unescape(t)));

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> BoolLiteral =
            Tok(TokenKind.True).Select(t => (ExpressionSyntax)new BoolLiteralSyntax(Span(t), true))
                .Or(Tok(TokenKind.False).Select(t => (ExpressionSyntax)new BoolLiteralSyntax(Span(t), false)));

        private static readonly TokenListParser<TokenKind, Token<TokenKind>> AggregateName =
            Tok(TokenKind.All).Or(Tok(TokenKind.Identifier).Where(t => AggregateKindOf(t.ToStringValue()) != null, "aggregate"));

        internal static AggregateKind? AggregateKindOf(string name) => name switch
        {
            "sum" => AggregateKind.Sum,
            "min" => AggregateKind.Min,
            "max" => AggregateKind.Max,
            "count" => AggregateKind.Count,
            "any" => AggregateKind.Any,
            "all" => AggregateKind.All,
            _ => null,
        };

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Aggregate =
            from head in (from name in AggregateName
                          from lp in Tok(TokenKind.LParen)
                          from variable in Identifier
                          from kw in Tok(TokenKind.In)
                          select (name, variable)).Try()
            from collection in Identifier.Named("collection (positions, holdings, debts or a table)")
            from filter in Tok(TokenKind.Where).IgnoreThen(Expression).OrNone()
            from body in Tok(TokenKind.Colon).IgnoreThen(Expression).OrNone()
            from rp in Tok(TokenKind.RParen)
            select (ExpressionSyntax)new AggregateSyntax(
                Span(head.name, rp), AggregateKindOf(head.name.ToStringValue())!.Value, head.variable, collection, filter, body);

        private sealed class CallTail
        {
            public CallTail(ExpressionSyntax[] arguments, Token<TokenKind> close)
            {
                Arguments = arguments;
                Close = close;
            }

            public ExpressionSyntax[] Arguments { get; }

            public Token<TokenKind> Close { get; }
        }

        // A name followed by `(` is always a call, so no backtracking is needed and errors inside the call stay put.
        private static readonly TokenListParser<TokenKind, ExpressionSyntax> CallOrName =
            from name in Identifier
            from tail in (from lp in Tok(TokenKind.LParen)
                          from args in Expression.ManyDelimitedBy(Tok(TokenKind.Comma))
                          from rp in Tok(TokenKind.RParen)
                          select new CallTail(args, rp)).OrNone()
            select tail == null
                ? new NameSyntax(name.Span, name.Text)
                : (ExpressionSyntax)new CallSyntax(TextSpan.FromBounds(name.Span.Start, Span(tail.Close).End), name, tail.Arguments);

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Name =
            Tok(TokenKind.Equity).Or(Tok(TokenKind.Initial)).Or(Tok(TokenKind.Maintenance))
                .Select(t => (ExpressionSyntax)new NameSyntax(Span(t), t.ToStringValue()));

        // Parentheses leave no node, but the expression's span grows to cover them so errors underline what was written.
        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Parenthesized =
            from lp in Tok(TokenKind.LParen)
            from e in Expression
            from rp in Tok(TokenKind.RParen)
            select e.WithSpan(Span(lp, rp));

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Primary =
            NumberLiteral
                .Or(StringLiteral)
                .Or(BoolLiteral)
                .Or(Aggregate)
                .Or(CallOrName)
                .Or(Name)
                .Or(Parenthesized)
                .Named("expression");

        private abstract class PostfixPart
        {
        }

        private sealed class MemberPart : PostfixPart
        {
            public MemberPart(IdentifierSyntax member) => Member = member;

            public IdentifierSyntax Member { get; }
        }

        private sealed class IndexPart : PostfixPart
        {
            public IndexPart(ExpressionSyntax key, int end)
            {
                Key = key;
                End = end;
            }

            public ExpressionSyntax Key { get; }

            public int End { get; }
        }

        private static readonly TokenListParser<TokenKind, PostfixPart> PostfixOne =
            Tok(TokenKind.Dot).IgnoreThen(MemberName).Select(m => (PostfixPart)new MemberPart(m))
                .Or(from lb in Tok(TokenKind.LBracket)
                    from key in Expression
                    from rb in Tok(TokenKind.RBracket)
                    select (PostfixPart)new IndexPart(key, Span(rb).End));

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Postfix =
            from primary in Primary
            from parts in PostfixOne.Many()
            select parts.Aggregate(primary, (target, part) => part is MemberPart m
                ? (ExpressionSyntax)new MemberAccessSyntax(target.Span.Union(m.Member.Span), target, m.Member)
                : new IndexSyntax(TextSpan.FromBounds(target.Span.Start, ((IndexPart)part).End), target, ((IndexPart)part).Key));

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Unary =
            (from minus in Tok(TokenKind.Minus)
             from operand in Superpower.Parse.Ref(() => Unary!)
             select (ExpressionSyntax)new UnarySyntax(Span(minus, operand), UnaryOperator.Negate, operand, Span(minus)))
            .Or(Postfix);

        private static TokenListParser<TokenKind, (BinaryOperator Op, TextSpan Span)> Op(TokenKind kind, BinaryOperator op) =>
            Tok(kind).Select(t => (op, Span(t)));

        /// <summary>A left-associative chain, folded in a loop so that long chains cost no stack.</summary>
        private static TokenListParser<TokenKind, ExpressionSyntax> Chain(
            TokenListParser<TokenKind, (BinaryOperator Op, TextSpan Span)> op,
            TokenListParser<TokenKind, ExpressionSyntax> operand) => input =>
        {
            var first = operand(input);
            if (!first.HasValue) return first;
            var acc = first.Value;
            var rest = first.Remainder;
            while (true)
            {
                var o = op(rest);
                if (!o.HasValue) break;
                var right = operand(o.Remainder);
                if (!right.HasValue) return right;
                acc = new BinarySyntax(acc.Span.Union(right.Value.Span), o.Value.Op, acc, right.Value, o.Value.Span);
                rest = right.Remainder;
            }

            return TokenListParserResult.Value(acc, input, rest);
        };

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Multiplicative =
            Chain(Op(TokenKind.Star, BinaryOperator.Multiply).Or(Op(TokenKind.Slash, BinaryOperator.Divide)), Unary);

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Additive =
            Chain(Op(TokenKind.Plus, BinaryOperator.Add).Or(Op(TokenKind.Minus, BinaryOperator.Subtract)), Multiplicative);

        private static readonly TokenListParser<TokenKind, (BinaryOperator Op, TextSpan Span)> ComparisonOperator =
            Op(TokenKind.Less, BinaryOperator.Less)
                .Or(Op(TokenKind.LessOrEqual, BinaryOperator.LessOrEqual))
                .Or(Op(TokenKind.Greater, BinaryOperator.Greater))
                .Or(Op(TokenKind.GreaterOrEqual, BinaryOperator.GreaterOrEqual))
                .Or(Op(TokenKind.Equal, BinaryOperator.Equal))
                .Or(Op(TokenKind.NotEqual, BinaryOperator.NotEqual));

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Comparison =
            from left in Additive
            from rest in (from op in ComparisonOperator
                          from right in Additive
                          select (op, right)).OptionalOrDefault()
            select rest.right == null
                ? left
                : new BinarySyntax(left.Span.Union(rest.right.Span), rest.op.Op, left, rest.right, rest.op.Span);

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> NotExpression =
            (from not in Tok(TokenKind.Not)
             from operand in Superpower.Parse.Ref(() => NotExpression!)
             select (ExpressionSyntax)new UnarySyntax(Span(not, operand), UnaryOperator.Not, operand, Span(not)))
            .Or(Comparison);

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> AndExpression =
            Chain(Op(TokenKind.And, BinaryOperator.And), NotExpression);

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> OrExpression =
            Chain(Op(TokenKind.Or, BinaryOperator.Or), AndExpression);

        private static readonly TokenListParser<TokenKind, ExpressionSyntax> Conditional =
            (from kwIf in Tok(TokenKind.If)
             from condition in Expression
             from kwThen in Tok(TokenKind.Then)
             from whenTrue in Expression
             from kwElse in Tok(TokenKind.Else)
             from whenFalse in Expression
             select (ExpressionSyntax)new ConditionalSyntax(Span(kwIf, whenFalse), condition, whenTrue, whenFalse))
            .Or(OrExpression);

        // ---------- Header ----------

        public static readonly TokenListParser<TokenKind, PolicyHeaderSyntax> Header =
            from kw in Tok(TokenKind.Policy)
            from name in Tok(TokenKind.String).Named("policy name (a string)")
            from version in Tok(TokenKind.Version).IgnoreThen(Tok(TokenKind.String).Named("version (a string)")).OptionalOrDefault()
            from currency in Tok(TokenKind.Currency).IgnoreThen(Identifier.Named("currency code")).OrNone()
            select new PolicyHeaderSyntax(
                TextSpan.FromBounds(Span(kw).Start, currency?.Span.End ?? (version.HasValue ? Span(version).End : Span(name).End)),
                Unescape(name), version.HasValue ? Unescape(version) : null, currency);

        // ---------- Declarations ----------

        private static readonly TokenListParser<TokenKind, DeclarationSyntax> Param =
            from kw in Tok(TokenKind.Param)
            from name in Identifier.Named("parameter name")
            from description in Description
            from colon in Tok(TokenKind.Colon)
            from type in Type
            from eq in Tok(TokenKind.Assign)
            from value in Expression
            select (DeclarationSyntax)new ParameterDeclarationSyntax(Span(kw, value), name, description, type, value);

        private static readonly TokenListParser<TokenKind, DeclarationSyntax> Let =
            from kw in Tok(TokenKind.Let)
            from name in Identifier.Named("definition name")
            from description in Description
            from type in Tok(TokenKind.Colon).IgnoreThen(Type).OrNone()
            from eq in Tok(TokenKind.Assign)
            from value in Expression
            select (DeclarationSyntax)new LetDeclarationSyntax(Span(kw, value), name, description, type, value);

        private static readonly TokenListParser<TokenKind, FunctionParameterSyntax> FunctionParameter =
            from name in Identifier.Named("parameter name")
            from colon in Tok(TokenKind.Colon)
            from type in Type.Or(ItemType)
            select new FunctionParameterSyntax(name.Span.Union(type.Span), name, type);

        private static readonly TokenListParser<TokenKind, DeclarationSyntax> Function =
            from kw in Tok(TokenKind.Fn)
            from name in Identifier.Named("function name")
            from description in Description
            from lp in Tok(TokenKind.LParen)
            from parameters in FunctionParameter.ManyDelimitedBy(Tok(TokenKind.Comma))
            from rp in Tok(TokenKind.RParen)
            from colon in Tok(TokenKind.Colon)
            from type in Type
            from eq in Tok(TokenKind.Assign)
            from body in Expression
            select (DeclarationSyntax)new FunctionDeclarationSyntax(Span(kw, body), name, description, parameters, type, body);

        private static readonly TokenListParser<TokenKind, DeclarationSyntax> Equity =
            from kw in Tok(TokenKind.Equity)
            from description in Description
            from eq in Tok(TokenKind.Assign)
            from value in Expression
            select (DeclarationSyntax)new EquityDeclarationSyntax(Span(kw, value), description, value);

        private static readonly TokenListParser<TokenKind, DeclarationSyntax> Requirement =
            from kw in Tok(TokenKind.Initial).Or(Tok(TokenKind.Maintenance))
            from description in Description
            from eq in Tok(TokenKind.Assign)
            from value in Expression
            select (DeclarationSyntax)new RequirementDeclarationSyntax(
                Span(kw, value), kw.Kind == TokenKind.Initial ? RequirementKind.Initial : RequirementKind.Maintenance, description, value);

        private static readonly TokenListParser<TokenKind, DeclarationSyntax> Export =
            from kw in Tok(TokenKind.Export)
            from name in Identifier.Named("export name")
            from description in Description
            from eq in Tok(TokenKind.Assign)
            from value in Expression
            select (DeclarationSyntax)new ExportDeclarationSyntax(Span(kw, value), name, description, value);

        // ---------- Tables ----------

        private static readonly TokenListParser<TokenKind, CellSyntax> Cell =
            (from minus in Tok(TokenKind.Minus).OptionalOrDefault()
             from n in Tok(TokenKind.Number)
             select MakeCell(minus, n))
            .Or(Tok(TokenKind.True).Or(Tok(TokenKind.False)).Select(t => new CellSyntax(Span(t), CellKind.Bool, 0m, false, t.ToStringValue())))
            .Or(Tok(TokenKind.String).Select(t => new CellSyntax(Span(t), CellKind.String, 0m, false, Unescape(t))))
            .Named("cell (a number, percentage, bool or string)");

        internal static CellSyntax MakeCell(Token<TokenKind> minus, Token<TokenKind> n)
        {
            var text = n.ToStringValue();
            Tokenizer.TryParseNumber(text, out var value);
            var span = minus.HasValue ? Span(minus, n) : Span(n);
            return new CellSyntax(span, CellKind.Number, minus.HasValue ? -value : value, text.EndsWith("%", StringComparison.Ordinal), (minus.HasValue ? "-" : string.Empty) + text);
        }

        private static readonly TokenListParser<TokenKind, TableKeySyntax> TableKey =
            (from name in Identifier
             from colon in Tok(TokenKind.Colon)
             from type in Type
             select new TableKeySyntax(name.Span.Union(type.Span), TableKeyKind.Bracket, name, type)).Try()
            .Or(Word("table key (asset, symbol, tag, or name: type for brackets)", "asset", "symbol", "tag")
                .Select(w => new TableKeySyntax(w.Span, w.Text == "asset" ? TableKeyKind.Asset : w.Text == "symbol" ? TableKeyKind.Symbol : TableKeyKind.Tag, null, null)));

        private static readonly TokenListParser<TokenKind, ColumnSyntax> Column =
            from name in MemberName.Named("column name")
            from colon in Tok(TokenKind.Colon)
            from type in Type
            select new ColumnSyntax(name.Span.Union(type.Span), name, type);

        private static readonly TokenListParser<TokenKind, RowKeySyntax> RowKey =
            Tok(TokenKind.Default).Select(t => new RowKeySyntax(Span(t), RowKeyKind.Default, null, null, null))
                .Or(Tok(TokenKind.String).Select(t => new RowKeySyntax(Span(t), RowKeyKind.String, Unescape(t), null, null)))
                .Or(Identifier.Select(i => new RowKeySyntax(i.Span, RowKeyKind.Name, i.Text, null, null)))
                .Or(from lower in Cell
                    from upper in Tok(TokenKind.DotDotLess).IgnoreThen(Cell).Select(c => (CellSyntax?)c)
                        .Or(Tok(TokenKind.DotDot).Value((CellSyntax?)null))
                        .Named("`..<` or `..`")
                    select new RowKeySyntax(upper == null ? lower.Span : lower.Span.Union(upper.Span), RowKeyKind.Bracket, null, lower, upper))
                .Named("row key");

        private static readonly TokenListParser<TokenKind, TableRowSyntax> Row =
            from key in RowKey
            from colon in Tok(TokenKind.Colon)
            from cells in Cell.AtLeastOnceDelimitedBy(Tok(TokenKind.Comma))
            select new TableRowSyntax(key.Span.Union(cells[cells.Length - 1].Span), key, cells);

        private static readonly TokenListParser<TokenKind, DeclarationSyntax> Table =
            from kw in Tok(TokenKind.Table)
            from name in Identifier.Named("table name")
            from description in Description
            from kwBy in Tok(TokenKind.By)
            from key in TableKey
            from lb in Tok(TokenKind.LBrace)
            from columnsKw in Tok(TokenKind.Columns)
            from columns in Column.AtLeastOnceDelimitedBy(Tok(TokenKind.Comma))
            from rows in Row.Many()
            from rb in Tok(TokenKind.RBrace)
            select (DeclarationSyntax)new TableDeclarationSyntax(Span(kw, rb), name, description, key, columns, rows);

        // ---------- Margin call, liquidation, ADL ----------

        private static readonly TokenListParser<TokenKind, DeclarationSyntax> MarginCall =
            from kw in Tok(TokenKind.MarginCall)
            from description in Description
            from lb in Tok(TokenKind.LBrace)
            from when in Tok(TokenKind.When).IgnoreThen(Expression)
            from amount in Tok(TokenKind.Amount).IgnoreThen(Expression)
            from deadline in Tok(TokenKind.Deadline).IgnoreThen(Expression).OrNone()
            from rb in Tok(TokenKind.RBrace)
            select (DeclarationSyntax)new MarginCallDeclarationSyntax(Span(kw, rb), description, when, amount, deadline);

        private static readonly TokenListParser<TokenKind, LiquidationSizeSyntax> Size =
            Tok(TokenKind.All).Select(t => new LiquidationSizeSyntax(Span(t), LiquidationSizeKind.All, null, null))
                .Or(from kw in Tok(TokenKind.Fraction)
                    from value in Expression
                    select new LiquidationSizeSyntax(Span(kw, value), LiquidationSizeKind.Fraction, value, null))
                .Or(from kw in Tok(TokenKind.Amount)
                    from value in Expression
                    select new LiquidationSizeSyntax(Span(kw, value), LiquidationSizeKind.Amount, value, null))
                .Or(from kw in Tok(TokenKind.Restore)
                    from value in Expression
                    from to in Tok(TokenKind.To)
                    from target in Expression
                    select new LiquidationSizeSyntax(Span(kw, target), LiquidationSizeKind.Restore, value, target))
                .Or(from kw in Tok(TokenKind.Each)
                    from value in Expression
                    select new LiquidationSizeSyntax(Span(kw, value), LiquidationSizeKind.Each, value, null))
                // `whole` is a contextual word, not a keyword, so no name that policies use becomes reserved.
                .Or(Word("whole", "whole").Select(w => new LiquidationSizeSyntax(w.Span, LiquidationSizeKind.Whole, null, null)))
                .Named("size (all, fraction …, amount …, restore … to …, each … or whole)");

        private static readonly TokenListParser<TokenKind, PenaltySyntax> Penalty =
            from kw in Tok(TokenKind.Penalty)
            from rate in Expression
            from to in Tok(TokenKind.To)
            from recipient in Word("recipient (liquidator, insurance or protocol)", "liquidator", "insurance", "protocol")
            from junior in Word("`after debt`", "after").Then(after => Word("`debt`", "debt").Select(debt => (TextSpan?)TextSpan.FromBounds(after.Span.Start, debt.Span.End))).OptionalOrDefault()
            select new PenaltySyntax(
                TextSpan.FromBounds(Span(kw).Start, junior?.End ?? recipient.Span.End), rate,
                recipient.Text == "liquidator" ? PenaltyRecipient.Liquidator : recipient.Text == "insurance" ? PenaltyRecipient.Insurance : PenaltyRecipient.Protocol,
                recipient.Span, junior);

        private static readonly TokenListParser<TokenKind, DeclarationSyntax> Liquidation =
            from kw in Tok(TokenKind.Liquidation)
            from name in Identifier.Named("rule name")
            from description in Description
            from lb in Tok(TokenKind.LBrace)
            from when in Tok(TokenKind.When).IgnoreThen(Expression)
            from take in Tok(TokenKind.Take)
            from variable in Identifier.Named("variable name")
            from inKw in Tok(TokenKind.In)
            from collection in Word("positions, holdings or debts", "positions", "holdings", "debts")
            from filter in Tok(TokenKind.Where).IgnoreThen(Expression).OrNone()
            from order in (from kwBy in Tok(TokenKind.By)
                           from key in Expression
                           from direction in Tok(TokenKind.Asc).Or(Tok(TokenKind.Desc)).OptionalOrDefault()
                           select (key, isDescending: direction.HasValue && direction.Kind == TokenKind.Desc)).OptionalOrDefault()
            from size in Tok(TokenKind.Size).IgnoreThen(Size)
            from penalties in Penalty.Many()
            from chunk in Tok(TokenKind.Chunk).IgnoreThen(Expression).OrNone()
            from rb in Tok(TokenKind.RBrace)
            select (DeclarationSyntax)new LiquidationDeclarationSyntax(
                Span(kw, rb), name, description, when, variable, collection, filter, order.key, order.isDescending, size, penalties, chunk);

        private static readonly TokenListParser<TokenKind, DeclarationSyntax> Adl =
            from kw in Tok(TokenKind.Adl)
            from description in Description
            from rank in Tok(TokenKind.Rank)
            from variable in Identifier.Named("variable name")
            from colon in Tok(TokenKind.Colon)
            from value in Expression
            select (DeclarationSyntax)new AdlDeclarationSyntax(Span(kw, value), description, variable, value);

        public static readonly TokenListParser<TokenKind, DeclarationSyntax> Declaration =
            Param.Or(Let).Or(Function).Or(Equity).Or(Requirement).Or(Export).Or(Table).Or(MarginCall).Or(Liquidation).Or(Adl)
                .Named("declaration");
    }
}
