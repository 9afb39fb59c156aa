using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using PolicySpan = MarginRules.Language.Text.TextSpan;

namespace MarginRules.Analyzers.Embedding;

/// <summary>A constant policy text found in C#, with the source of each of its characters.</summary>
internal sealed class PolicyTextMap
{
    private readonly IReadOnlyList<CharSource> _chars;

    public PolicyTextMap(string text, IReadOnlyList<CharSource> chars, Location whole)
    {
        Text = text;
        _chars = chars;
        Whole = whole;
    }

    /// <summary>The policy text: the expression's constant value.</summary>
    public string Text { get; }

    /// <summary>The whole expression, used when a character has no exact source.</summary>
    public Location Whole { get; }

    /// <summary>
    /// The source location of a span of the policy text. <paramref name="exact"/> is true only when the location spells
    /// exactly that span inside one literal, so a code fix may replace it.
    /// </summary>
    public Location Locate(PolicySpan span, out bool exact)
    {
        exact = false;
        if (_chars.Count == 0) return Whole;
        var start = Math.Max(0, Math.Min(span.Start, _chars.Count));
        var end = Math.Max(start, Math.Min(span.End, _chars.Count));

        if (start == end)
        {
            // An empty span, such as "unexpected end of input", sits before a character or after the last one.
            var anchor = start < _chars.Count ? _chars[start] : _chars[_chars.Count - 1];
            var position = start < _chars.Count ? anchor.Span.Start : anchor.Span.End;
            exact = anchor.Exact;
            return Location.Create(anchor.Tree, new TextSpan(position, 0));
        }

        var first = _chars[start];
        var from = first.Span.Start;
        var to = first.Span.End;
        exact = first.Exact;
        for (var i = start + 1; i < end; i++)
        {
            var c = _chars[i];
            if (c.Tree != first.Tree)
            {
                exact = false;
                continue;
            }

            // A gap (concatenation, skipped indentation) or a repeated source (a surrogate pair) is still a location,
            // but not one a fix can overwrite character for character.
            if (c.Span.Start != _chars[i - 1].Span.End || !c.Exact) exact = false;
            from = Math.Min(from, c.Span.Start);
            to = Math.Max(to, c.Span.End);
        }

        return Location.Create(first.Tree, TextSpan.FromBounds(from, to));
    }
}
