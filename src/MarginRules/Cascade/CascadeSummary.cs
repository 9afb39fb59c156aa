using System.Collections.Generic;

namespace MarginRules.Cascade;

/// <summary>The outcome of a cascade run in a few numbers.</summary>
public sealed record CascadeSummary
{
    /// <summary>The exogenous move per asset: the shock path compounded (−0.2 = −20%).</summary>
    public required IReadOnlyDictionary<string, decimal> InitialShock { get; init; }

    /// <summary>The final move per asset from the starting price, shock and spiral together.</summary>
    public required IReadOnlyDictionary<string, decimal> FinalMove { get; init; }

    /// <summary>Final move divided by the initial shock, per shocked asset: 1 means no spiral.</summary>
    public required IReadOnlyDictionary<string, decimal> Amplification { get; init; }

    /// <summary>All notional closed and collateral seized, in the quote currency.</summary>
    public required decimal TotalLiquidated { get; init; }

    /// <summary>Accounts liquidated at least once.</summary>
    public required int AccountsLiquidated { get; init; }

    /// <summary>Accounts liquidated at least once, per venue; they add up to <see cref="AccountsLiquidated"/>.</summary>
    public IReadOnlyDictionary<string, int> AccountsLiquidatedByVenue { get; init; } = new Dictionary<string, int>();

    /// <summary>All deficits of bankrupt accounts.</summary>
    public required decimal BadDebt { get; init; }

    /// <summary>The penalties charged over the run by recipient (<c>liquidator</c>, <c>insurance</c>, <c>protocol</c>).</summary>
    public IReadOnlyDictionary<string, decimal> Penalties { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The deficits per venue.</summary>
    public IReadOnlyDictionary<string, decimal> BadDebtByVenue { get; init; } = new Dictionary<string, decimal>();

    /// <summary>What the insurance funds paid in all.</summary>
    public required decimal InsuranceDrawn { get; init; }

    /// <summary>Positions auto-deleveraged in all.</summary>
    public required int AdlEvents { get; init; }

    /// <summary>Deficit spread over other accounts or lenders in all.</summary>
    public required decimal SocializedLoss { get; init; }

    /// <summary>Margin calls issued in all.</summary>
    public required int MarginCalls { get; init; }

    /// <summary>Rounds run.</summary>
    public required int Rounds { get; init; }

    /// <summary>Why the run ended.</summary>
    public required CascadeStopReason StopReason { get; init; }
}
