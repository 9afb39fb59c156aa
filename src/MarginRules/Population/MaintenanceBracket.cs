using System.Collections.Immutable;

namespace MarginRules.Population;

/// <summary>One tier of a tiered maintenance-margin table: from <paramref name="Floor"/> notional up, maintenance is notional × rate − amount.</summary>
/// <param name="Floor">The smallest notional in the tier, in the quote currency.</param>
/// <param name="Rate">The maintenance margin rate as a ratio (0.004 means 0.4%).</param>
/// <param name="Amount">The maintenance amount subtracted so that maintenance is continuous across tiers.</param>
public readonly record struct MaintenanceBracket(decimal Floor, decimal Rate, decimal Amount)
{
    /// <summary>The ten Binance USDⓈ-M BTCUSDT tiers of 2021, the table in <c>examples/policies/binance-btcusdt.margin</c>.</summary>
    public static ImmutableArray<MaintenanceBracket> BinanceBtcUsdt2021 { get; } =
    [
        new(0m, 0.004m, 0m),
        new(50_000m, 0.005m, 50m),
        new(250_000m, 0.01m, 1_300m),
        new(1_000_000m, 0.025m, 16_300m),
        new(10_000_000m, 0.05m, 266_300m),
        new(20_000_000m, 0.10m, 1_266_300m),
        new(50_000_000m, 0.125m, 2_516_300m),
        new(100_000_000m, 0.15m, 5_016_300m),
        new(200_000_000m, 0.25m, 25_016_300m),
        new(300_000_000m, 0.50m, 100_016_300m),
    ];
}
