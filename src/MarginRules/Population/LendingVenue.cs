using System.Collections.Immutable;
using MarginRules.Accounts;

namespace MarginRules.Population;

/// <summary>
/// A lending protocol: each account supplies one or more <paramref name="Collateral"/> assets and borrows one of
/// <paramref name="DebtAssets"/>, sized so that its health factor, Σ value × liquidation threshold ÷ debt, is drawn from a
/// distribution concentrated between 1.05 and 3.
/// </summary>
/// <param name="Market">The prices of the collateral and debt assets.</param>
/// <param name="Collateral">The collateral assets with their liquidation thresholds.</param>
/// <param name="DebtAssets">The stable coins accounts borrow, picked with equal probability.</param>
public sealed record LendingVenue(Market Market, ImmutableArray<CollateralAsset> Collateral, ImmutableArray<string> DebtAssets) : VenueProfile(Market)
{
    /// <summary>The most collateral assets an account holds; each account holds from one to this many, equally likely.</summary>
    public int MaxCollateralAssets { get; init; } = 3;

    /// <summary>The median collateral value, in the quote currency.</summary>
    public decimal MedianCollateralValue { get; init; } = 10_000m;

    /// <summary>The standard deviation of the logarithm of the collateral value.</summary>
    public decimal CollateralValueSpread { get; init; } = 1.6m;

    /// <summary>The smallest collateral value generated.</summary>
    public decimal MinimumCollateralValue { get; init; } = 100m;

    /// <summary>The largest collateral value generated.</summary>
    public decimal MaximumCollateralValue { get; init; } = 100_000_000m;

    /// <summary>The median target health factor.</summary>
    public decimal MedianHealthFactor { get; init; } = 1.6m;

    /// <summary>The spread of the target health factor: the standard deviation of its logit between the bounds.</summary>
    public decimal HealthFactorSpread { get; init; } = 1.0m;

    /// <summary>The lowest target health factor; must be above 1 so that no account starts liquidatable.</summary>
    public decimal MinimumHealthFactor { get; init; } = 1.05m;

    /// <summary>The highest target health factor.</summary>
    public decimal MaximumHealthFactor { get; init; } = 3m;

    /// <summary>Decimal places of collateral quantities.</summary>
    public int QuantityDecimals { get; init; } = 3;

    /// <summary>Decimal places of debt quantities; debts are rounded down so the health factor only rises.</summary>
    public int DebtDecimals { get; init; } = 2;

    /// <inheritdoc />
    internal override AccountSampler CreateSampler() => new LendingSampler(this);
}
