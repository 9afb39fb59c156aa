using System;
using MarginRules.Language.Runtime;

namespace MarginRules.Cascade.Impact;

/// <summary>
/// Exponential inverse demand: p = p_ref·exp(−α·Q/Scale), Q the cumulative net units sold. With Scale = 1 this is
/// Cifuentes, Ferrucci &amp; Shin (2005); with Scale = the units outstanding, Q/Scale is the fraction sold of
/// Caccioli, Shrestha, Moore &amp; Farmer (2014), whose α = 1.0536 makes a 10% sale move the price −10%.
/// </summary>
/// <param name="Alpha">The impact coefficient per unit of Q/Scale; zero or positive.</param>
/// <param name="Scale">The quantity that Q is divided by (1, or the units outstanding); positive.</param>
public sealed record ExponentialImpact(decimal Alpha, decimal Scale) : PriceImpact
{
    /// <summary>The impact coefficient per unit of Q/Scale.</summary>
    public decimal Alpha { get; } = Alpha >= 0m
        ? Alpha
        : throw new ArgumentException($"exponential impact α must be zero or positive, not {Alpha}", nameof(Alpha));

    /// <summary>The quantity the cumulative units sold are divided by.</summary>
    public decimal Scale { get; } = Scale > 0m
        ? Scale
        : throw new ArgumentException($"exponential impact scale must be positive, not {Scale}", nameof(Scale));

    /// <summary>The reference price discounted by the cumulative units sold.</summary>
    /// <exception cref="OverflowException">A net purchase so large that the price leaves the decimal range.</exception>
    public override decimal NextPrice(ImpactState state)
    {
        RequirePositive(state.ReferencePrice, nameof(state.ReferencePrice));
        var exponent = -Alpha * state.CumulativeQuantity / Scale;
        return Floor(state.ReferencePrice * PolicyMath.Exp(exponent));
    }
}
