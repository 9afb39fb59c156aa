using System;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MarginRules.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace MarginRules.CodeFixes;

/// <summary>Replaces part of a string literal's value with new text, written as that kind of literal needs it.</summary>
internal static class LiteralEdit
{
    /// <summary>
    /// Finds the literal that spells <paramref name="diagnostic"/>'s span and escapes <paramref name="replacement"/> for
    /// it; null when the span is not exactly inside one literal or the text cannot be written there.
    /// </summary>
    public static async Task<string?> PrepareAsync(Document document, Diagnostic diagnostic, string replacement, CancellationToken cancellation)
    {
        if (!diagnostic.Properties.ContainsKey(PolicyDiagnosticProperties.Exact) || !diagnostic.Location.IsInSource) return null;
        var root = await document.GetSyntaxRootAsync(cancellation).ConfigureAwait(false);
        if (root == null) return null;
        var span = diagnostic.Location.SourceSpan;
        var token = root.FindToken(span.Start);
        if (span.Start <= token.SpanStart || span.End >= token.Span.End) return null;
        return token.Kind() switch
        {
            SyntaxKind.StringLiteralToken when token.Text.StartsWith("@", StringComparison.Ordinal) => replacement.Replace("\"", "\"\""),
            SyntaxKind.StringLiteralToken => EscapeRegular(replacement),
            SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken => FitsRaw(replacement) ? replacement : null,
            _ => null,
        };
    }

    /// <summary>The document with the diagnostic's span replaced by <paramref name="escaped"/>.</summary>
    public static async Task<Document> ApplyAsync(Document document, TextSpan span, string escaped, CancellationToken cancellation)
    {
        var text = await document.GetTextAsync(cancellation).ConfigureAwait(false);
        return document.WithText(text.WithChanges(new TextChange(span, escaped)));
    }

    private static string EscapeRegular(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    // A raw literal has no escapes: a quote could end it early and a line break would change its indentation.
    private static bool FitsRaw(string value) => value.IndexOf('"') < 0 && value.IndexOf('\n') < 0 && value.IndexOf('\r') < 0;
}
