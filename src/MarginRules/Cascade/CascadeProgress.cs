namespace MarginRules.Cascade;

/// <summary>Progress of a running cascade, reported once per round.</summary>
/// <param name="Round">The round just finished.</param>
/// <param name="MaxRounds">The round limit.</param>
/// <param name="AccountsLiquidated">Accounts liquidated so far.</param>
public sealed record CascadeProgress(int Round, int MaxRounds, int AccountsLiquidated);
