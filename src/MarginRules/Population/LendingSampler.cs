using System;
using System.Collections.Immutable;
using System.Linq;
using System.Numerics;
using System.Runtime.InteropServices;
using MarginRules.Accounts;

namespace MarginRules.Population;

/// <summary>Draws lending accounts for a <see cref="LendingVenue"/>: collateral holdings and one stable-coin debt at a target health factor.</summary>
internal sealed class LendingSampler : AccountSampler
{
    // The chosen collateral assets are kept as bits of one ulong.
    private const int MaxAssets = 64;

    private readonly LendingVenue _venue;
    private readonly string[] _assets;
    private readonly decimal[] _prices;
    private readonly decimal[] _thresholds;
    private readonly double[] _weights;
    private readonly string[] _debtAssets;
    private readonly decimal[] _debtPrices;
    private readonly decimal _lot;

    /// <summary>Checks the venue and caches its prices and thresholds.</summary>
    public LendingSampler(LendingVenue venue)
    {
        _venue = venue;
        Require(!venue.Collateral.IsDefaultOrEmpty, "the venue needs at least one collateral asset");
        Require(venue.Collateral.Length <= MaxAssets, $"the venue may have at most {MaxAssets} collateral assets, found {venue.Collateral.Length}");
        var collateral = venue.Collateral;
        foreach (var c in collateral)
        {
            Require(c is not null, "a collateral asset is null");
            Require(c!.LiquidationThreshold > 0m && c.LiquidationThreshold <= 1m, $"the liquidation threshold of \"{c.Asset}\" must be above 0 and at most 1, found {c.LiquidationThreshold}");
            Require(c.Weight > 0m, $"the weight of \"{c.Asset}\" must be positive, found {c.Weight}");
        }

        (_assets, _prices) = Listed(venue.Market, [.. collateral.Select(c => c.Asset)], "collateral asset");
        _thresholds = [.. collateral.Select(c => c.LiquidationThreshold)];
        _weights = [.. collateral.Select(c => (double)c.Weight)];
        (_debtAssets, _debtPrices) = Listed(venue.Market, venue.DebtAssets, "debt asset");
        Require(venue.MaxCollateralAssets >= 1, $"MaxCollateralAssets must be at least 1, found {venue.MaxCollateralAssets}");
        RequireDistribution("collateral value", venue.MinimumCollateralValue, venue.MedianCollateralValue, venue.MaximumCollateralValue, venue.CollateralValueSpread, strict: false);
        RequireDistribution("health factor", venue.MinimumHealthFactor, venue.MedianHealthFactor, venue.MaximumHealthFactor, venue.HealthFactorSpread, strict: true);
        Require(venue.MinimumHealthFactor >= 1m, $"MinimumHealthFactor must be at least 1, or accounts would start liquidatable; found {venue.MinimumHealthFactor}");
        RequireDecimals("QuantityDecimals", venue.QuantityDecimals);
        RequireDecimals("DebtDecimals", venue.DebtDecimals);
        _lot = Lot(venue.QuantityDecimals);
    }

    /// <inheritdoc />
    public override Account Create(string id, ref PopulationRandom random, out decimal equity)
    {
        var venue = _venue;
        var value = Math.Clamp(
            random.NextLogNormal((double)venue.MedianCollateralValue, (double)venue.CollateralValueSpread),
            (double)venue.MinimumCollateralValue,
            (double)venue.MaximumCollateralValue);
        var count = 1 + random.NextIndex(Math.Min(venue.MaxCollateralAssets, _assets.Length));
        var chosen = ChooseWeighted(ref random, count);
        Span<double> shares = stackalloc double[count];
        Split(ref random, shares);

        var holdings = new Holding[count];
        var collateral = 0m;
        var weighted = 0m;
        var j = 0;
        for (var bits = chosen; bits != 0; bits &= bits - 1, j++)
        {
            var asset = BitOperations.TrailingZeroCount(bits);
            var quantity = Math.Max(_lot, FixedPoint.Floor(value * shares[j] / (double)_prices[asset], venue.QuantityDecimals));
            holdings[j] = new Holding(_assets[asset], quantity);
            collateral += quantity * _prices[asset];
            weighted += quantity * _prices[asset] * _thresholds[asset];
        }

        // Rounding the debt down can only raise the health factor above the target.
        var target = FixedPoint.Round(
            random.NextBounded((double)venue.MinimumHealthFactor, (double)venue.MaximumHealthFactor, (double)venue.MedianHealthFactor, (double)venue.HealthFactorSpread),
            4);
        var debtIndex = random.NextIndex(_debtAssets.Length);
        var debtQuantity = FixedPoint.Floor(weighted / (target * _debtPrices[debtIndex]), venue.DebtDecimals);
        equity = collateral - debtQuantity * _debtPrices[debtIndex];
        return new Account(
            id,
            0m,
            ImmutableArray<Position>.Empty,
            ImmutableCollectionsMarshal.AsImmutableArray(holdings),
            [new Debt(_debtAssets[debtIndex], debtQuantity)],
            ImmutableArray<string>.Empty);
    }

    // Draws count distinct assets, each in proportion to its weight among those not yet drawn.
    private ulong ChooseWeighted(ref PopulationRandom random, int count)
    {
        var chosen = 0UL;
        for (var n = 0; n < count; n++)
        {
            var total = 0.0;
            for (var i = 0; i < _weights.Length; i++) total += (chosen & (1UL << i)) == 0 ? _weights[i] : 0.0;
            var pick = random.NextUnit() * total;
            var last = -1;
            for (var i = 0; i < _weights.Length; i++)
            {
                if ((chosen & (1UL << i)) != 0) continue;
                last = i;
                pick -= _weights[i];
                if (pick < 0) break;
            }

            chosen |= 1UL << last;
        }

        return chosen;
    }
}
