using System;
using System.Globalization;
using System.Text;

namespace MarginRules.Data;

/// <summary>Reads number text as a <see cref="decimal"/> exactly: a number a decimal cannot hold is rejected rather than rounded.</summary>
/// <remarks>Money amounts must not pass through <see cref="double"/>: 0.1 + 0.2 is 0.3 in decimal but 0.30000000000000004 in binary floating point.</remarks>
internal static class ExactDecimal
{
    /// <summary>The largest decimal, named in the out-of-range message.</summary>
    private const string Largest = "79228162514264337593543950335";

    /// <summary>True when <paramref name="text"/> follows the JSON number grammar (RFC 8259 section 6): <c>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</c>.</summary>
    public static bool IsNumberSyntax(string text)
    {
        var i = 0;
        if (i < text.Length && text[i] == '-') i++;
        if (i >= text.Length || !char.IsAsciiDigit(text[i])) return false;
        if (text[i] == '0') i++;
        else i = SkipDigits(text, i);

        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            i = SkipDigits(text, i);
            if (i == start) return false;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) i++;
            var start = i;
            i = SkipDigits(text, i);
            if (i == start) return false;
        }

        return i == text.Length;
    }

    /// <summary>True for the spellings of NaN and infinity that other tools write into JSON strings.</summary>
    public static bool IsNonFinite(string text)
    {
        var t = text.Trim().TrimStart('+', '-');
        return t.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || t.Equals("Infinity", StringComparison.OrdinalIgnoreCase)
            || t.Equals("Inf", StringComparison.OrdinalIgnoreCase)
            || t == "∞";
    }

    /// <summary>Parses text that follows the JSON number grammar; on failure <paramref name="problem"/> says why.</summary>
    public static bool TryParse(string text, out decimal value, out string? problem)
    {
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            problem = $"number {text} is outside the decimal range (±{Largest})";
            return false;
        }

        // decimal.Parse silently rounds digits past its 96-bit mantissa or 28 decimal places; compare digits to catch that.
        var written = Canonical(text);
        var held = Canonical(value.ToString(CultureInfo.InvariantCulture));
        if (written.Digits != held.Digits || written.Exponent != held.Exponent)
        {
            problem = $"number {text} would be rounded to {value.ToString(CultureInfo.InvariantCulture)} as a decimal";
            return false;
        }

        problem = null;
        return true;
    }

    private static int SkipDigits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i;
    }

    // A number as its significant digits D (no leading or trailing zeros) and E such that its magnitude is 0.D × 10^E; zero is ("", 0).
    private static (string Digits, long Exponent) Canonical(string text)
    {
        var i = text.Length > 0 && text[0] == '-' ? 1 : 0;
        var digits = new StringBuilder();
        long point = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++, point++) digits.Append(text[i]);
        if (i < text.Length && text[i] == '.')
        {
            for (i++; i < text.Length && char.IsAsciiDigit(text[i]); i++) digits.Append(text[i]);
        }

        long exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E') && !long.TryParse(text.AsSpan(i + 1), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent))
        {
            // An exponent beyond long is beyond any decimal; any sentinel that no decimal can produce will do.
            exponent = text[i + 1] == '-' ? long.MinValue / 2 : long.MaxValue / 2;
        }

        var s = digits.ToString();
        var lead = 0;
        while (lead < s.Length && s[lead] == '0') lead++;
        s = s.Substring(lead).TrimEnd('0');
        return s.Length == 0 ? (string.Empty, 0) : (s, point - lead + exponent);
    }
}
