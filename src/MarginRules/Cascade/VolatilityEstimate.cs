namespace MarginRules.Cascade;

/// <summary>
/// An EWMA volatility estimate updated from each round's price move (RiskMetrics, 1996):
/// σ²ₜ = λ·σ²ₜ₋₁ + (1 − λ)·r²ₜ·<see cref="Scale"/>, where rₜ is the round's return. Policies read it with
/// <c>volatility(asset)</c>, so margins that rise with volatility produce a margin spiral.
/// </summary>
/// <param name="Lambda">The decay, from 0 (only the last move counts) to 1 (never updates); RiskMetrics uses 0.94.</param>
/// <param name="Scale">Converts a round's squared return to the policy's horizon, e.g. rounds per year for an annual volatility.</param>
public sealed record VolatilityEstimate(decimal Lambda, decimal Scale);
