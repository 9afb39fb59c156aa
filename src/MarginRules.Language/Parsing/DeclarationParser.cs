using System.Collections.Generic;
using MarginRules.Language.Syntax;
using Superpower.Model;
using static MarginRules.Language.Parsing.PolicyParser;
using TextSpan = MarginRules.Language.Text.TextSpan;

namespace MarginRules.Language.Parsing
{
    /// <summary>
    /// A hand-written recursive-descent parser for one declaration or the header, reading the token array in place.
    /// It accepts exactly what <see cref="Grammar"/> accepts and builds the same tree; on anything else it returns
    /// null without explaining why, and <see cref="PolicyParser"/> asks <see cref="Grammar"/> for the error message.
    /// </summary>
    /// <remarks>
    /// Every method returns null on failure and the caller gives up at once; there is no backtracking. Where the grammar
    /// has a choice, one or two tokens of lookahead decide it, as the grammar's <c>Try()</c> points do.
    /// </remarks>
    internal sealed class DeclarationParser
    {
        private readonly Token<TokenKind>[] _tokens;
        private readonly int _end;
        private int _position;

        private DeclarationParser(Token<TokenKind>[] tokens, int start, int length)
        {
            _tokens = tokens;
            _position = start;
            _end = start + length;
        }

        /// <summary>Parses <c>tokens[start..start+length)</c> as one whole declaration, or returns null.</summary>
        public static DeclarationSyntax? ParseDeclaration(Token<TokenKind>[] tokens, int start, int length)
        {
            var parser = new DeclarationParser(tokens, start, length);
            var declaration = parser.Declaration();
            return parser._position == parser._end ? declaration : null;
        }

        /// <summary>Parses <c>tokens[start..start+length)</c> as the whole policy header, or returns null.</summary>
        public static PolicyHeaderSyntax? ParseHeader(Token<TokenKind>[] tokens, int start, int length)
        {
            var parser = new DeclarationParser(tokens, start, length);
            var header = parser.Header();
            return parser._position == parser._end ? header : null;
        }

        // ---------- Tokens ----------

        private TokenKind Peek(int ahead = 0) =>
            _position + ahead < _end ? _tokens[_position + ahead].Kind : TokenKind.Invalid;

        private bool At(TokenKind kind) => _position < _end && _tokens[_position].Kind == kind;

        private bool Take(TokenKind kind)
        {
            if (!At(kind)) return false;
            _position++;
            return true;
        }

        private bool Take(TokenKind kind, out Token<TokenKind> token)
        {
            if (!At(kind))
            {
                token = default;
                return false;
            }

            token = _tokens[_position++];
            return true;
        }

        private IdentifierSyntax? Identifier() =>
            Take(TokenKind.Identifier, out var t) ? new IdentifierSyntax(Span(t), t.ToStringValue()) : null;

        private string? Description() => Take(TokenKind.String, out var t) ? Unescape(t) : null;

        /// <summary>A function parameter's item type: <c>position</c>, <c>holding</c> or <c>debt</c> (contextual words).</summary>
        private TypeSyntax? ItemType()
        {
            if (!At(TokenKind.Identifier) || !SyntaxFacts.TryParseItemTypeName(_tokens[_position].ToStringValue(), out var name)) return null;
            var t = _tokens[_position++];
            return new TypeSyntax(Span(t), name);
        }

        private TypeSyntax? Type()
        {
            if (!At(TokenKind.Identifier) || !SyntaxFacts.TryParseTypeName(_tokens[_position].ToStringValue(), out var name)) return null;
            var t = _tokens[_position++];
            return new TypeSyntax(Span(t), name);
        }

        private IdentifierSyntax? Word(string a, string b, string? c = null)
        {
            if (!At(TokenKind.Identifier)) return null;
            var text = _tokens[_position].ToStringValue();
            return text == a || text == b || (c != null && text == c) ? Identifier() : null;
        }

        // ---------- Expressions ----------

        /// <summary><c>if … then … else …</c> or an <c>or</c> chain; an <c>else if</c> chain is read in a loop, not by recursion.</summary>
        private ExpressionSyntax? Expression()
        {
            if (!At(TokenKind.If)) return OrExpression();
            var heads = new List<(Token<TokenKind> If, ExpressionSyntax Condition, ExpressionSyntax WhenTrue)>();
            while (Take(TokenKind.If, out var kwIf))
            {
                var condition = Expression();
                if (condition == null || !Take(TokenKind.Then)) return null;
                var whenTrue = Expression();
                if (whenTrue == null || !Take(TokenKind.Else)) return null;
                heads.Add((kwIf, condition, whenTrue));
            }

            var result = OrExpression();
            if (result == null) return null;
            for (var i = heads.Count - 1; i >= 0; i--)
                result = new ConditionalSyntax(Span(heads[i].If, result), heads[i].Condition, heads[i].WhenTrue, result);
            return result;
        }

        private ExpressionSyntax? OrExpression()
        {
            var left = AndExpression();
            while (left != null && Take(TokenKind.Or, out var op))
            {
                var right = AndExpression();
                if (right == null) return null;
                left = new BinarySyntax(left.Span.Union(right.Span), BinaryOperator.Or, left, right, Span(op));
            }

            return left;
        }

        private ExpressionSyntax? AndExpression()
        {
            var left = NotExpression();
            while (left != null && Take(TokenKind.And, out var op))
            {
                var right = NotExpression();
                if (right == null) return null;
                left = new BinarySyntax(left.Span.Union(right.Span), BinaryOperator.And, left, right, Span(op));
            }

            return left;
        }

        private ExpressionSyntax? NotExpression()
        {
            if (!Take(TokenKind.Not, out var not)) return Comparison();
            var operand = NotExpression();
            return operand == null ? null : new UnarySyntax(Span(not, operand), UnaryOperator.Not, operand, Span(not));
        }

        // Comparisons do not chain: `a < b < c` leaves `< c` unparsed and the declaration fails.
        private ExpressionSyntax? Comparison()
        {
            var left = Additive();
            if (left == null) return null;
            BinaryOperator op;
            switch (Peek())
            {
                case TokenKind.Less: op = BinaryOperator.Less; break;
                case TokenKind.LessOrEqual: op = BinaryOperator.LessOrEqual; break;
                case TokenKind.Greater: op = BinaryOperator.Greater; break;
                case TokenKind.GreaterOrEqual: op = BinaryOperator.GreaterOrEqual; break;
                case TokenKind.Equal: op = BinaryOperator.Equal; break;
                case TokenKind.NotEqual: op = BinaryOperator.NotEqual; break;
                default: return left;
            }

            var opToken = _tokens[_position++];
            var right = Additive();
            return right == null ? null : new BinarySyntax(left.Span.Union(right.Span), op, left, right, Span(opToken));
        }

        private ExpressionSyntax? Additive()
        {
            var left = Multiplicative();
            while (left != null && (At(TokenKind.Plus) || At(TokenKind.Minus)))
            {
                var opToken = _tokens[_position++];
                var right = Multiplicative();
                if (right == null) return null;
                var op = opToken.Kind == TokenKind.Plus ? BinaryOperator.Add : BinaryOperator.Subtract;
                left = new BinarySyntax(left.Span.Union(right.Span), op, left, right, Span(opToken));
            }

            return left;
        }

        private ExpressionSyntax? Multiplicative()
        {
            var left = Unary();
            while (left != null && (At(TokenKind.Star) || At(TokenKind.Slash)))
            {
                var opToken = _tokens[_position++];
                var right = Unary();
                if (right == null) return null;
                var op = opToken.Kind == TokenKind.Star ? BinaryOperator.Multiply : BinaryOperator.Divide;
                left = new BinarySyntax(left.Span.Union(right.Span), op, left, right, Span(opToken));
            }

            return left;
        }

        private ExpressionSyntax? Unary()
        {
            if (!Take(TokenKind.Minus, out var minus)) return Postfix();
            var operand = Unary();
            return operand == null ? null : new UnarySyntax(Span(minus, operand), UnaryOperator.Negate, operand, Span(minus));
        }

        private ExpressionSyntax? Postfix()
        {
            var target = Primary();
            while (target != null)
            {
                if (Take(TokenKind.Dot))
                {
                    var member = MemberName();
                    if (member == null) return null;
                    target = new MemberAccessSyntax(target.Span.Union(member.Span), target, member);
                }
                else if (Take(TokenKind.LBracket))
                {
                    var key = Expression();
                    if (key == null || !Take(TokenKind.RBracket, out var rb)) return null;
                    target = new IndexSyntax(TextSpan.FromBounds(target.Span.Start, Span(rb).End), target, key);
                }
                else break;
            }

            return target;
        }

        /// <summary>A member or column name: an identifier or any keyword.</summary>
        private IdentifierSyntax? MemberName()
        {
            var kind = Peek();
            if (kind != TokenKind.Identifier && kind < TokenKind.Policy) return null;
            var t = _tokens[_position++];
            return new IdentifierSyntax(Span(t), t.ToStringValue());
        }

        private ExpressionSyntax? Primary()
        {
            if (_position >= _end) return null;
            var t = _tokens[_position];
            switch (t.Kind)
            {
                case TokenKind.Number:
                    _position++;
                    return Grammar.MakeNumber(t, Identifier());
                case TokenKind.String:
                    _position++;
                    return new StringLiteralSyntax(Span(t), Unescape(t));
                case TokenKind.True:
                case TokenKind.False:
                    _position++;
                    return new BoolLiteralSyntax(Span(t), t.Kind == TokenKind.True);
                case TokenKind.All:
                    return StartsAggregate() ? Aggregate() : null;
                case TokenKind.Identifier:
                    return StartsAggregate() ? Aggregate() : CallOrName();
                case TokenKind.Equity:
                case TokenKind.Initial:
                case TokenKind.Maintenance:
                    _position++;
                    return new NameSyntax(Span(t), t.ToStringValue());
                case TokenKind.LParen:
                    _position++;
                    var inner = Expression();
                    if (inner == null || !Take(TokenKind.RParen, out var rp)) return null;
                    return inner.WithSpan(Span(t, rp));
                default:
                    return null;
            }
        }

        // `sum(x in` commits to an aggregate; `sum(x)` is an ordinary call (the grammar's `Try()` point).
        private bool StartsAggregate() =>
            Peek(1) == TokenKind.LParen && Peek(2) == TokenKind.Identifier && Peek(3) == TokenKind.In &&
            (Peek() == TokenKind.All || Grammar.AggregateKindOf(_tokens[_position].ToStringValue()) != null);

        private ExpressionSyntax? Aggregate()
        {
            var name = _tokens[_position];
            _position += 2;
            var variable = Identifier()!;
            _position++;
            var collection = Identifier();
            if (collection == null) return null;
            ExpressionSyntax? filter = null;
            if (Take(TokenKind.Where) && (filter = Expression()) == null) return null;
            ExpressionSyntax? body = null;
            if (Take(TokenKind.Colon) && (body = Expression()) == null) return null;
            if (!Take(TokenKind.RParen, out var rp)) return null;
            return new AggregateSyntax(Span(name, rp), Grammar.AggregateKindOf(name.ToStringValue())!.Value, variable, collection, filter, body);
        }

        private ExpressionSyntax? CallOrName()
        {
            var name = Identifier()!;
            if (!Take(TokenKind.LParen)) return new NameSyntax(name.Span, name.Text);
            var arguments = new List<ExpressionSyntax>();
            if (!At(TokenKind.RParen))
            {
                do
                {
                    var argument = Expression();
                    if (argument == null) return null;
                    arguments.Add(argument);
                }
                while (Take(TokenKind.Comma));
            }

            if (!Take(TokenKind.RParen, out var rp)) return null;
            return new CallSyntax(TextSpan.FromBounds(name.Span.Start, Span(rp).End), name, arguments.ToArray());
        }

        // ---------- Header and declarations ----------

        private PolicyHeaderSyntax? Header()
        {
            if (!Take(TokenKind.Policy, out var kw) || !Take(TokenKind.String, out var name)) return null;
            var end = Span(name).End;
            string? version = null;
            if (Take(TokenKind.Version))
            {
                if (!Take(TokenKind.String, out var v)) return null;
                version = Unescape(v);
                end = Span(v).End;
            }

            IdentifierSyntax? currency = null;
            if (Take(TokenKind.Currency))
            {
                currency = Identifier();
                if (currency == null) return null;
                end = currency.Span.End;
            }

            return new PolicyHeaderSyntax(TextSpan.FromBounds(Span(kw).Start, end), Unescape(name), version, currency);
        }

        private DeclarationSyntax? Declaration()
        {
            switch (Peek())
            {
                case TokenKind.Param: return Param();
                case TokenKind.Let: return Let();
                case TokenKind.Fn: return Function();
                case TokenKind.Equity: return Equity();
                case TokenKind.Initial:
                case TokenKind.Maintenance: return Requirement();
                case TokenKind.Export: return Export();
                case TokenKind.Table: return Table();
                case TokenKind.MarginCall: return MarginCall();
                case TokenKind.Liquidation: return Liquidation();
                case TokenKind.Adl: return Adl();
                default: return null;
            }
        }

        private DeclarationSyntax? Param()
        {
            var kw = _tokens[_position++];
            var name = Identifier();
            if (name == null) return null;
            var description = Description();
            if (!Take(TokenKind.Colon)) return null;
            var type = Type();
            if (type == null || !Take(TokenKind.Assign)) return null;
            var value = Expression();
            return value == null ? null : new ParameterDeclarationSyntax(Span(kw, value), name, description, type, value);
        }

        private DeclarationSyntax? Let()
        {
            var kw = _tokens[_position++];
            var name = Identifier();
            if (name == null) return null;
            var description = Description();
            TypeSyntax? type = null;
            if (Take(TokenKind.Colon) && (type = Type()) == null) return null;
            if (!Take(TokenKind.Assign)) return null;
            var value = Expression();
            return value == null ? null : new LetDeclarationSyntax(Span(kw, value), name, description, type, value);
        }

        private DeclarationSyntax? Function()
        {
            var kw = _tokens[_position++];
            var name = Identifier();
            if (name == null) return null;
            var description = Description();
            if (!Take(TokenKind.LParen)) return null;
            var parameters = new List<FunctionParameterSyntax>();
            if (!At(TokenKind.RParen))
            {
                do
                {
                    var parameterName = Identifier();
                    if (parameterName == null || !Take(TokenKind.Colon)) return null;
                    var parameterType = Type() ?? ItemType();
                    if (parameterType == null) return null;
                    parameters.Add(new FunctionParameterSyntax(parameterName.Span.Union(parameterType.Span), parameterName, parameterType));
                }
                while (Take(TokenKind.Comma));
            }

            if (!Take(TokenKind.RParen) || !Take(TokenKind.Colon)) return null;
            var type = Type();
            if (type == null || !Take(TokenKind.Assign)) return null;
            var body = Expression();
            return body == null ? null : new FunctionDeclarationSyntax(Span(kw, body), name, description, parameters.ToArray(), type, body);
        }

        private DeclarationSyntax? Equity()
        {
            var kw = _tokens[_position++];
            var description = Description();
            if (!Take(TokenKind.Assign)) return null;
            var value = Expression();
            return value == null ? null : new EquityDeclarationSyntax(Span(kw, value), description, value);
        }

        private DeclarationSyntax? Requirement()
        {
            var kw = _tokens[_position++];
            var description = Description();
            if (!Take(TokenKind.Assign)) return null;
            var value = Expression();
            if (value == null) return null;
            var kind = kw.Kind == TokenKind.Initial ? RequirementKind.Initial : RequirementKind.Maintenance;
            return new RequirementDeclarationSyntax(Span(kw, value), kind, description, value);
        }

        private DeclarationSyntax? Export()
        {
            var kw = _tokens[_position++];
            var name = Identifier();
            if (name == null) return null;
            var description = Description();
            if (!Take(TokenKind.Assign)) return null;
            var value = Expression();
            return value == null ? null : new ExportDeclarationSyntax(Span(kw, value), name, description, value);
        }

        // ---------- Tables ----------

        private DeclarationSyntax? Table()
        {
            var kw = _tokens[_position++];
            var name = Identifier();
            if (name == null) return null;
            var description = Description();
            if (!Take(TokenKind.By)) return null;
            var key = TableKey();
            if (key == null || !Take(TokenKind.LBrace) || !Take(TokenKind.Columns)) return null;
            var columns = new List<ColumnSyntax>();
            do
            {
                var columnName = MemberName();
                if (columnName == null || !Take(TokenKind.Colon)) return null;
                var columnType = Type();
                if (columnType == null) return null;
                columns.Add(new ColumnSyntax(columnName.Span.Union(columnType.Span), columnName, columnType));
            }
            while (Take(TokenKind.Comma));

            var rows = new List<TableRowSyntax>();
            while (StartsRowKey(Peek()))
            {
                var row = Row();
                if (row == null) return null;
                rows.Add(row);
            }

            if (!Take(TokenKind.RBrace, out var rb)) return null;
            return new TableDeclarationSyntax(Span(kw, rb), name, description, key, columns.ToArray(), rows.ToArray());
        }

        private TableKeySyntax? TableKey()
        {
            if (Peek(1) == TokenKind.Colon)
            {
                var valueName = Identifier();
                if (valueName == null || !Take(TokenKind.Colon)) return null;
                var valueType = Type();
                return valueType == null ? null : new TableKeySyntax(valueName.Span.Union(valueType.Span), TableKeyKind.Bracket, valueName, valueType);
            }

            var word = Word("asset", "symbol", "tag");
            if (word == null) return null;
            var kind = word.Text == "asset" ? TableKeyKind.Asset : word.Text == "symbol" ? TableKeyKind.Symbol : TableKeyKind.Tag;
            return new TableKeySyntax(word.Span, kind, null, null);
        }

        private static bool StartsRowKey(TokenKind kind) =>
            kind == TokenKind.Default || kind == TokenKind.String || kind == TokenKind.Identifier || kind == TokenKind.Minus ||
            kind == TokenKind.Number || kind == TokenKind.True || kind == TokenKind.False;

        private TableRowSyntax? Row()
        {
            var key = RowKey();
            if (key == null || !Take(TokenKind.Colon)) return null;
            var cells = new List<CellSyntax>();
            do
            {
                var cell = Cell();
                if (cell == null) return null;
                cells.Add(cell);
            }
            while (Take(TokenKind.Comma));

            return new TableRowSyntax(key.Span.Union(cells[cells.Count - 1].Span), key, cells.ToArray());
        }

        private RowKeySyntax? RowKey()
        {
            var t = _tokens[_position];
            switch (t.Kind)
            {
                case TokenKind.Default:
                    _position++;
                    return new RowKeySyntax(Span(t), RowKeyKind.Default, null, null, null);
                case TokenKind.String:
                    _position++;
                    return new RowKeySyntax(Span(t), RowKeyKind.String, Unescape(t), null, null);
                case TokenKind.Identifier:
                    _position++;
                    return new RowKeySyntax(Span(t), RowKeyKind.Name, t.ToStringValue(), null, null);
            }

            var lower = Cell();
            if (lower == null) return null;
            CellSyntax? upper = null;
            if (Take(TokenKind.DotDotLess))
            {
                upper = Cell();
                if (upper == null) return null;
            }
            else if (!Take(TokenKind.DotDot)) return null;

            return new RowKeySyntax(upper == null ? lower.Span : lower.Span.Union(upper.Span), RowKeyKind.Bracket, null, lower, upper);
        }

        private CellSyntax? Cell()
        {
            if (_position >= _end) return null;
            var t = _tokens[_position];
            switch (t.Kind)
            {
                case TokenKind.Minus:
                    _position++;
                    return Take(TokenKind.Number, out var n) ? Grammar.MakeCell(t, n) : null;
                case TokenKind.Number:
                    _position++;
                    return Grammar.MakeCell(default, t);
                case TokenKind.True:
                case TokenKind.False:
                    _position++;
                    return new CellSyntax(Span(t), CellKind.Bool, 0m, false, t.ToStringValue());
                case TokenKind.String:
                    _position++;
                    return new CellSyntax(Span(t), CellKind.String, 0m, false, Unescape(t));
                default:
                    return null;
            }
        }

        // ---------- Margin call, liquidation, ADL ----------

        private DeclarationSyntax? MarginCall()
        {
            var kw = _tokens[_position++];
            var description = Description();
            if (!Take(TokenKind.LBrace) || !Take(TokenKind.When)) return null;
            var when = Expression();
            if (when == null || !Take(TokenKind.Amount)) return null;
            var amount = Expression();
            if (amount == null) return null;
            ExpressionSyntax? deadline = null;
            if (Take(TokenKind.Deadline) && (deadline = Expression()) == null) return null;
            if (!Take(TokenKind.RBrace, out var rb)) return null;
            return new MarginCallDeclarationSyntax(Span(kw, rb), description, when, amount, deadline);
        }

        private DeclarationSyntax? Liquidation()
        {
            var kw = _tokens[_position++];
            var name = Identifier();
            if (name == null) return null;
            var description = Description();
            if (!Take(TokenKind.LBrace) || !Take(TokenKind.When)) return null;
            var when = Expression();
            if (when == null || !Take(TokenKind.Take)) return null;
            var variable = Identifier();
            if (variable == null || !Take(TokenKind.In)) return null;
            var collection = Word("positions", "holdings", "debts");
            if (collection == null) return null;
            ExpressionSyntax? filter = null;
            if (Take(TokenKind.Where) && (filter = Expression()) == null) return null;
            ExpressionSyntax? orderBy = null;
            var descending = false;
            if (Take(TokenKind.By))
            {
                orderBy = Expression();
                if (orderBy == null) return null;
                if (Take(TokenKind.Desc)) descending = true;
                else Take(TokenKind.Asc);
            }

            if (!Take(TokenKind.Size)) return null;
            var size = Size();
            if (size == null) return null;
            var penalties = new List<PenaltySyntax>();
            while (At(TokenKind.Penalty))
            {
                var penalty = Penalty();
                if (penalty == null) return null;
                penalties.Add(penalty);
            }

            ExpressionSyntax? chunk = null;
            if (Take(TokenKind.Chunk) && (chunk = Expression()) == null) return null;
            if (!Take(TokenKind.RBrace, out var rb)) return null;
            return new LiquidationDeclarationSyntax(
                Span(kw, rb), name, description, when, variable, collection, filter, orderBy, descending, size, penalties.ToArray(), chunk);
        }

        private LiquidationSizeSyntax? Size()
        {
            if (Take(TokenKind.All, out var all)) return new LiquidationSizeSyntax(Span(all), LiquidationSizeKind.All, null, null);
            // `whole` is a contextual word, as in the Superpower grammar.
            if (Word("whole", "whole") is { } whole) return new LiquidationSizeSyntax(whole.Span, LiquidationSizeKind.Whole, null, null);
            var kind = Peek() switch
            {
                TokenKind.Fraction => LiquidationSizeKind.Fraction,
                TokenKind.Amount => LiquidationSizeKind.Amount,
                TokenKind.Restore => LiquidationSizeKind.Restore,
                TokenKind.Each => LiquidationSizeKind.Each,
                _ => (LiquidationSizeKind?)null,
            };
            if (kind == null) return null;
            var kw = _tokens[_position++];
            var value = Expression();
            if (value == null) return null;
            if (kind != LiquidationSizeKind.Restore) return new LiquidationSizeSyntax(Span(kw, value), kind.Value, value, null);
            if (!Take(TokenKind.To)) return null;
            var target = Expression();
            return target == null ? null : new LiquidationSizeSyntax(Span(kw, target), LiquidationSizeKind.Restore, value, target);
        }

        private PenaltySyntax? Penalty()
        {
            var kw = _tokens[_position++];
            var rate = Expression();
            if (rate == null || !Take(TokenKind.To)) return null;
            var recipient = Word("liquidator", "insurance", "protocol");
            if (recipient == null) return null;
            var to = recipient.Text == "liquidator" ? PenaltyRecipient.Liquidator
                : recipient.Text == "insurance" ? PenaltyRecipient.Insurance
                : PenaltyRecipient.Protocol;

            // `after debt` are contextual words, so policies keep `debt` (and `after`) as names.
            var after = Word("after", "after");
            if (after == null) return new PenaltySyntax(TextSpan.FromBounds(Span(kw).Start, recipient.Span.End), rate, to, recipient.Span);
            var debt = Word("debt", "debt");
            if (debt == null) return null;
            return new PenaltySyntax(TextSpan.FromBounds(Span(kw).Start, debt.Span.End), rate, to, recipient.Span, TextSpan.FromBounds(after.Span.Start, debt.Span.End));
        }

        private DeclarationSyntax? Adl()
        {
            var kw = _tokens[_position++];
            var description = Description();
            if (!Take(TokenKind.Rank)) return null;
            var variable = Identifier();
            if (variable == null || !Take(TokenKind.Colon)) return null;
            var value = Expression();
            return value == null ? null : new AdlDeclarationSyntax(Span(kw, value), description, variable, value);
        }
    }
}
