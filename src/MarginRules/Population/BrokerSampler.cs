using System;
using System.Collections.Immutable;
using System.Runtime.InteropServices;
using MarginRules.Accounts;

namespace MarginRules.Population;

/// <summary>Draws broker margin accounts for a <see cref="BrokerVenue"/>: long stock holdings financed by a loan at a target equity ratio.</summary>
internal sealed class BrokerSampler : AccountSampler
{
    private readonly BrokerVenue _venue;
    private readonly string[] _stocks;
    private readonly decimal[] _prices;
    private readonly decimal _loanPrice;
    private readonly decimal _lot;

    /// <summary>Checks the venue and caches its prices.</summary>
    public BrokerSampler(BrokerVenue venue)
    {
        _venue = venue;
        (_stocks, _prices) = Listed(venue.Market, venue.Stocks, "stock");
        _loanPrice = Price(venue.Market, venue.LoanAsset, "loan asset");
        Require(venue.MaxHoldings >= 1, $"MaxHoldings must be at least 1, found {venue.MaxHoldings}");
        RequireDistribution("long value", venue.MinimumLongValue, venue.MedianLongValue, venue.MaximumLongValue, venue.LongValueSpread, strict: false);
        RequireDistribution("equity ratio", venue.MinimumEquityRatio, venue.MedianEquityRatio, venue.MaximumEquityRatio, venue.EquityRatioSpread, strict: true);
        Require(venue.MaximumEquityRatio <= 1m, $"MaximumEquityRatio must be at most 1, found {venue.MaximumEquityRatio}");
        RequireDecimals("QuantityDecimals", venue.QuantityDecimals);
        RequireDecimals("LoanDecimals", venue.LoanDecimals);
        _lot = Lot(venue.QuantityDecimals);
    }

    /// <inheritdoc />
    public override Account Create(string id, ref PopulationRandom random, out decimal equity)
    {
        var venue = _venue;
        var value = Math.Clamp(
            random.NextLogNormal((double)venue.MedianLongValue, (double)venue.LongValueSpread),
            (double)venue.MinimumLongValue,
            (double)venue.MaximumLongValue);
        var count = 1 + random.NextIndex(Math.Min(venue.MaxHoldings, _stocks.Length));
        Span<int> chosen = stackalloc int[count];
        Choose(ref random, _stocks.Length, chosen);
        Span<double> shares = stackalloc double[count];
        Split(ref random, shares);

        var holdings = new Holding[count];
        var longValue = 0m;
        for (var j = 0; j < count; j++)
        {
            var price = _prices[chosen[j]];
            var quantity = Math.Max(_lot, FixedPoint.Floor(value * shares[j] / (double)price, venue.QuantityDecimals));
            holdings[j] = new Holding(_stocks[chosen[j]], quantity);
            longValue += quantity * price;
        }

        // Rounding the loan down can only raise the equity ratio above the target.
        var ratio = FixedPoint.Round(
            random.NextBounded((double)venue.MinimumEquityRatio, (double)venue.MaximumEquityRatio, (double)venue.MedianEquityRatio, (double)venue.EquityRatioSpread),
            4);
        var loan = FixedPoint.Floor(longValue * (1 - ratio) / _loanPrice, venue.LoanDecimals);
        equity = longValue - loan * _loanPrice;
        return new Account(
            id,
            0m,
            ImmutableArray<Position>.Empty,
            ImmutableCollectionsMarshal.AsImmutableArray(holdings),
            [new Debt(venue.LoanAsset, loan)],
            ImmutableArray<string>.Empty);
    }
}
