namespace MarginRules.Accounts;

/// <summary>A borrowed asset, valued at the market price of its asset.</summary>
/// <param name="Asset">The asset symbol, which the market must list.</param>
/// <param name="Quantity">The quantity owed; never negative.</param>
public sealed record Debt(string Asset, decimal Quantity);
