using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Formatting
{
    /// <summary>Prints a policy in the one canonical layout; formatting never changes what the policy means.</summary>
    /// <remarks>
    /// <para>The canonical style: the header on one line, then a blank line; each declaration starts on its own line
    /// with one blank line between declarations, except that params, lets, fns, exports, adl rules and the group
    /// <c>equity</c>/<c>initial</c>/<c>maintenance</c> stay together when they stood on adjacent lines in the source.
    /// Tables, <c>margin_call</c> and <c>liquidation</c> put one row or clause per line inside <c>{ }</c>, indented by
    /// two spaces; table keys are padded to one width and cells aligned in columns (numeric columns to the right).</para>
    /// <para>Numbers are printed as written (<c>1_000</c>, <c>12.5%</c>), money as <c>1_000 USD</c>, strings re-escaped
    /// (<c>\"</c>, <c>\\</c>, <c>\n</c>, <c>\t</c>); operators have single spaces and parentheses appear only where
    /// precedence needs them. A line longer than 100 characters is broken before each <c>and</c>, <c>or</c>,
    /// <c>+</c> or <c>-</c> of its top-level chain with a four-space continuation indent; a declaration whose
    /// value is no such chain moves the value to a continuation line after its <c>=</c>.</para>
    /// <para>Every comment is kept: a comment ending the line of a declaration, row or clause stays at the end of it;
    /// comments on their own lines stay above what follows them (with a blank line after them kept); comments
    /// inside an expression move above their line; comments after the last declaration stay at the end.</para>
    /// </remarks>
    public static class PolicyFormatter
    {
        /// <summary>The canonical text of a policy that parsed without errors.</summary>
        /// <exception cref="ArgumentException">The tree has a syntax error; broken files are never formatted.</exception>
        public static string Format(SyntaxTree tree)
        {
            if (tree == null) throw new ArgumentNullException(nameof(tree));
            var error = tree.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (error != null) throw new ArgumentException($"cannot format a policy with syntax errors: {error}", nameof(tree));

            var tokens = new SourceTokens(tree.Source);
            var root = tree.Root;
            var header = new LayoutPart(root.Header.Span.End, 0, new[] { HeaderLine(root.Header) });
            var declarations = root.Declarations.Select(d => DeclarationLayout.Parts(d, tokens)).ToArray();
            var parts = new List<LayoutPart> { header };
            foreach (var d in declarations) parts.AddRange(d);
            var endComments = CommentPlacement.Attach(tree.Comments, parts, tokens, out var blankLineBeforeEnd);

            var lines = new List<string>();
            Emit(lines, header);
            for (var i = 0; i < declarations.Length; i++)
            {
                if (i == 0 || !StayTogether(root.Declarations[i - 1], declarations[i - 1], root.Declarations[i], tokens)) lines.Add(string.Empty);
                foreach (var part in declarations[i]) Emit(lines, part);
            }

            if (blankLineBeforeEnd) lines.Add(string.Empty);
            for (var i = 0; i < endComments.Count; i++)
            {
                lines.Add("#" + endComments[i].Comment.Text);
                if (endComments[i].BlankLineAfter && i < endComments.Count - 1) lines.Add(string.Empty);
            }

            var sb = new StringBuilder();
            foreach (var line in lines) sb.Append(line).Append('\n');
            return sb.ToString();
        }

        /// <summary>
        /// Parses and formats <paramref name="text"/>; false, with <paramref name="formatted"/> the text unchanged,
        /// when it has syntax errors, which <paramref name="diagnostics"/> then lists.
        /// </summary>
        public static bool TryFormat(string text, string? path, out string formatted, out IReadOnlyList<Diagnostic> diagnostics)
        {
            var tree = SyntaxTree.Parse(text, path);
            diagnostics = tree.Diagnostics;
            if (tree.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                formatted = text;
                return false;
            }

            formatted = Format(tree);
            return true;
        }

        private static string HeaderLine(PolicyHeaderSyntax header)
        {
            var line = "policy " + SyntaxText.Quote(header.Name);
            if (header.Version != null) line += " version " + SyntaxText.Quote(header.Version);
            if (header.Currency != null) line += " currency " + header.Currency.Text;
            return line;
        }

        private static bool StayTogether(DeclarationSyntax previous, IReadOnlyList<LayoutPart> previousParts, DeclarationSyntax next, SourceTokens tokens)
        {
            // The previous declaration's last part, not its span, marks its end: the span stops short of closing parentheses.
            var group = DeclarationLayout.Group(previous);
            return group != null && group == DeclarationLayout.Group(next)
                && !tokens.HasBlankLine(previousParts[previousParts.Count - 1].SourceEnd, next.Span.Start);
        }

        private static void Emit(List<string> lines, LayoutPart part)
        {
            var pad = new string(' ', part.CommentIndent);
            foreach (var leading in part.Leading)
            {
                lines.Add(pad + "#" + leading.Comment.Text);
                if (leading.BlankLineAfter) lines.Add(string.Empty);
            }

            lines.AddRange(part.Lines);
            if (part.Trailing != null) lines[lines.Count - 1] += " #" + part.Trailing.Text;
        }
    }
}
