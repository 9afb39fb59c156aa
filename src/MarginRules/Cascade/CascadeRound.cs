using System.Collections.Generic;

namespace MarginRules.Cascade;

/// <summary>What happened in one round of a cascade.</summary>
public sealed record CascadeRound
{
    /// <summary>The round number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>The mark prices the round evaluated and traded at, by asset.</summary>
    public required IReadOnlyDictionary<string, decimal> Prices { get; init; }

    /// <summary>Margin calls issued this round.</summary>
    public required int MarginCalls { get; init; }

    /// <summary>Calls answered with a deposit this round.</summary>
    public required int TopUps { get; init; }

    /// <summary>The total deposited this round.</summary>
    public required decimal TopUpAmount { get; init; }

    /// <summary>Accounts liquidated this round (one liquidation step each).</summary>
    public required int Liquidations { get; init; }

    /// <summary>
    /// The penalties charged this round by recipient (<c>liquidator</c>, <c>insurance</c>, <c>protocol</c>): the
    /// liquidators' bonus, what the funds and the protocols were paid.
    /// </summary>
    public IReadOnlyDictionary<string, decimal> Penalties { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The liquidations per venue; they add up to <see cref="Liquidations"/>.</summary>
    public IReadOnlyDictionary<string, int> LiquidationsByVenue { get; init; } = new Dictionary<string, int>();

    /// <summary>Notional closed or collateral value seized this round, by asset.</summary>
    public required IReadOnlyDictionary<string, decimal> LiquidatedNotional { get; init; }

    /// <summary>Net units sold into the market this round, by asset (negative: bought).</summary>
    public required IReadOnlyDictionary<string, decimal> NetSales { get; init; }

    /// <summary>Deficits of bankrupt accounts this round, before the insurance fund.</summary>
    public required decimal BadDebt { get; init; }

    /// <summary>The deficits per venue this round.</summary>
    public IReadOnlyDictionary<string, decimal> BadDebtByVenue { get; init; } = new Dictionary<string, decimal>();

    /// <summary>What the insurance funds paid this round.</summary>
    public required decimal InsuranceDrawn { get; init; }

    /// <summary>Each venue's insurance fund after the round.</summary>
    public required IReadOnlyDictionary<string, decimal> InsuranceFunds { get; init; }

    /// <summary>Positions auto-deleveraged this round.</summary>
    public required int AdlEvents { get; init; }

    /// <summary>Deficit covered by auto-deleveraging this round.</summary>
    public required decimal AdlAmount { get; init; }

    /// <summary>Deficit spread over other accounts or lenders this round.</summary>
    public required decimal SocializedLoss { get; init; }

    /// <summary>Accounts evaluated this round (the others had nothing that moved, or hold a health certificate).</summary>
    public required int AccountsEvaluated { get; init; }

    /// <summary>
    /// Accounts that something moved for but that were not evaluated, because a certificate proved them healthy for
    /// every price and wallet still inside its band (see <see cref="CascadeOptions.CertificateBand"/>).
    /// </summary>
    public int AccountsCertified { get; init; }
}
