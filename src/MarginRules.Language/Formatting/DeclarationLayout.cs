using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Formatting
{
    /// <summary>Lays out each kind of declaration as the parts that comments attach to.</summary>
    internal static class DeclarationLayout
    {
        /// <summary>The indentation inside <c>{ }</c> blocks.</summary>
        public const int BlockIndent = 2;

        public static IReadOnlyList<LayoutPart> Parts(DeclarationSyntax declaration, SourceTokens tokens)
        {
            switch (declaration)
            {
                case ParameterDeclarationSyntax d:
                    return Statement(d, tokens, $"param {d.Name.Text}{SyntaxText.Description(d.Description)}: {SyntaxText.Type(d.Type)} =", d.Default);
                case LetDeclarationSyntax d:
                    var type = d.Type == null ? string.Empty : ": " + SyntaxText.Type(d.Type);
                    return Statement(d, tokens, $"let {d.Name.Text}{SyntaxText.Description(d.Description)}{type} =", d.Value);
                case FunctionDeclarationSyntax d:
                    // `fn f(x: money)` but `fn f "what it does" (x: money)`: the space only separates the description.
                    var description = d.Description == null ? string.Empty : SyntaxText.Description(d.Description) + " ";
                    var parameters = string.Join(", ", d.Parameters.Select(p => SyntaxText.Typed(p.Name, p.Type)));
                    return Statement(d, tokens, $"fn {d.Name.Text}{description}({parameters}): {SyntaxText.Type(d.ReturnType)} =", d.Body);
                case EquityDeclarationSyntax d:
                    return Statement(d, tokens, $"equity{SyntaxText.Description(d.Description)} =", d.Value);
                case RequirementDeclarationSyntax d:
                    return Statement(d, tokens, $"{d.Kind.ToString().ToLowerInvariant()}{SyntaxText.Description(d.Description)} =", d.Value);
                case ExportDeclarationSyntax d:
                    return Statement(d, tokens, $"export {d.Name.Text}{SyntaxText.Description(d.Description)} =", d.Value);
                case AdlDeclarationSyntax d:
                    return Statement(d, tokens, $"adl{SyntaxText.Description(d.Description)} rank {d.Variable.Text}:", d.Rank);
                case TableDeclarationSyntax d:
                    return TableLayout.Parts(d, tokens, BlockIndent);
                case MarginCallDeclarationSyntax d:
                    return MarginCall(d, tokens);
                case LiquidationDeclarationSyntax d:
                    return Liquidation(d, tokens);
                default:
                    throw new ArgumentException($"unknown declaration node {declaration.GetType().Name}", nameof(declaration));
            }
        }

        /// <summary>
        /// Declarations of the same group that stood on adjacent lines in the source stay without a blank line between
        /// them; null for declarations that always stand apart (tables and blocks).
        /// </summary>
        public static string? Group(DeclarationSyntax declaration) => declaration switch
        {
            ParameterDeclarationSyntax _ => "param",
            LetDeclarationSyntax _ => "let",
            FunctionDeclarationSyntax _ => "fn",

            // Equity and the two requirements read as one unit: the account's values.
            EquityDeclarationSyntax _ => "account",
            RequirementDeclarationSyntax _ => "account",
            ExportDeclarationSyntax _ => "export",
            AdlDeclarationSyntax _ => "adl",
            _ => null,
        };

        private static IReadOnlyList<LayoutPart> Statement(DeclarationSyntax declaration, SourceTokens tokens, string head, ExpressionSyntax value) =>
            new[] { new LayoutPart(tokens.EndWithParentheses(declaration.Span.End), 0, StatementLayout.Lines(0, head, value, string.Empty, mayBreakAfterHead: true)) };

        private static IReadOnlyList<LayoutPart> MarginCall(MarginCallDeclarationSyntax d, SourceTokens tokens)
        {
            var parts = new List<LayoutPart>
            {
                Opening(d, $"margin_call{SyntaxText.Description(d.Description)} {{", tokens),
                Clause(tokens.EndWithParentheses(d.When.Span.End), "when", d.When, string.Empty),
                Clause(tokens.EndWithParentheses(d.Amount.Span.End), "amount", d.Amount, string.Empty),
            };
            if (d.Deadline != null) parts.Add(Clause(tokens.EndWithParentheses(d.Deadline.Span.End), "deadline", d.Deadline, string.Empty));
            parts.Add(Closing(d));
            return parts;
        }

        private static IReadOnlyList<LayoutPart> Liquidation(LiquidationDeclarationSyntax d, SourceTokens tokens)
        {
            var parts = new List<LayoutPart>
            {
                Opening(d, $"liquidation {d.Name.Text}{SyntaxText.Description(d.Description)} {{", tokens),
                Clause(tokens.EndWithParentheses(d.When.Span.End), "when", d.When, string.Empty),
            };

            var head = $"take {d.Variable.Text} in {d.Collection.Text}";
            var take = d.Filter == null ? head : head + " where " + ExpressionPrinter.Print(d.Filter);
            var takeEnd = d.Filter == null ? d.Collection.Span.End : tokens.EndWithParentheses(d.Filter.Span.End);
            if (d.OrderBy == null) parts.Add(d.Filter == null ? Line(takeEnd, take) : Clause(takeEnd, head + " where", d.Filter, string.Empty));
            else
            {
                // `asc` is the default and has no node of its own; its token, if written, still ends this line in the source.
                var orderEnd = tokens.EndWithParentheses(d.OrderBy.Span.End);
                var next = tokens.FirstAtOrAfter(orderEnd);
                var end = next < tokens.Count && (tokens.Kind(next) == TokenKind.Asc || tokens.Kind(next) == TokenKind.Desc)
                    ? tokens.End(next)
                    : orderEnd;
                var direction = d.Descending ? " desc" : string.Empty;
                var order = new string(' ', BlockIndent) + take + " by " + ExpressionPrinter.Print(d.OrderBy) + direction;
                if (d.Filter == null || order.Length <= StatementLayout.MaxLineLength) parts.Add(Clause(end, take + " by", d.OrderBy, direction));
                else
                {
                    // A filtered take that does not fit on one line keeps its condition on the first line and its order on the next.
                    parts.Add(Clause(takeEnd, head + " where", d.Filter, string.Empty));
                    parts.Add(new LayoutPart(end, BlockIndent + StatementLayout.ContinuationIndent,
                        StatementLayout.Lines(BlockIndent + StatementLayout.ContinuationIndent, "by", d.OrderBy, direction, mayBreakAfterHead: false)));
                }
            }

            var size = d.Size;
            switch (size.Kind)
            {
                case LiquidationSizeKind.All:
                    parts.Add(Line(size.Span.End, "size all"));
                    break;
                case LiquidationSizeKind.Whole:
                    parts.Add(Line(size.Span.End, "size whole"));
                    break;
                case LiquidationSizeKind.Restore:
                    parts.Add(Clause(tokens.EndWithParentheses(size.Span.End), "size restore", size.Value!, " to " + ExpressionPrinter.Print(size.Target!)));
                    break;
                default:
                    parts.Add(Clause(tokens.EndWithParentheses(size.Span.End), "size " + size.Kind.ToString().ToLowerInvariant(), size.Value!, string.Empty));
                    break;
            }

            foreach (var penalty in d.Penalties)
                parts.Add(Clause(penalty.Span.End, "penalty", penalty.Rate, " to " + penalty.Recipient.ToString().ToLowerInvariant() + (penalty.AfterDebt ? " after debt" : string.Empty)));
            if (d.Chunk != null) parts.Add(Clause(tokens.EndWithParentheses(d.Chunk.Span.End), "chunk", d.Chunk, string.Empty));
            parts.Add(Closing(d));
            return parts;
        }

        private static LayoutPart Opening(DeclarationSyntax d, string line, SourceTokens tokens) =>
            new LayoutPart(tokens.EndOfNext(TokenKind.LBrace, d.Span.Start), 0, new[] { line });

        private static LayoutPart Clause(int sourceEnd, string head, ExpressionSyntax expression, string tail) =>
            new LayoutPart(sourceEnd, BlockIndent, StatementLayout.Lines(BlockIndent, head, expression, tail, mayBreakAfterHead: false));

        private static LayoutPart Line(int sourceEnd, string text) =>
            new LayoutPart(sourceEnd, BlockIndent, new[] { new string(' ', BlockIndent) + text });

        private static LayoutPart Closing(DeclarationSyntax d) => new LayoutPart(d.Span.End, BlockIndent, new[] { "}" });
    }
}
