using System;
using System.Collections.Generic;
using System.Numerics;

namespace MarginRules.Runtime;

/// <summary>
/// The brackets of a bracket table, ready for <see cref="Find"/>. A decimal comparison rescales one side to the
/// other's scale at every step of a search; here the bounds are rescaled once per scale, when the table is compiled,
/// to whole numbers in units of 10^-scale, so a value is searched by its digits with integer comparisons. The
/// comparisons are exact, so the row found is the one <see cref="TableRows.Bracket"/> finds; values whose digits or
/// rescaled bounds do not fit a long take the decimal search.
/// </summary>
internal sealed class BracketBounds
{
    // decimal's largest scale.
    private const int MaxScale = 28;

    // 10^0 to 10^18, the powers of ten a long holds.
    private static ReadOnlySpan<ulong> PowersOfTen =>
    [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000, 10_000_000_000,
        100_000_000_000, 1_000_000_000_000, 10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000, 1_000_000_000_000_000_000,
    ];

    private readonly decimal[] _lower;
    private readonly decimal[] _upper;
    private readonly bool _lastOpen;

    // The smallest scale that writes every bound as a whole number.
    private readonly int _boundScale;

    // Per scale s ≥ _boundScale: every bound times 10^s, or null when one of them does not fit a long.
    private readonly long[]?[] _lowerByScale = new long[]?[MaxScale + 1];
    private readonly long[]?[] _upperByScale = new long[]?[MaxScale + 1];

    /// <summary>Creates the bounds from ascending, non-overlapping brackets [lower, upper); the last has no upper bound when <paramref name="lastOpen"/> is true.</summary>
    public BracketBounds(decimal[] lower, decimal[] upper, bool lastOpen)
    {
        _lower = lower;
        _upper = upper;
        _lastOpen = lastOpen;

        // An open last bracket's upper bound is never read; it stays 0 here.
        var bounds = new List<decimal>(lower);
        for (var i = 0; i < upper.Length; i++)
            if (!(lastOpen && i == upper.Length - 1)) bounds.Add(upper[i]);
        foreach (var bound in bounds) _boundScale = Math.Max(_boundScale, bound.Scale);

        for (var scale = _boundScale; scale <= MaxScale; scale++)
        {
            var scaledLower = Scaled(lower, scale, lower.Length);
            var scaledUpper = Scaled(upper, scale, lastOpen ? upper.Length - 1 : upper.Length);
            if (scaledLower == null || scaledUpper == null) break;
            _lowerByScale[scale] = scaledLower;
            _upperByScale[scale] = scaledUpper;
        }
    }

    /// <summary>The index of the bracket that holds <paramref name="value"/>, as <see cref="TableRows.Bracket"/> finds it.</summary>
    /// <exception cref="KeyNotFoundException">No bracket holds the value.</exception>
    public int Find(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var magnitude = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[2] != 0) return TableRows.Bracket(_lower, _upper, _lastOpen, value);

        // Compared at the value's scale, or the bounds' when they have more decimals; digits or bounds too large
        // for a long at that scale take the decimal search.
        if (scale < _boundScale)
        {
            var rescale = _boundScale - scale;
            if (rescale >= PowersOfTen.Length || magnitude > long.MaxValue / PowersOfTen[rescale]) return TableRows.Bracket(_lower, _upper, _lastOpen, value);
            magnitude *= PowersOfTen[rescale];
            scale = _boundScale;
        }

        var lower = _lowerByScale[scale];
        if (lower == null || magnitude > long.MaxValue) return TableRows.Bracket(_lower, _upper, _lastOpen, value);
        var digits = bits[3] < 0 ? -(long)magnitude : (long)magnitude;

        // The last bracket whose lower bound is at or below the value is the only candidate: the checker
        // rejects brackets that overlap or are out of order.
        int lo = 0, hi = lower.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (lower[mid] <= digits)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found >= 0 && ((_lastOpen && found == lower.Length - 1) || digits < _upperByScale[scale]![found])) return found;
        throw TableRows.NoBracket(value);
    }

    /// <summary>The first <paramref name="count"/> bounds times 10^<paramref name="scale"/>, exactly; null when one does not fit a long.</summary>
    private static long[]? Scaled(decimal[] bounds, int scale, int count)
    {
        var scaled = new long[bounds.Length];
        for (var i = 0; i < count; i++)
        {
            // A bound with scale t is its digits over 10^t, and t ≤ scale.
            var bound = bounds[i];
            var bits = decimal.GetBits(bound);
            var magnitude = new BigInteger((uint)bits[2]) << 64 | new BigInteger((uint)bits[1]) << 32 | new BigInteger((uint)bits[0]);
            var exact = magnitude * BigInteger.Pow(10, scale - bound.Scale);
            if (bits[3] < 0) exact = -exact;
            if (exact > (BigInteger)long.MaxValue || exact < (BigInteger)long.MinValue) return null;
            scaled[i] = (long)exact;
        }

        return scaled;
    }
}
