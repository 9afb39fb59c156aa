using System.Collections.Generic;
using System.Globalization;
using MarginRules.Language.Diagnostics;
using Superpower.Model;
using SpanT = MarginRules.Language.Text.TextSpan;

namespace MarginRules.Language.Parsing
{
    /// <summary>Turns policy text into tokens. It never fails: bad text becomes an <see cref="TokenKind.Invalid"/> token and a diagnostic.</summary>
    internal static class Tokenizer
    {
        private static readonly Dictionary<string, TokenKind> Keywords = new Dictionary<string, TokenKind>(System.StringComparer.Ordinal)
        {
            ["policy"] = TokenKind.Policy, ["version"] = TokenKind.Version, ["currency"] = TokenKind.Currency,
            ["param"] = TokenKind.Param, ["table"] = TokenKind.Table, ["by"] = TokenKind.By,
            ["columns"] = TokenKind.Columns, ["default"] = TokenKind.Default, ["let"] = TokenKind.Let,
            ["fn"] = TokenKind.Fn, ["equity"] = TokenKind.Equity, ["initial"] = TokenKind.Initial,
            ["maintenance"] = TokenKind.Maintenance, ["export"] = TokenKind.Export, ["margin_call"] = TokenKind.MarginCall,
            ["when"] = TokenKind.When, ["amount"] = TokenKind.Amount, ["deadline"] = TokenKind.Deadline,
            ["liquidation"] = TokenKind.Liquidation, ["take"] = TokenKind.Take, ["in"] = TokenKind.In,
            ["asc"] = TokenKind.Asc, ["desc"] = TokenKind.Desc, ["size"] = TokenKind.Size, ["all"] = TokenKind.All,
            ["fraction"] = TokenKind.Fraction, ["restore"] = TokenKind.Restore, ["to"] = TokenKind.To,
            ["penalty"] = TokenKind.Penalty, ["chunk"] = TokenKind.Chunk, ["adl"] = TokenKind.Adl, ["rank"] = TokenKind.Rank,
            ["if"] = TokenKind.If, ["then"] = TokenKind.Then, ["else"] = TokenKind.Else, ["and"] = TokenKind.And,
            ["or"] = TokenKind.Or, ["not"] = TokenKind.Not, ["where"] = TokenKind.Where, ["each"] = TokenKind.Each,
            ["true"] = TokenKind.True, ["false"] = TokenKind.False,
        };

        /// <summary>True when <paramref name="text"/> is a reserved word.</summary>
        public static bool IsKeyword(string text) => Keywords.ContainsKey(text);

        public static Token<TokenKind>[] Tokenize(string text, DiagnosticBag diagnostics, List<Comment>? comments = null)
        {
            var tokens = new List<Token<TokenKind>>();
            var i = 0;
            var line = 1;
            var lineStart = 0;
            var n = text.Length;

            void Add(TokenKind kind, int start, int length) =>
                tokens.Add(new Token<TokenKind>(kind, new TextSpan(text, new Position(start, line, start - lineStart + 1), length)));

            while (i < n)
            {
                var c = text[i];
                if (c == '\n' || c == '\r')
                {
                    i += c == '\r' && i + 1 < n && text[i + 1] == '\n' ? 2 : 1;
                    line++;
                    lineStart = i;
                    continue;
                }

                if (c == ' ' || c == '\t' || c == '\f' || c == '\v')
                {
                    i++;
                    continue;
                }

                if (c == '#')
                {
                    var start = i;
                    while (i < n && text[i] != '\n' && text[i] != '\r')
                    {
                        i = CheckUtf16(text, i, diagnostics);
                    }

                    comments?.Add(new Comment(new SpanT(start, i - start), text.Substring(start + 1, i - start - 1)));
                    continue;
                }

                if (IsLetter(c))
                {
                    var start = i;
                    while (i < n && (IsLetter(text[i]) || IsDigit(text[i]))) i++;
                    var word = text.Substring(start, i - start);
                    Add(Keywords.TryGetValue(word, out var kw) ? kw : TokenKind.Identifier, start, i - start);
                    continue;
                }

                if (IsDigit(c))
                {
                    var start = i;
                    ScanNumber(text, ref i);
                    ValidateNumber(text, start, i - start, diagnostics);
                    Add(TokenKind.Number, start, i - start);
                    continue;
                }

                if (c == '"')
                {
                    var start = i;
                    i++;
                    var closed = false;
                    while (i < n && text[i] != '\n' && text[i] != '\r')
                    {
                        if (text[i] == '"')
                        {
                            i++;
                            closed = true;
                            break;
                        }

                        if (text[i] == '\\')
                        {
                            var next = i + 1 < n ? text[i + 1] : '\0';
                            var len = i + 1 < n && next != '\n' && next != '\r' ? 2 : 1;
                            if (len == 2 && char.IsHighSurrogate(next) && i + 2 < n && char.IsLowSurrogate(text[i + 2])) len = 3;
                            if (next != '"' && next != '\\' && next != 'n' && next != 't')
                                diagnostics.Report(DiagnosticDescriptors.InvalidEscape, new SpanT(i, len), text.Substring(i, len));

                            i += len;
                            continue;
                        }

                        i = CheckUtf16(text, i, diagnostics);
                    }

                    if (!closed) diagnostics.Report(DiagnosticDescriptors.UnterminatedString, new SpanT(start, i - start));
                    Add(TokenKind.String, start, i - start);
                    continue;
                }

                var kind = TokenKind.Invalid;
                var length = 1;
                var c1 = i + 1 < n ? text[i + 1] : '\0';
                switch (c)
                {
                    case '(': kind = TokenKind.LParen; break;
                    case ')': kind = TokenKind.RParen; break;
                    case '[': kind = TokenKind.LBracket; break;
                    case ']': kind = TokenKind.RBracket; break;
                    case '{': kind = TokenKind.LBrace; break;
                    case '}': kind = TokenKind.RBrace; break;
                    case ',': kind = TokenKind.Comma; break;
                    case ':': kind = TokenKind.Colon; break;
                    case '+': kind = TokenKind.Plus; break;
                    case '-': kind = TokenKind.Minus; break;
                    case '*': kind = TokenKind.Star; break;
                    case '/': kind = TokenKind.Slash; break;
                    case '.':
                        if (c1 == '.')
                        {
                            if (i + 2 < n && text[i + 2] == '<') { kind = TokenKind.DotDotLess; length = 3; }
                            else { kind = TokenKind.DotDot; length = 2; }
                        }
                        else kind = TokenKind.Dot;
                        break;
                    case '=':
                        if (c1 == '=') { kind = TokenKind.Equal; length = 2; }
                        else kind = TokenKind.Assign;
                        break;
                    case '!':
                        if (c1 == '=') { kind = TokenKind.NotEqual; length = 2; }
                        break;
                    case '<':
                        if (c1 == '=') { kind = TokenKind.LessOrEqual; length = 2; }
                        else kind = TokenKind.Less;
                        break;
                    case '>':
                        if (c1 == '=') { kind = TokenKind.GreaterOrEqual; length = 2; }
                        else kind = TokenKind.Greater;
                        break;
                }

                if (kind == TokenKind.Invalid)
                {
                    length = char.IsHighSurrogate(c) && char.IsLowSurrogate(c1) ? 2 : 1;
                    diagnostics.Report(DiagnosticDescriptors.InvalidCharacter, new SpanT(i, length), Describe(text, i, length));
                }

                Add(kind, i, length);
                i += length;
            }

            return tokens.ToArray();
        }

        /// <summary>Steps over one character inside a string or comment, reporting unpaired UTF-16 surrogates and NUL.</summary>
        private static int CheckUtf16(string text, int i, DiagnosticBag diagnostics)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) return i + 2;
            if (char.IsSurrogate(c) || c == '\0')
                diagnostics.Report(DiagnosticDescriptors.InvalidCharacter, new SpanT(i, 1), Describe(text, i, 1));
            return i + 1;
        }

        private static string Describe(string text, int i, int length)
        {
            var c = text[i];
            if (length == 2) return $"U+{char.ConvertToUtf32(c, text[i + 1]):X4}";
            if (char.IsSurrogate(c)) return $"U+{(int)c:X4} (an unpaired UTF-16 surrogate)";
            if (c == '\0') return "U+0000 (NUL)";
            if (char.IsControl(c) || char.IsWhiteSpace(c)) return $"U+{(int)c:X4}";
            return $"`{c}` (U+{(int)c:X4})";
        }

        private static void ScanNumber(string text, ref int i)
        {
            var n = text.Length;
            while (i < n && (IsDigit(text[i]) || (text[i] == '_' && i + 1 < n && (IsDigit(text[i + 1]) || text[i + 1] == '_')))) i++;
            if (i + 1 < n && text[i] == '.' && IsDigit(text[i + 1]))
            {
                i++;
                while (i < n && (IsDigit(text[i]) || (text[i] == '_' && i + 1 < n && (IsDigit(text[i + 1]) || text[i + 1] == '_')))) i++;
            }

            if (i < n && text[i] == '%') i++;
        }

        private static void ValidateNumber(string text, int start, int length, DiagnosticBag diagnostics)
        {
            var raw = text.Substring(start, length);
            if (raw.Contains("__") || raw.Contains("_.") || raw.Contains("._") || raw.EndsWith("_", System.StringComparison.Ordinal) || raw.EndsWith("_%", System.StringComparison.Ordinal))
            {
                diagnostics.Report(DiagnosticDescriptors.SyntaxError, new SpanT(start, length), $"digit separator `_` must stand between two digits in `{Shorten(raw)}`");
                return;
            }

            if (!TryParseNumber(raw, out _))
                diagnostics.Report(DiagnosticDescriptors.NumberOutOfRange, new SpanT(start, length), Shorten(raw));
        }

        private static string Shorten(string raw) => raw.Length <= 40 ? raw : raw.Substring(0, 20) + "…" + raw.Substring(raw.Length - 10);

        /// <summary>Parses a number token exactly; false when a decimal cannot hold it without rounding.</summary>
        public static bool TryParseNumber(string raw, out decimal value)
        {
            value = 0m;
            var percent = raw.EndsWith("%", System.StringComparison.Ordinal);
            var digits = raw.Replace("_", string.Empty);
            if (percent) digits = digits.Substring(0, digits.Length - 1);
            var dot = digits.IndexOf('.');
            var intPart = (dot < 0 ? digits : digits.Substring(0, dot)).TrimStart('0');
            var fracPart = dot < 0 ? string.Empty : digits.Substring(dot + 1).TrimEnd('0');
            var scale = fracPart.Length + (percent ? 2 : 0);
            var significant = (intPart + fracPart).TrimStart('0').Length;
            if (significant > 28 || scale > 28 || intPart.Length > 28) return false;
            if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value)) return false;
            if (percent) value /= 100m;
            return true;
        }

        private static bool IsLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';
    }
}
