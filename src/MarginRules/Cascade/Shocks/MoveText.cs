using System.Globalization;

namespace MarginRules.Cascade.Shocks;

/// <summary>Reads a move written as a percentage (<c>-25%</c>), the text form shared by shock specs and scenario files.</summary>
internal static class MoveText
{
    /// <summary>The problem text for a move at or below −100%, shared so every input form reports it alike.</summary>
    public static string TooLarge(string written) =>
        $"move {written} would take the price to zero or below; a move must be above -100%";

    /// <summary>Parses a percentage into a fraction (−25% → −0.25); on failure returns the problem instead.</summary>
    /// <remarks>
    /// The percent sign is required: a bare <c>-5</c> could mean −5% or −500%, and guessing would silently run the
    /// wrong scenario.
    /// </remarks>
    public static bool TryParse(string text, out decimal fraction, out string problem)
    {
        fraction = 0m;
        if (text.Length == 0)
        {
            problem = "expected a move such as `-20%`";
            return false;
        }

        var hasPercent = text.EndsWith('%');
        var number = hasPercent ? text[..^1] : text;
        if (!decimal.TryParse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent))
        {
            problem = $"bad number `{text}`; expected a percentage such as `-20%`";
            return false;
        }

        if (!hasPercent)
        {
            problem = $"`{text}` needs a `%` sign; a move is a percentage such as `-20%`";
            return false;
        }

        if (percent <= -100m)
        {
            problem = TooLarge(text);
            return false;
        }

        fraction = percent / 100m;
        problem = "";
        return true;
    }
}
