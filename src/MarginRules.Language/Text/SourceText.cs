using System;
using System.Collections.Generic;

namespace MarginRules.Language.Text
{
    /// <summary>A policy's text with its path and a line map, so spans can be shown as line and column.</summary>
    public sealed class SourceText
    {
        private readonly int[] _lineStarts;

        /// <summary>Wraps <paramref name="text"/>; <paramref name="path"/> is only used to name the file in diagnostics.</summary>
        public SourceText(string text, string? path = null)
        {
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Path = path ?? "policy.margin";
            var starts = new List<int> { 0 };
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                if (c == '\r')
                {
                    if (i + 1 < text.Length && text[i + 1] == '\n') i++;
                    starts.Add(i + 1);
                }
                else if (c == '\n')
                {
                    starts.Add(i + 1);
                }
            }

            _lineStarts = starts.ToArray();
        }

        /// <summary>The full text.</summary>
        public string Text { get; }

        /// <summary>The file path shown in diagnostics.</summary>
        public string Path { get; }

        /// <summary>The number of lines.</summary>
        public int LineCount => _lineStarts.Length;

        /// <summary>The one-based line and column of an offset.</summary>
        public LinePosition GetPosition(int offset)
        {
            offset = Math.Max(0, Math.Min(offset, Text.Length));
            var index = Array.BinarySearch(_lineStarts, offset);
            if (index < 0) index = ~index - 1;
            return new LinePosition(index + 1, offset - _lineStarts[index] + 1);
        }

        /// <summary>The text of a one-based line, without its line break.</summary>
        public string GetLineText(int line)
        {
            var start = _lineStarts[line - 1];
            var end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
            while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
            return Text.Substring(start, end - start);
        }

        /// <summary>The text a span covers.</summary>
        public string GetText(TextSpan span) => Text.Substring(span.Start, Math.Min(span.Length, Text.Length - span.Start));
    }
}
