namespace MarginRules.Accounts;

/// <summary>A collateral holding, valued at the market price of its asset.</summary>
/// <param name="Asset">The asset symbol, which the market must list.</param>
/// <param name="Quantity">The quantity held; never negative.</param>
public sealed record Holding(string Asset, decimal Quantity);
