using System;

namespace MarginRules.Cascade.Impact;

/// <summary>
/// Linear impact on the notional sold: Δp/p = −λ·q with q = RoundQuantity × CurrentPrice, so p' = p·(1 − λ·q).
/// λ is a relative move per unit of quote currency (5·10⁻⁴ moves the price −0.45% when 9 of notional is sold).
/// </summary>
/// <param name="Lambda">The relative price move per unit of notional sold; zero or positive.</param>
public sealed record LinearImpact(decimal Lambda) : PriceImpact
{
    /// <summary>The relative price move per unit of notional sold.</summary>
    public decimal Lambda { get; } = Lambda >= 0m
        ? Lambda
        : throw new ArgumentException($"linear impact λ must be zero or positive, not {Lambda}", nameof(Lambda));

    /// <summary>Moves this round's mark by −λ times the notional sold at it.</summary>
    public override decimal NextPrice(ImpactState state)
    {
        RequirePositive(state.CurrentPrice, nameof(state.CurrentPrice));
        var notional = state.RoundQuantity * state.CurrentPrice;
        return Rescale(state.CurrentPrice, 1m - Lambda * notional);
    }
}
