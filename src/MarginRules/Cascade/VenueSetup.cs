using System.Collections.Generic;
using MarginRules.Accounts;

namespace MarginRules.Cascade;

/// <summary>A venue: its compiled policy, its accounts, its insurance fund, and how its account holders answer calls.</summary>
/// <param name="Name">The venue's name in reports.</param>
/// <param name="Policy">The compiled policy every account of the venue is evaluated with.</param>
/// <param name="Accounts">The venue's accounts; ids must be unique within the venue.</param>
/// <param name="InsuranceFund">The insurance fund's starting balance in the quote currency.</param>
public sealed record VenueSetup(string Name, MarginPolicy Policy, IReadOnlyList<Account> Accounts, decimal InsuranceFund = 0m)
{
    /// <summary>Each account's off-venue reserve by account id, which it can deposit on a margin call; missing ids have none.</summary>
    public IReadOnlyDictionary<string, decimal>? Reserves { get; init; }

    /// <summary>How account holders answer margin calls.</summary>
    public MarginCallResponse Response { get; init; } = MarginCallResponse.None;
}
