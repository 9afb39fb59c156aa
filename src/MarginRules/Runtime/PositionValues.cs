using System;
using System.Runtime.CompilerServices;

namespace MarginRules.Runtime;

/// <summary>The derived members of a position, computed as the reference evaluator computes them.</summary>
internal static class PositionValues
{
    /// <summary>The side from the size: 1 long, 0 flat, -1 short, as <c>(decimal)Math.Sign(size)</c>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Side(decimal size) => Math.Sign(size);

    /// <summary>The notional: |size| × mark.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Notional(decimal size, decimal mark) => Math.Abs(size) * mark;

    /// <summary>The unrealised PnL: size × (mark − entry).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static decimal Upnl(decimal size, decimal mark, decimal entry) => size * (mark - entry);
}
