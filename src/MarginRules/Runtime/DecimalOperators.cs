using System.Runtime.CompilerServices;

namespace MarginRules.Runtime;

/// <summary>
/// Decimal arithmetic for compiled policies. Calling decimal's operators directly from an expression tree lets the
/// JIT inline their large bodies into every compiled delegate, which costs up to milliseconds per operator each time a
/// policy is compiled; these methods are compiled once per process.
/// </summary>
internal static class DecimalOperators
{
    /// <summary>a + b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Add(decimal a, decimal b) => a + b;

    /// <summary>a − b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Subtract(decimal a, decimal b) => a - b;

    /// <summary>a × b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Multiply(decimal a, decimal b) => a * b;

    /// <summary>a ÷ b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Divide(decimal a, decimal b) => a / b;

    /// <summary>−a.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Negate(decimal a) => -a;

    /// <summary>a &lt; b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Less(decimal a, decimal b) => a < b;

    /// <summary>a ≤ b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool LessOrEqual(decimal a, decimal b) => a <= b;

    /// <summary>a &gt; b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Greater(decimal a, decimal b) => a > b;

    /// <summary>a ≥ b.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool GreaterOrEqual(decimal a, decimal b) => a >= b;

    /// <summary>a = b, by value: 1.0 equals 1.00.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static bool Equal(decimal a, decimal b) => a == b;

    /// <summary>A whole count as a decimal with scale 0, as the cast <c>(decimal)count</c> makes it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal FromCount(int count) => count;
}
