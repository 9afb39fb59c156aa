using System.Collections.Generic;
using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MarginRules.Analyzers.Embedding;

/// <summary>
/// Maps each character of a string literal's value to the source characters that spell it: regular literals with
/// escapes, verbatim literals with doubled quotes, and single- and multi-line raw literals with their indentation.
/// </summary>
internal static class StringLiteralMap
{
    /// <summary>Appends one source per value character; appends nothing and returns false when the token cannot be mapped.</summary>
    public static bool TryAppend(SyntaxToken token, List<CharSource> chars)
    {
        if (token.ContainsDiagnostics || token.SyntaxTree is not { } tree) return false;
        var spans = new List<TextSpan>(token.Text.Length);
        var mapped = token.Kind() switch
        {
            SyntaxKind.StringLiteralToken when token.Text.StartsWith("@", System.StringComparison.Ordinal) => Verbatim(token.Text, spans),
            SyntaxKind.StringLiteralToken => Regular(token.Text, spans),
            SyntaxKind.SingleLineRawStringLiteralToken => SingleLineRaw(token.Text, spans),
            SyntaxKind.MultiLineRawStringLiteralToken => MultiLineRaw(token.Text, spans),
            _ => false,
        };

        // The compiler decoded the value; a map of another length means this reading of the token is wrong somewhere.
        if (!mapped || spans.Count != token.ValueText.Length) return false;
        foreach (var span in spans)
            chars.Add(new CharSource(tree, new TextSpan(token.SpanStart + span.Start, span.Length), exact: true));
        return true;
    }

    private static bool Regular(string text, List<TextSpan> spans)
    {
        if (text.Length < 2 || text[0] != '"' || text[text.Length - 1] != '"') return false;
        var end = text.Length - 1;
        var i = 1;
        while (i < end)
        {
            if (text[i] != '\\')
            {
                spans.Add(new TextSpan(i, 1));
                i++;
                continue;
            }

            if (i + 1 >= end) return false;
            switch (text[i + 1])
            {
                case 'x':
                    var j = i + 2;
                    while (j < end && j < i + 6 && IsHex(text[j])) j++;
                    if (j == i + 2) return false;
                    spans.Add(TextSpan.FromBounds(i, j));
                    i = j;
                    break;
                case 'u':
                    if (i + 6 > end) return false;
                    spans.Add(new TextSpan(i, 6));
                    i += 6;
                    break;
                case 'U':
                    if (i + 10 > end || !uint.TryParse(text.Substring(i + 2, 8), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var codePoint)) return false;
                    spans.Add(new TextSpan(i, 10));

                    // Above the Basic Multilingual Plane the escape yields a surrogate pair: both halves come from it.
                    if (codePoint > 0xFFFF) spans.Add(new TextSpan(i, 10));
                    i += 10;
                    break;
                default:
                    spans.Add(new TextSpan(i, 2));
                    i += 2;
                    break;
            }
        }

        return true;
    }

    private static bool Verbatim(string text, List<TextSpan> spans)
    {
        if (text.Length < 3 || text[1] != '"' || text[text.Length - 1] != '"') return false;
        var end = text.Length - 1;
        var i = 2;
        while (i < end)
        {
            var doubled = text[i] == '"' && i + 1 < end && text[i + 1] == '"';
            spans.Add(new TextSpan(i, doubled ? 2 : 1));
            i += doubled ? 2 : 1;
        }

        return true;
    }

    private static bool SingleLineRaw(string text, List<TextSpan> spans)
    {
        var quotes = LeadingQuotes(text);
        if (quotes < 3 || text.Length < 2 * quotes) return false;
        for (var i = quotes; i < text.Length - quotes; i++) spans.Add(new TextSpan(i, 1));
        return true;
    }

    private static bool MultiLineRaw(string text, List<TextSpan> spans)
    {
        var quotes = LeadingQuotes(text);
        if (quotes < 3 || text.Length < 2 * quotes) return false;
        var closing = text.Length - quotes;

        // The closing line is the indentation followed by the closing quotes; the line break before it is not content.
        var closingLineStart = closing;
        while (closingLineStart > 0 && !IsLineBreak(text[closingLineStart - 1])) closingLineStart--;
        var indent = closing - closingLineStart;
        var contentEnd = closingLineStart - LineBreakLengthBefore(text, closingLineStart);

        var firstBreak = quotes;
        while (firstBreak < text.Length && !IsLineBreak(text[firstBreak])) firstBreak++;
        if (firstBreak >= closingLineStart) return false;
        var position = firstBreak + LineBreakLength(text, firstBreak);

        while (position < contentEnd)
        {
            var lineEnd = position;
            while (lineEnd < contentEnd && !IsLineBreak(text[lineEnd])) lineEnd++;
            var start = position + System.Math.Min(indent, lineEnd - position);
            for (var i = start; i < lineEnd; i++) spans.Add(new TextSpan(i, 1));
            if (lineEnd >= contentEnd) break;

            // A line break inside the content is content, as many characters as the source has.
            var breakLength = LineBreakLength(text, lineEnd);
            for (var i = lineEnd; i < lineEnd + breakLength; i++) spans.Add(new TextSpan(i, 1));
            position = lineEnd + breakLength;
        }

        return true;
    }

    private static int LeadingQuotes(string text)
    {
        var count = 0;
        while (count < text.Length && text[count] == '"') count++;
        return count;
    }

    private static bool IsHex(char c) => c is >= '0' and <= '9' or >= 'a' and <= 'f' or >= 'A' and <= 'F';

    // The line breaks C# recognises (ECMA-334 6.3.2 New_Line).
    private static bool IsLineBreak(char c) => c is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029';

    private static int LineBreakLength(string text, int index) =>
        text[index] == '\r' && index + 1 < text.Length && text[index + 1] == '\n' ? 2 : 1;

    private static int LineBreakLengthBefore(string text, int index)
    {
        if (index == 0 || !IsLineBreak(text[index - 1])) return 0;
        return text[index - 1] == '\n' && index >= 2 && text[index - 2] == '\r' ? 2 : 1;
    }
}
