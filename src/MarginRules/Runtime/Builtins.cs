using System.Runtime.CompilerServices;
using MarginRules.Language.Binding;
using MarginRules.Language.Runtime;

namespace MarginRules.Runtime;

/// <summary>
/// The built-in functions for compiled policies. Each computes exactly what <see cref="ConstantFolder.Apply"/> computes
/// through <see cref="PolicyMath"/>; the methods are not inlined, so the JIT compiles their decimal code once per process
/// instead of once per compiled delegate.
/// </summary>
internal static class Builtins
{
    /// <summary>The smaller of two values; the first when they are equal.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Min(decimal a, decimal b) => PolicyMath.Min(a, b);

    /// <summary>The larger of two values; the first when they are equal.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Max(decimal a, decimal b) => PolicyMath.Max(a, b);

    /// <summary>The absolute value.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Abs(decimal value) => PolicyMath.Abs(value);

    /// <summary>Limits a value to [lo, hi]; lo wins if the bounds cross.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Clamp(decimal value, decimal lo, decimal hi) => PolicyMath.Clamp(value, lo, hi);

    /// <summary>Rounds toward negative infinity to a whole number.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Floor(decimal value) => PolicyMath.Floor(value);

    /// <summary>Rounds toward positive infinity to a whole number.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Ceil(decimal value) => PolicyMath.Ceil(value);

    /// <summary>The square root.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is negative.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Sqrt(decimal value) => PolicyMath.Sqrt(value);

    /// <summary>e raised to a power.</summary>
    /// <exception cref="System.OverflowException">The result exceeds the decimal range.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Exp(decimal value) => PolicyMath.Exp(value);

    /// <summary>The natural logarithm.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The value is zero or negative.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Ln(decimal value) => PolicyMath.Ln(value);

    /// <summary>A base raised to a whole power.</summary>
    /// <exception cref="System.DivideByZeroException">A negative power of zero.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Pow(decimal value, int exponent) => PolicyMath.Pow(value, exponent);

    /// <summary>A base raised to an exponent computed at run time (a dimensionless base only).</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The exponent is not whole or exceeds 1000 in magnitude.</exception>
    /// <exception cref="System.DivideByZeroException">A negative power of zero.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Pow(decimal value, decimal exponent) => PolicyMath.Pow(value, exponent);

    /// <summary>Rounds to digits computed at run time (a <c>count</c>), checked to be whole and from 0 to 28.</summary>
    /// <exception cref="System.ArgumentOutOfRangeException">The digits are not whole or outside 0–28.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Round(decimal value, decimal digits, RoundingMode mode) => Round(value, PolicyMath.RoundingDigits(digits), mode);

    /// <summary>Rounds to <paramref name="digits"/> decimal places with a venue rounding mode, as <see cref="PolicyMath.Round(decimal, int, RoundingMode)"/> does.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Round(decimal value, int digits, RoundingMode mode)
    {
        if (mode == RoundingMode.HalfUp || mode == RoundingMode.HalfEven) return PolicyMath.Round(value, digits, mode);

        // The directed modes repeat PolicyMath.Round step by step, reading the scale through decimal.Scale:
        // the language assembly targets netstandard2.0 and reads it with decimal.GetBits, which allocates an array.
        if (value.Scale <= digits) return value;
        var factor = 1m;
        for (var i = 0; i < digits; i++) factor *= 10m;
        var truncated = decimal.Truncate(value * factor) / factor;
        if (mode == RoundingMode.Down || truncated == value) return truncated;
        return truncated + (value > 0 ? 1m : -1m) / factor;
    }
}
