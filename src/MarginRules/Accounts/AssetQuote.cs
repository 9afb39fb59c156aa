namespace MarginRules.Accounts;

/// <summary>The market's quote for one asset or instrument.</summary>
/// <param name="Price">The mark price in the quote currency.</param>
/// <param name="Volatility">The volatility estimate as a ratio (0.8 means 80%).</param>
/// <param name="OpenInterest">The market's open interest in base units, or null when not given: reading it then fails.</param>
public readonly record struct AssetQuote(decimal Price, decimal Volatility = 0m, decimal? OpenInterest = null);
