using System.Collections.Immutable;

namespace MarginRules.Accounts;

/// <summary>One margin account: its cash, open positions, collateral holdings, debts and tags.</summary>
/// <param name="Id">A unique account identifier.</param>
/// <param name="Wallet">The wallet (cash) balance in the policy's quote currency; negative for a cash loan.</param>
/// <param name="Positions">Open derivative positions.</param>
/// <param name="Holdings">Collateral holdings.</param>
/// <param name="Debts">Borrowed assets.</param>
/// <param name="Tags">Free-form tags a policy can test with <c>tagged("…")</c> or key a table by.</param>
public sealed record Account(
    string Id,
    decimal Wallet,
    ImmutableArray<Position> Positions,
    ImmutableArray<Holding> Holdings,
    ImmutableArray<Debt> Debts,
    ImmutableArray<string> Tags)
{
    /// <summary>Rounds the account's margin call has been outstanding; 0 when there is none. Policies read it as <c>account.call_rounds</c>.</summary>
    public int CallRounds { get; init; }

    /// <summary>
    /// Rounds since a cascade last liquidated the account (1 in the round after), 0 if it never did. The engine keeps
    /// it; policies read it as <c>account.rounds_since_liquidation</c>, to model a cooldown after a partial liquidation.
    /// </summary>
    public int RoundsSinceLiquidation { get; init; }

    /// <summary>Creates an account with only a wallet balance; add the rest with <c>with</c> expressions.</summary>
    public Account(string id, decimal wallet)
        : this(id, wallet, ImmutableArray<Position>.Empty, ImmutableArray<Holding>.Empty, ImmutableArray<Debt>.Empty, ImmutableArray<string>.Empty)
    {
    }
}
