namespace MarginRules.Population;

/// <summary>An asset lending-venue accounts supply as collateral.</summary>
/// <param name="Asset">The asset symbol, which the market must list.</param>
/// <param name="LiquidationThreshold">The share of the asset's value that counts towards the health factor (0.86 for 86%).</param>
/// <param name="Weight">How often accounts pick the asset relative to the others.</param>
public sealed record CollateralAsset(string Asset, decimal LiquidationThreshold, decimal Weight = 1m);
