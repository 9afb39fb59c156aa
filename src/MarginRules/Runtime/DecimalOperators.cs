using System.Runtime.CompilerServices;

namespace MarginRules.Runtime;

/// <summary>
/// Decimal conversions for compiled policies. Arithmetic and comparisons call decimal's own operators: in .NET 10 each
/// is a small method over a shared core (DecCalc), so inlining them into a compiled delegate costs the JIT little and
/// saves a call per operation.
/// </summary>
internal static class DecimalOperators
{
    /// <summary>A whole count as a decimal with scale 0, as the cast <c>(decimal)count</c> makes it.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal FromCount(int count) => count;
}
