using System.Collections.Generic;
using MarginRules.Assessment;

namespace MarginRules.Analysis;

/// <summary>Where, moving the price one way, an account first reaches the sought status.</summary>
/// <param name="Direction">The way the price moves from the current price.</param>
/// <param name="Price">
/// The last price, on the tick, at which the status is not yet reached: for a falling price the smallest such tick
/// (one tick lower reaches it), for a rising price the largest (one tick higher reaches it).
/// </param>
/// <param name="Boundary">The boundary found by bisection, within a relative 1e-12 of the exact value, before rounding to the tick.</param>
/// <param name="StatusBeyond">The status just past the boundary.</param>
/// <param name="Prices">The price of every moving symbol at <paramref name="Price"/>.</param>
public sealed record LiquidationBoundary(
    PriceDirection Direction,
    decimal Price,
    decimal Boundary,
    MarginStatus StatusBeyond,
    IReadOnlyDictionary<string, decimal> Prices);
