using System.Collections.Generic;
using MarginRules.Assessment;

namespace MarginRules.Analysis;

/// <summary>Options for <see cref="LiquidationPriceSolver"/>: the status to reach, the price tick and which instruments move with an asset.</summary>
public sealed record LiquidationPriceOptions
{
    /// <summary>
    /// The status whose boundary is sought: <see cref="MarginStatus.Liquidatable"/> (the default) or
    /// <see cref="MarginStatus.MarginCall"/>, which is reached by a margin call or a liquidation.
    /// </summary>
    public MarginStatus Threshold { get; init; } = MarginStatus.Liquidatable;

    /// <summary>The price increment the reported price is rounded to, the way a venue quotes it; 0.01 (a cent) by default.</summary>
    public decimal Tick { get; init; } = 0.01m;

    /// <summary>The highest price searched, as a multiple of the current price; 1,000 by default.</summary>
    public decimal MaxMultiple { get; init; } = 1_000m;

    /// <summary>
    /// Instruments mapped to their underlying asset (<c>BTCUSDT → BTC</c>). A mapped instrument moves with its asset
    /// only, whatever its symbol starts with; see <see cref="LiquidationPriceSolver.MovingSymbols"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Underlyings { get; init; }
}
