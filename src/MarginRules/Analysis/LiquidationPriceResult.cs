using System.Collections.Generic;
using MarginRules.Assessment;

namespace MarginRules.Analysis;

/// <summary>The prices of one asset at which an account first reaches a status, searched both ways from the current price.</summary>
public sealed record LiquidationPriceResult
{
    /// <summary>The asset whose price moves.</summary>
    public required string Asset { get; init; }

    /// <summary>The asset's price in the market given.</summary>
    public required decimal CurrentPrice { get; init; }

    /// <summary>The status sought.</summary>
    public required MarginStatus Threshold { get; init; }

    /// <summary>The account's status at the current price.</summary>
    public required MarginStatus CurrentStatus { get; init; }

    /// <summary>The asset and every instrument that moves with it, asset first, then instruments in ordinal order.</summary>
    public required IReadOnlyList<string> MovingSymbols { get; init; }

    /// <summary>The tick the reported prices are rounded to.</summary>
    public required decimal Tick { get; init; }

    /// <summary>The lowest price the falling search tried.</summary>
    public required decimal LowestPriceSearched { get; init; }

    /// <summary>The highest price the rising search tried.</summary>
    public required decimal HighestPriceSearched { get; init; }

    /// <summary>The boundary below the current price, or null when no falling price down to <see cref="LowestPriceSearched"/> reaches the status.</summary>
    public LiquidationBoundary? Falling { get; init; }

    /// <summary>The boundary above the current price, or null when no rising price up to <see cref="HighestPriceSearched"/> reaches the status.</summary>
    public LiquidationBoundary? Rising { get; init; }

    /// <summary>True when the account has the status already at the current price; then neither direction is searched.</summary>
    public bool AlreadyReached => CurrentStatus >= Threshold;
}
