using System;
using MarginRules.Language.Runtime;

namespace MarginRules.Cascade.Impact;

/// <summary>
/// The square-root law of market impact (Tóth et al. 2011; Bouchaud, Bonart, Donier &amp; Gould, <i>Trades, Quotes and
/// Prices</i>, 2018): Δp/p = −sign(q)·Y·σ·√(|q|/V), with q the units sold this round and V the daily volume in units.
/// </summary>
/// <param name="Y">The dimensionless prefactor, empirically of order 1; zero or positive.</param>
/// <param name="Sigma">The asset's daily volatility as a ratio (0.02 is 2%); zero or positive.</param>
/// <param name="DailyVolume">The average daily volume in units of the asset; positive.</param>
public sealed record SquareRootImpact(decimal Y, decimal Sigma, decimal DailyVolume) : PriceImpact
{
    /// <summary>The dimensionless prefactor.</summary>
    public decimal Y { get; } = Y >= 0m
        ? Y
        : throw new ArgumentException($"square-root impact Y must be zero or positive, not {Y}", nameof(Y));

    /// <summary>The daily volatility as a ratio.</summary>
    public decimal Sigma { get; } = Sigma >= 0m
        ? Sigma
        : throw new ArgumentException($"square-root impact σ must be zero or positive, not {Sigma}", nameof(Sigma));

    /// <summary>The average daily volume in units of the asset.</summary>
    public decimal DailyVolume { get; } = DailyVolume > 0m
        ? DailyVolume
        : throw new ArgumentException($"square-root impact daily volume must be positive, not {DailyVolume}", nameof(DailyVolume));

    /// <summary>Moves this round's mark by the square-root law applied to this round's net units.</summary>
    public override decimal NextPrice(ImpactState state)
    {
        RequirePositive(state.CurrentPrice, nameof(state.CurrentPrice));
        var q = state.RoundQuantity;
        if (q == 0m) return Floor(state.CurrentPrice);
        var move = Y * Sigma * PolicyMath.Sqrt(Math.Abs(q) / DailyVolume);
        return Rescale(state.CurrentPrice, q > 0m ? 1m - move : 1m + move);
    }
}
