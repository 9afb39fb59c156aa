using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using MarginRules.Language.Text;

namespace MarginRules.Cli.PolicyTests;

/// <summary>
/// Splits expectation keys such as <c>liquidation.steps[0].seized</c> into segments and words the problems with them,
/// suggesting the key that was probably meant.
/// </summary>
internal static class KeyText
{
    private static readonly Regex SegmentSyntax = new(@"^(?<name>[^\[\]]*)(\[(?<index>[0-9]{1,9})\])?$", RegexOptions.CultureInvariant);

    /// <summary>Splits at the first dot: <c>a.b.c</c> is (<c>a</c>, <c>b.c</c>); the rest is null without a dot.</summary>
    public static (string Head, string? Tail) Split(string text)
    {
        var dot = text.IndexOf('.');
        return dot < 0 ? (text, null) : (text.Substring(0, dot), text.Substring(dot + 1));
    }

    /// <summary>Reads a segment's name and optional <c>[index]</c>; false when the brackets are malformed.</summary>
    public static bool TrySegment(string segment, out string name, out int? index)
    {
        var m = SegmentSyntax.Match(segment);
        name = m.Success ? m.Groups["name"].Value : segment;
        index = m.Success && m.Groups["index"].Success ? int.Parse(m.Groups["index"].Value, CultureInfo.InvariantCulture) : null;
        return m.Success;
    }

    /// <summary>
    /// The problem for a segment that is not one of <paramref name="candidates"/>: the whole key with the closest
    /// candidate put in the segment's place, or the keys allowed at that level.
    /// </summary>
    public static string Unknown(string key, string prefix, string segment, string? rest, IReadOnlyCollection<string> candidates)
    {
        var suggestion = SpellingSuggestion.Closest(segment, candidates);
        if (suggestion is not null)
            return $"unknown expectation \"{key}\"; did you mean \"{prefix}{suggestion}{(rest is null ? string.Empty : "." + rest)}\"?";
        var known = candidates.Count == 0 ? "there are none" : "known: " + string.Join(", ", candidates.Select(c => $"\"{prefix}{c}\""));
        return $"unknown expectation \"{key}\"; {known}";
    }

    /// <summary>The problem for a key that stops before naming a value.</summary>
    public static string Incomplete(string key, IReadOnlyCollection<string> next) =>
        $"expectation \"{key}\" names no value; add one of {string.Join(", ", next.Select(n => $"\"{key}.{n}\""))}";

    /// <summary>The problem for a key that goes on past a value.</summary>
    public static string TooLong(string key, string valueKey) =>
        $"unknown expectation \"{key}\"; \"{valueKey}\" is a value and has no fields";
}
