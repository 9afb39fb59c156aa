using System.Collections.Immutable;
using MarginRules.Accounts;

namespace MarginRules.Population;

/// <summary>
/// A perpetual-futures exchange with cross margin: each account holds positions on some of <paramref name="Instruments"/>, with a
/// leverage mixture (most accounts at 2–10×, a tail at 20–100×), a share of shorts, entry prices around the mark and a
/// heavy-tailed margin balance. Every account starts above maintenance under <see cref="Brackets"/>.
/// </summary>
/// <param name="Market">The mark prices of the instruments.</param>
/// <param name="Instruments">The instruments positions are opened on, in the order an account lists them.</param>
public sealed record PerpetualVenue(Market Market, ImmutableArray<string> Instruments) : VenueProfile(Market)
{
    /// <summary>Positions per account, each on a different instrument; capped at the number of instruments.</summary>
    public int PositionsPerAccount { get; init; } = 3;

    /// <summary>The median leverage of the main body of accounts (total notional at mark over margin balance).</summary>
    public decimal MedianLeverage { get; init; } = 5m;

    /// <summary>The standard deviation of the logarithm of the body's leverage; 0.45 puts 95% of the body between 2× and 12×.</summary>
    public decimal LeverageSpread { get; init; } = 0.45m;

    /// <summary>The share of accounts in the high-leverage tail.</summary>
    public decimal TailShare { get; init; } = 0.08m;

    /// <summary>The lowest tail leverage, which is also the cap of the body.</summary>
    public decimal TailMinimumLeverage { get; init; } = 20m;

    /// <summary>The highest tail leverage; tail leverage is log-uniform between the two.</summary>
    public decimal TailMaximumLeverage { get; init; } = 100m;

    /// <summary>The probability that a position is short.</summary>
    public decimal ShortShare { get; init; } = 0.45m;

    /// <summary>The standard deviation of ln(entry price / mark).</summary>
    public decimal EntryPriceSpread { get; init; } = 0.03m;

    /// <summary>The median margin balance (wallet plus unrealised PnL), in the quote currency.</summary>
    public decimal MedianMarginBalance { get; init; } = 2_000m;

    /// <summary>The standard deviation of the logarithm of the margin balance; 1.5 puts the top 1% above 33 times the median.</summary>
    public decimal MarginBalanceSpread { get; init; } = 1.5m;

    /// <summary>The smallest margin balance generated.</summary>
    public decimal MinimumMarginBalance { get; init; } = 100m;

    /// <summary>The largest margin balance generated.</summary>
    public decimal MaximumMarginBalance { get; init; } = 50_000_000m;

    /// <summary>The tiered maintenance table positions are checked against; the example policy applies the BTCUSDT table to every position.</summary>
    public ImmutableArray<MaintenanceBracket> Brackets { get; init; } = MaintenanceBracket.BinanceBtcUsdt2021;

    /// <summary>How far above maintenance every account starts: margin balance ≥ maintenance × (1 + buffer); leverage is cut to fit.</summary>
    public decimal MaintenanceBuffer { get; init; } = 0.10m;

    /// <summary>Decimal places of position sizes (the lot size is one unit in the last place).</summary>
    public int SizeDecimals { get; init; } = 3;

    /// <summary>Decimal places of entry prices.</summary>
    public int PriceDecimals { get; init; } = 2;

    /// <inheritdoc />
    internal override AccountSampler CreateSampler() => new PerpetualSampler(this);
}
