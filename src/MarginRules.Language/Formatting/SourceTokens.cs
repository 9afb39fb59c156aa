using System.Collections.Generic;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;
using MarginRules.Language.Text;

namespace MarginRules.Language.Formatting
{
    /// <summary>
    /// Where the tokens of a policy's text lie, and where its blank lines are. Syntax nodes do not keep the spans of
    /// every keyword and brace, so the formatter re-reads the text to place comments next to the right line.
    /// </summary>
    internal sealed class SourceTokens
    {
        private readonly int[] _starts;
        private readonly int[] _ends;
        private readonly TokenKind[] _kinds;

        public SourceTokens(SourceText source)
        {
            Text = source.Text;

            // The tree parsed without errors, so re-tokenizing reports nothing new; the bag only satisfies the tokenizer.
            var tokens = Tokenizer.Tokenize(Text, new DiagnosticBag(source));
            _starts = new int[tokens.Length];
            _ends = new int[tokens.Length];
            _kinds = new TokenKind[tokens.Length];
            for (var i = 0; i < tokens.Length; i++)
            {
                _starts[i] = tokens[i].Span.Position.Absolute;
                _ends[i] = _starts[i] + tokens[i].Span.Length;
                _kinds[i] = tokens[i].Kind;
            }
        }

        /// <summary>The source text.</summary>
        public string Text { get; }

        /// <summary>The number of tokens.</summary>
        public int Count => _starts.Length;

        public int Start(int index) => _starts[index];

        public int End(int index) => _ends[index];

        public TokenKind Kind(int index) => _kinds[index];

        /// <summary>The index of the first token starting at or after <paramref name="offset"/>, or <see cref="Count"/>.</summary>
        public int FirstAtOrAfter(int offset)
        {
            int lo = 0, hi = _starts.Length;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_starts[mid] < offset) lo = mid + 1;
                else hi = mid;
            }

            return lo;
        }

        /// <summary>The end of the first token of <paramref name="kind"/> at or after <paramref name="offset"/>.</summary>
        public int EndOfNext(TokenKind kind, int offset)
        {
            for (var i = FirstAtOrAfter(offset); i < _starts.Length; i++)
                if (_kinds[i] == kind) return _ends[i];
            throw new KeyNotFoundException($"no {kind} token after offset {offset}");
        }

        /// <summary>
        /// The end of an expression that ends at <paramref name="end"/>, including the closing parentheses that follow:
        /// a parenthesized expression's node spans only what is inside the parentheses.
        /// </summary>
        public int EndWithParentheses(int end)
        {
            for (var i = FirstAtOrAfter(end); i < _starts.Length && _kinds[i] == TokenKind.RParen; i++) end = _ends[i];
            return end;
        }

        /// <summary>True when a line break lies between the two offsets.</summary>
        public bool HasLineBreak(int from, int to)
        {
            for (var i = from; i < to; i++)
                if (Text[i] == '\n' || Text[i] == '\r') return true;
            return false;
        }

        /// <summary>True when a whole line between the two offsets holds nothing but whitespace.</summary>
        public bool HasBlankLine(int from, int to)
        {
            var sawBreak = false;
            var lineIsBlank = false;
            for (var i = from; i < to; i++)
            {
                var c = Text[i];
                if (c == '\n' || c == '\r')
                {
                    if (c == '\r' && i + 1 < to && Text[i + 1] == '\n') i++;
                    if (sawBreak && lineIsBlank) return true;
                    sawBreak = true;
                    lineIsBlank = true;
                }
                else if (c != ' ' && c != '\t' && c != '\f' && c != '\v') lineIsBlank = false;
            }

            return false;
        }
    }
}
