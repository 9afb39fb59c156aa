using System;
using System.Globalization;

namespace MarginRules.Data.Csv;

/// <summary>Reads a CSV field as an exact <see cref="decimal"/> under the same rules as JSON numbers, without allocating for ordinary values.</summary>
internal static class CsvNumber
{
    /// <summary>
    /// Parses <paramref name="text"/>; on failure <paramref name="problem"/> gives the same reason the JSON loaders give.
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out decimal value, out string? problem)
    {
        if (!IsPlainNumber(text, out var hasExponent, out var digits, out var scale))
        {
            value = 0m;
            var written = text.ToString();
            problem = ExactDecimal.IsNonFinite(written) ? $"\"{written}\" is not a finite number" : $"\"{written}\" is not a number";
            return false;
        }

        // Up to 28 digits and 28 decimal places always fit the 96-bit mantissa exactly, so decimal.TryParse cannot round;
        // anything longer, or with an exponent, takes the slower digit-by-digit comparison the JSON loaders use.
        if (!hasExponent && digits <= 28 && scale <= 28
            && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value))
        {
            problem = null;
            return true;
        }

        return ExactDecimal.TryParse(text.ToString(), out value, out problem);
    }

    // The JSON number grammar (RFC 8259 section 6), also counting the digits from the first non-zero one and the decimal places.
    private static bool IsPlainNumber(ReadOnlySpan<char> text, out bool hasExponent, out int digits, out int scale)
    {
        hasExponent = false;
        digits = 0;
        scale = 0;
        var i = 0;
        if (i < text.Length && text[i] == '-') i++;
        if (i >= text.Length || !char.IsAsciiDigit(text[i])) return false;
        var significant = false;
        if (text[i] == '0')
        {
            i++;
        }
        else
        {
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++) digits++;
            significant = true;
        }

        if (i < text.Length && text[i] == '.')
        {
            var start = ++i;
            for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
            {
                significant |= text[i] != '0';
                if (significant) digits++;
            }

            scale = i - start;
            if (scale == 0) return false;
        }

        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            hasExponent = true;
            i++;
            if (i < text.Length && (text[i] == '+' || text[i] == '-')) i++;
            var start = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i == start) return false;
        }

        return i == text.Length;
    }
}
