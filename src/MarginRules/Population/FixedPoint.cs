using System;
using System.Collections.Immutable;

namespace MarginRules.Population;

/// <summary>Turns generated doubles into decimals with a fixed number of decimal places, rounding explicitly.</summary>
/// <remarks>A fixed scale makes every size print with the same number of places (<c>0.100</c>, not <c>0.1</c>) and round-trip through
/// CSV unchanged; going through a whole number of units keeps the conversion exact and the same on every machine.</remarks>
internal static class FixedPoint
{
    private static readonly ImmutableArray<decimal> Zeros = [0m, 0.0m, 0.00m, 0.000m, 0.0000m, 0.00000m, 0.000000m, 0.0000000m, 0.00000000m];

    // Exact powers of ten; Math.Pow is the platform's and need not be exact.
    private static readonly ImmutableArray<double> Scales = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];

    /// <summary>The most decimal places the generator uses.</summary>
    public const int MaxDecimals = 8;

    /// <summary><paramref name="value"/> rounded to the nearest multiple of 10^−decimals (halves to even).</summary>
    public static decimal Round(double value, int decimals) =>
        FromUnits(Math.Round(value * Scales[decimals], MidpointRounding.ToEven), decimals);

    /// <summary><paramref name="value"/> rounded down to a multiple of 10^−decimals.</summary>
    public static decimal Floor(double value, int decimals) => FromUnits(Math.Floor(value * Scales[decimals]), decimals);

    /// <summary>A decimal rounded down to <paramref name="decimals"/> places and shown with exactly that many.</summary>
    public static decimal Floor(decimal value, int decimals) => WithScale(decimal.Round(value, decimals, MidpointRounding.ToNegativeInfinity), decimals);

    /// <summary>A decimal rounded to the nearest (halves to even) at <paramref name="decimals"/> places and shown with exactly that many.</summary>
    public static decimal Round(decimal value, int decimals) => WithScale(decimal.Round(value, decimals, MidpointRounding.ToEven), decimals);

    // decimal addition keeps the larger scale, so adding 0.00m shows a value rounded to cents with two places.
    private static decimal WithScale(decimal rounded, int decimals) => rounded + Zeros[decimals];

    /// <summary>The whole number of 10^−decimals units nearest <paramref name="value"/> (halves to even).</summary>
    public static long RoundUnits(double value, int decimals) => checked((long)Math.Round(value * Scales[decimals], MidpointRounding.ToEven));

    /// <summary>The whole number of 10^−decimals units at or below <paramref name="value"/>.</summary>
    public static long FloorUnits(double value, int decimals) => checked((long)Math.Floor(value * Scales[decimals]));

    /// <summary>The value of <paramref name="units"/> units of 10^−decimals as a double.</summary>
    public static double ToDouble(long units, int decimals) => units / Scales[decimals];

    /// <summary>The decimal of <paramref name="units"/> units of 10^−decimals, shown with exactly that many places.</summary>
    public static decimal FromUnits(long units, int decimals)
    {
        var magnitude = units < 0 ? (ulong)(-units) : (ulong)units;
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), 0, units < 0, (byte)decimals);
    }

    private static decimal FromUnits(double units, int decimals) => FromUnits(checked((long)units), decimals);
}
