namespace MarginRules.Accounts;

/// <summary>The market's quote for one asset or instrument.</summary>
/// <param name="Price">The mark price in the quote currency.</param>
/// <param name="Volatility">The volatility estimate as a ratio (0.8 means 80%).</param>
public readonly record struct AssetQuote(decimal Price, decimal Volatility = 0m);
