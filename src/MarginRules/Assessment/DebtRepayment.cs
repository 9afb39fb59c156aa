namespace MarginRules.Assessment;

/// <summary>A debt repaid by a collateral liquidation.</summary>
/// <param name="ItemIndex">The index of the debt in the account.</param>
/// <param name="Asset">The debt's asset.</param>
/// <param name="Quantity">The quantity repaid.</param>
/// <param name="Value">The value repaid in the quote currency.</param>
public sealed record DebtRepayment(int ItemIndex, string Asset, decimal Quantity, decimal Value);
