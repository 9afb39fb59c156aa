using System.Collections.Generic;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Formatting
{
    /// <summary>Lays out <c>head expression tail</c>, breaking lines that would run past the width limit.</summary>
    internal static class StatementLayout
    {
        /// <summary>The widest line the formatter aims for, in characters.</summary>
        public const int MaxLineLength = 100;

        /// <summary>How much further than its statement a continuation line is indented.</summary>
        public const int ContinuationIndent = 4;

        /// <summary>
        /// One line when it fits. Otherwise a top-level <c>and</c>/<c>or</c>/<c>+</c>/<c>-</c> chain is broken before
        /// each operator. After a declaration's <c>=</c> or <c>:</c> (<paramref name="mayBreakAfterHead"/>) the value
        /// may also start on a continuation line: whole if it fits there, else as the broken chain. Line breaks carry
        /// no meaning in the language, so every layout parses back to the same tree.
        /// </summary>
        public static IReadOnlyList<string> Lines(int indent, string head, ExpressionSyntax expression, string tail, bool mayBreakAfterHead)
        {
            var pad = new string(' ', indent);
            var continuation = new string(' ', indent + ContinuationIndent);
            var body = ExpressionPrinter.Print(expression);
            var oneLine = pad + head + " " + body + tail;
            if (oneLine.Length <= MaxLineLength) return new[] { oneLine };

            var isChain = ExpressionPrinter.TrySplitChain(expression, out var first, out var rest);
            var firstLine = pad + head + " " + first;
            if (isChain && (firstLine.Length <= MaxLineLength || !mayBreakAfterHead)) return Chain(new List<string> { firstLine }, continuation, rest, tail);
            if (!mayBreakAfterHead) return new[] { oneLine };

            var bodyLine = continuation + body + tail;
            if (bodyLine.Length <= MaxLineLength || !isChain) return new[] { pad + head, bodyLine };
            return Chain(new List<string> { pad + head, continuation + first }, continuation, rest, tail);
        }

        private static IReadOnlyList<string> Chain(List<string> lines, string continuation, IReadOnlyList<(string Operator, string Operand)> rest, string tail)
        {
            foreach (var (op, operand) in rest) lines.Add(continuation + op + " " + operand);
            lines[lines.Count - 1] += tail;
            return lines;
        }
    }
}
