using System;

namespace MarginRules.Cascade.Impact;

/// <summary>
/// A price-impact model: how forced selling moves an asset's mark. The cascade engine calls
/// <see cref="NextPrice"/> once per asset per round, after all of the round's sales are known; the sales executed at
/// the round's mark and the returned price is the next round's mark.
/// </summary>
public abstract record PriceImpact
{
    /// <summary>
    /// The lowest price any model returns (10⁻¹⁸). A price path may approach zero but never reach it, so ratios and
    /// logarithms of prices stay defined; at this size a decimal still carries ten significant digits.
    /// </summary>
    public const decimal MinimumPrice = 0.000000000000000001m;

    /// <summary>The next round's mark price for one asset, never below <see cref="MinimumPrice"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A price the model reads from <paramref name="state"/> is not positive.</exception>
    public abstract decimal NextPrice(ImpactState state);

    /// <summary>Scales a positive price by a factor, flooring the result at <see cref="MinimumPrice"/>.</summary>
    /// <remarks>A factor at or below zero means the model asked for a fall of 100% or more; the floor stands in for it.</remarks>
    protected static decimal Rescale(decimal price, decimal factor) =>
        factor <= 0m ? MinimumPrice : Floor(price * factor);

    /// <summary>Raises a price to <see cref="MinimumPrice"/> when it is below it.</summary>
    protected static decimal Floor(decimal price) => price < MinimumPrice ? MinimumPrice : price;

    /// <summary>Throws unless a price read from the state is positive.</summary>
    protected static void RequirePositive(decimal price, string name)
    {
        if (price <= 0m)
        {
            throw new ArgumentOutOfRangeException("state", price, $"{name} must be positive to compute price impact");
        }
    }
}
