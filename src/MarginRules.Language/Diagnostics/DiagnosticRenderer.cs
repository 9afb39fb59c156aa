using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using MarginRules.Language.Text;

namespace MarginRules.Language.Diagnostics
{
    /// <summary>Renders diagnostics the way modern compilers do: a header line, the source line, an underline and help.</summary>
    public static class DiagnosticRenderer
    {
        /// <summary>Lines longer than this are shown as a window around the diagnostic.</summary>
        public const int MaxShownLineLength = 120;

        /// <summary>Renders one diagnostic against the text it was reported for.</summary>
        public static string Render(Diagnostic diagnostic, SourceText source)
        {
            var sb = new StringBuilder();
            Render(diagnostic, source, sb);
            return sb.ToString();
        }

        /// <summary>Renders many diagnostics, separated by blank lines.</summary>
        public static string Render(IEnumerable<Diagnostic> diagnostics, SourceText source)
        {
            var sb = new StringBuilder();
            foreach (var d in diagnostics)
            {
                if (sb.Length > 0) sb.Append('\n');
                Render(d, source, sb);
            }

            return sb.ToString();
        }

        private static void Render(Diagnostic d, SourceText source, StringBuilder sb)
        {
            sb.Append(d.ToString()).Append('\n');
            if (d.Start.Line > source.LineCount)
            {
                AppendHelp(d, sb, string.Empty);
                return;
            }

            var lineText = source.GetLineText(d.Start.Line);
            var column = d.Start.Column - 1;
            var length = d.Start.Line == d.End.Line ? d.End.Column - d.Start.Column : lineText.Length - column;
            length = Math.Max(1, Math.Min(length, Math.Max(1, lineText.Length - column)));

            // A very long line is cut to a window so the caret stays on screen.
            var windowStart = 0;
            var prefix = string.Empty;
            var suffix = string.Empty;
            if (lineText.Length > MaxShownLineLength)
            {
                windowStart = Math.Max(0, Math.Min(column - MaxShownLineLength / 2, lineText.Length - MaxShownLineLength));
                if (windowStart > 0) prefix = "…";
                if (windowStart + MaxShownLineLength < lineText.Length) suffix = "…";
                lineText = lineText.Substring(windowStart, MaxShownLineLength);
                length = Math.Min(length, MaxShownLineLength - (column - windowStart));
            }

            var shown = Printable(lineText);
            var lineNumber = d.Start.Line.ToString(CultureInfo.InvariantCulture);
            var gutter = new string(' ', lineNumber.Length);
            sb.Append(' ').Append(lineNumber).Append(" | ").Append(prefix).Append(shown).Append(suffix).Append('\n');
            sb.Append(' ').Append(gutter).Append(" | ").Append(' ', prefix.Length + (column - windowStart))
              .Append('^').Append('~', Math.Max(0, length - 1)).Append('\n');
            AppendHelp(d, sb, gutter);
        }

        private static void AppendHelp(Diagnostic d, StringBuilder sb, string gutter)
        {
            foreach (var help in d.Help)
                sb.Append(' ').Append(gutter).Append(" = help: ").Append(help).Append('\n');
        }

        // Tabs become one space and control characters a middle dot, so the caret column stays exact.
        private static string Printable(string line)
        {
            var chars = line.ToCharArray();
            for (var i = 0; i < chars.Length; i++)
            {
                var c = chars[i];
                if (c == '\t') chars[i] = ' ';
                else if (char.IsControl(c) || char.IsSurrogate(c)) chars[i] = '·';
            }

            return new string(chars);
        }
    }
}
