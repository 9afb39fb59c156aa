using MarginRules.Cascade.Impact;

namespace MarginRules.Cascade;

/// <summary>An asset of the shared market: its starting price, volatility and open interest, and how forced selling moves its price.</summary>
/// <param name="Symbol">The asset symbol, as accounts and policies name it.</param>
/// <param name="Price">The price before the shock.</param>
/// <param name="Impact">The price-impact model applied to each round's net sales.</param>
/// <param name="Volatility">The volatility estimate policies read with <c>volatility(…)</c>.</param>
/// <param name="OpenInterest">The open interest in base units policies read with <c>open_interest(…)</c>, fixed for the run; null when not given.</param>
public sealed record AssetSetup(string Symbol, decimal Price, PriceImpact Impact, decimal Volatility = 0m, decimal? OpenInterest = null);
