using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;
using Superpower;
using Superpower.Model;
using Superpower.Parsers;
using TextSpan = MarginRules.Language.Text.TextSpan;

namespace MarginRules.Language.Parsing
{
    /// <summary>
    /// Parses policy text. Declarations are parsed one at a time between declaration keywords, so a broken
    /// declaration costs one diagnostic and the parser carries on with the next.
    /// </summary>
    /// <remarks>
    /// Two parsers share the work, for speed. <see cref="DeclarationParser"/> reads each declaration straight from the
    /// token array; Superpower's combinators (<see cref="Grammar"/>) cost a closure chain and several result values per
    /// token, which made parsing 14–22 times slower (docs/performance.md). The combinators stay as the grammar's readable
    /// specification and run only on a declaration the fast parser rejects, to produce Superpower's error message.
    /// </remarks>
    internal static class PolicyParser
    {
        /// <summary>Parses policy text into a tree and its syntax diagnostics; it never throws on bad input.</summary>
        /// <param name="source">The text.</param>
        /// <param name="useFastPath">False to parse with <see cref="Grammar"/> alone, so tests can compare the two parsers.</param>
        public static SyntaxTree Parse(SourceText source, bool useFastPath = true)
        {
            var diagnostics = new DiagnosticBag(source);
            var text = source.Text;
            if (text.Length > Limits.MaxTextLength)
            {
                diagnostics.Report(DiagnosticDescriptors.TextTooLarge, new TextSpan(0, 0), text.Length, Limits.MaxTextLength);
                return new SyntaxTree(source, EmptyPolicy(), diagnostics.Items, Array.Empty<Comment>(), Array.Empty<UnparsedDeclaration>());
            }

            var comments = new List<Comment>();
            var tokens = Tokenizer.Tokenize(text, diagnostics, comments);
            PolicyHeaderSyntax? header = null;
            var declarations = new List<DeclarationSyntax>();
            var unparsed = new List<UnparsedDeclaration>();
            var segments = Segment(tokens);
            if (segments.Count == 0 || tokens[segments[0].Start].Kind != TokenKind.Policy)
            {
                var span = tokens.Length == 0 ? new TextSpan(0, 0) : Span(tokens[0]);
                diagnostics.Report(DiagnosticDescriptors.MissingHeader, span);
            }

            foreach (var (start, length) in segments)
            {
                if (!CheckNesting(tokens, start, length, diagnostics))
                {
                    unparsed.Add(Unparsed(tokens, start, length));
                    continue;
                }

                if (tokens[start].Kind == TokenKind.Policy)
                {
                    var parsed = useFastPath ? DeclarationParser.ParseHeader(tokens, start, length) : null;
                    if (parsed == null && !TryGrammar(Grammar.Header, tokens, start, length, diagnostics, out parsed)) continue;
                    if (header == null) header = parsed;
                    else diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, parsed!.Span, "policy");
                }
                else
                {
                    var parsed = useFastPath ? DeclarationParser.ParseDeclaration(tokens, start, length) : null;
                    if ((parsed == null && !CheckElseIfChains(tokens, start, length, diagnostics))
                        || (parsed == null && !TryGrammar(Grammar.Declaration, tokens, start, length, diagnostics, out parsed))
                        || !CheckDepth(parsed!, length, diagnostics))
                    {
                        unparsed.Add(Unparsed(tokens, start, length));
                        continue;
                    }

                    declarations.Add(parsed!);
                }
            }

            header ??= new PolicyHeaderSyntax(new TextSpan(0, 0), string.Empty, null, null);
            var end = tokens.Length == 0 ? 0 : tokens[tokens.Length - 1].Span.Position.Absolute + tokens[tokens.Length - 1].Span.Length;
            var root = new PolicySyntax(TextSpan.FromBounds(0, end), header, declarations);
            return new SyntaxTree(source, root, diagnostics.Items, comments, unparsed);
        }

        /// <summary>What a segment that failed to parse declared, read from its first tokens: its keyword and its name, if any.</summary>
        private static UnparsedDeclaration Unparsed(Token<TokenKind>[] tokens, int start, int length)
        {
            var name = length > 1 && tokens[start + 1].Kind == TokenKind.Identifier ? tokens[start + 1].ToStringValue() : null;
            return new UnparsedDeclaration(tokens[start].Kind, name);
        }

        /// <summary>Runs the Superpower grammar on one segment: the result, or its syntax error reported.</summary>
        private static bool TryGrammar<T>(TokenListParser<TokenKind, T> grammar, Token<TokenKind>[] tokens, int start, int length, DiagnosticBag diagnostics, out T? parsed)
            where T : class
        {
            var slice = new Token<TokenKind>[length];
            Array.Copy(tokens, start, slice, 0, length);
            var result = grammar.AtEnd()(new TokenList<TokenKind>(slice));
            if (result.HasValue)
            {
                parsed = result.Value;
                return true;
            }

            ReportSyntaxError(result.Location, result.FormatErrorMessageFragment(), slice, diagnostics);
            parsed = null;
            return false;
        }

        private static PolicySyntax EmptyPolicy() =>
            new PolicySyntax(new TextSpan(0, 0), new PolicyHeaderSyntax(new TextSpan(0, 0), string.Empty, null, null), Array.Empty<DeclarationSyntax>());

        private static void ReportSyntaxError(TokenList<TokenKind> location, string message, Token<TokenKind>[] slice, DiagnosticBag diagnostics)
        {
            TextSpan span;
            if (location.IsAtEnd)
            {
                var last = slice[slice.Length - 1];
                span = new TextSpan(last.Span.Position.Absolute + last.Span.Length, 0);
            }
            else
            {
                var token = location.ConsumeToken().Value;

                // The tokenizer has already reported this text; a second error would only repeat it.
                if (token.Kind == TokenKind.Invalid) return;
                span = Span(token);
            }

            diagnostics.Report(DiagnosticDescriptors.SyntaxError, span, Shorten(message));
        }

        private static string Shorten(string message) => message.Length <= 300 ? message : message.Substring(0, 300) + "…";

        /// <summary>Splits the token stream before each token that starts a declaration.</summary>
        private static List<(int Start, int Length)> Segment(Token<TokenKind>[] tokens)
        {
            var segments = new List<(int, int)>();
            var start = 0;
            for (var i = 1; i <= tokens.Length; i++)
            {
                if (i == tokens.Length || StartsDeclaration(tokens, i))
                {
                    if (i > start) segments.Add((start, i - start));
                    start = i;
                }
            }

            return segments;
        }

        private static bool StartsDeclaration(Token<TokenKind>[] tokens, int i)
        {
            // After these tokens a keyword is a member or column name (`reserves[a].liquidation`), never a declaration.
            if (i > 0)
            {
                switch (tokens[i - 1].Kind)
                {
                    case TokenKind.Dot:
                    case TokenKind.Comma:
                    case TokenKind.Columns:
                    case TokenKind.LParen:
                    case TokenKind.LBracket:
                        return false;
                }
            }

            switch (tokens[i].Kind)
            {
                case TokenKind.Policy:
                case TokenKind.Param:
                case TokenKind.Table:
                case TokenKind.Let:
                case TokenKind.Fn:
                case TokenKind.Export:
                case TokenKind.MarginCall:
                case TokenKind.Liquidation:
                case TokenKind.Adl:
                    return true;
                case TokenKind.Equity:
                case TokenKind.Initial:
                case TokenKind.Maintenance:
                    // These words also name values in expressions; only `equity =` or `equity "…" =` declares.
                    var next = i + 1 < tokens.Length ? tokens[i + 1].Kind : TokenKind.Invalid;
                    if (next == TokenKind.Assign) return true;
                    return next == TokenKind.String && i + 2 < tokens.Length && tokens[i + 2].Kind == TokenKind.Assign;
                default:
                    return false;
            }
        }

        /// <summary>Rejects nesting that would exhaust the parser's stack, before parsing.</summary>
        private static bool CheckNesting(Token<TokenKind>[] tokens, int start, int length, DiagnosticBag diagnostics)
        {
            // Depth = open brackets + `if`s awaiting their `else` + the current run of prefix operators.
            var brackets = 0;
            var ifs = 0;
            var prefix = 0;
            for (var i = start; i < start + length; i++)
            {
                var kind = tokens[i].Kind;
                if (kind != TokenKind.Not && kind != TokenKind.Minus && kind != TokenKind.If) prefix = 0;
                switch (kind)
                {
                    case TokenKind.LParen:
                    case TokenKind.LBracket:
                    case TokenKind.LBrace:
                        brackets++;
                        break;
                    case TokenKind.RParen:
                    case TokenKind.RBracket:
                    case TokenKind.RBrace:
                        brackets = Math.Max(0, brackets - 1);
                        break;
                    case TokenKind.If:
                        ifs++;
                        break;
                    case TokenKind.Else:
                        ifs = Math.Max(0, ifs - 1);
                        break;
                    case TokenKind.Not:
                        prefix++;
                        break;
                    case TokenKind.Minus:
                        if (i > start && IsOperandEnd(tokens[i - 1].Kind)) prefix = 0;
                        else prefix++;
                        break;
                }

                if (brackets + ifs + prefix > Limits.MaxNesting)
                {
                    diagnostics.Report(DiagnosticDescriptors.NestingTooDeep, Span(tokens[i]), Limits.MaxNesting);
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Rejects more than <see cref="Limits.MaxNesting"/> <c>else if</c>s in one declaration before the grammar sees
        /// it: the grammar recurses once per link of a chain and a long one overflows the stack. The fast parser reads
        /// chains in a loop, so only declarations it rejects need this; counting every <c>else if</c>, not the longest
        /// chain, keeps the check simple and errs only towards reporting the limit.
        /// </summary>
        private static bool CheckElseIfChains(Token<TokenKind>[] tokens, int start, int length, DiagnosticBag diagnostics)
        {
            var links = 0;
            for (var i = start + 1; i < start + length; i++)
            {
                if (tokens[i].Kind != TokenKind.If || tokens[i - 1].Kind != TokenKind.Else || ++links <= Limits.MaxNesting) continue;
                diagnostics.Report(DiagnosticDescriptors.NestingTooDeep, Span(tokens[i]), Limits.MaxNesting);
                return false;
            }

            return true;
        }

        private static bool IsOperandEnd(TokenKind kind) =>
            kind == TokenKind.Identifier || kind == TokenKind.Number || kind == TokenKind.String || kind == TokenKind.RParen ||
            kind == TokenKind.RBracket || kind == TokenKind.True || kind == TokenKind.False || kind == TokenKind.Equity ||
            kind == TokenKind.Initial || kind == TokenKind.Maintenance;

        /// <summary>Rejects expression trees deeper than the limit (long operator chains), without recursion.</summary>
        private static bool CheckDepth(DeclarationSyntax declaration, int tokenCount, DiagnosticBag diagnostics)
        {
            // Each node on a path from the declaration down owns at least one token of its own (a keyword, operator,
            // bracket or the leaf itself), so a declaration of few tokens cannot be too deep and need not be walked.
            if (tokenCount <= Limits.MaxExpressionDepth) return true;

            var stack = new Stack<(SyntaxNode Node, int Depth)>();
            stack.Push((declaration, 0));
            while (stack.Count > 0)
            {
                var (node, depth) = stack.Pop();
                if (depth > Limits.MaxExpressionDepth)
                {
                    diagnostics.Report(DiagnosticDescriptors.NestingTooDeep, node is BinarySyntax b ? b.OperatorSpan : node.Span, Limits.MaxExpressionDepth);
                    return false;
                }

                foreach (var child in SyntaxFacts.Children(node))
                    stack.Push((child, depth + 1));
            }

            return true;
        }

        internal static TextSpan Span(Token<TokenKind> token) => new TextSpan(token.Span.Position.Absolute, token.Span.Length);

        internal static TextSpan Span(Token<TokenKind> first, Token<TokenKind> last) =>
            TextSpan.FromBounds(first.Span.Position.Absolute, last.Span.Position.Absolute + last.Span.Length);

        internal static TextSpan Span(Token<TokenKind> first, SyntaxNode last) =>
            TextSpan.FromBounds(first.Span.Position.Absolute, last.Span.End);

        /// <summary>Resolves the escapes of a string token (the tokenizer has reported bad ones).</summary>
        internal static string Unescape(Token<TokenKind> token)
        {
            var raw = token.ToStringValue();
            var closed = raw.Length >= 2 && raw[raw.Length - 1] == '"' && !EndsInEscapedQuote(raw);
            var body = raw.Substring(1, raw.Length - (closed ? 2 : 1));
            if (body.IndexOf('\\') < 0) return body;
            var sb = new StringBuilder(body.Length);
            for (var i = 0; i < body.Length; i++)
            {
                var c = body[i];
                if (c == '\\' && i + 1 < body.Length)
                {
                    var e = body[++i];
                    sb.Append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
                }
                else sb.Append(c);
            }

            return sb.ToString();
        }

        private static bool EndsInEscapedQuote(string raw)
        {
            if (raw.Length < 2) return false;
            var backslashes = 0;
            for (var i = raw.Length - 2; i > 0 && raw[i] == '\\'; i--) backslashes++;
            return backslashes % 2 == 1;
        }
    }
}
