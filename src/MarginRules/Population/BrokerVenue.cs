using System.Collections.Immutable;
using MarginRules.Accounts;

namespace MarginRules.Population;

/// <summary>
/// A stock broker's margin accounts: long holdings of some of <paramref name="Stocks"/> financed by a loan, sized so that the
/// equity ratio, (long value − loan) ÷ long value, is drawn between <see cref="MinimumEquityRatio"/> and <see cref="MaximumEquityRatio"/>.
/// </summary>
/// <param name="Market">The stock prices and the price of the loan asset.</param>
/// <param name="Stocks">The stocks accounts hold.</param>
public sealed record BrokerVenue(Market Market, ImmutableArray<string> Stocks) : VenueProfile(Market)
{
    /// <summary>The asset the loan is owed in; the market must list it (usually <c>USD</c> at 1).</summary>
    public string LoanAsset { get; init; } = "USD";

    /// <summary>The most stocks an account holds; each account holds from one to this many, equally likely.</summary>
    public int MaxHoldings { get; init; } = 5;

    /// <summary>The median long market value, in the quote currency.</summary>
    public decimal MedianLongValue { get; init; } = 25_000m;

    /// <summary>The standard deviation of the logarithm of the long market value.</summary>
    public decimal LongValueSpread { get; init; } = 1.4m;

    /// <summary>The smallest long market value generated.</summary>
    public decimal MinimumLongValue { get; init; } = 1_000m;

    /// <summary>The largest long market value generated.</summary>
    public decimal MaximumLongValue { get; init; } = 100_000_000m;

    /// <summary>The median equity ratio; Reg T's 50% initial margin leaves new purchases at 50%.</summary>
    public decimal MedianEquityRatio { get; init; } = 0.55m;

    /// <summary>The spread of the equity ratio: the standard deviation of its logit between the bounds.</summary>
    public decimal EquityRatioSpread { get; init; } = 1.0m;

    /// <summary>The lowest equity ratio; keep it above the maintenance rate (FINRA 4210: 25%) so that no account starts with a call.</summary>
    public decimal MinimumEquityRatio { get; init; } = 0.30m;

    /// <summary>The highest equity ratio; below 1 every account has a loan.</summary>
    public decimal MaximumEquityRatio { get; init; } = 0.95m;

    /// <summary>Decimal places of share quantities; 0 for whole shares.</summary>
    public int QuantityDecimals { get; init; } = 0;

    /// <summary>Decimal places of the loan; loans are rounded down so the equity ratio only rises.</summary>
    public int LoanDecimals { get; init; } = 2;

    /// <inheritdoc />
    internal override AccountSampler CreateSampler() => new BrokerSampler(this);
}
