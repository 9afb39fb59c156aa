using System.Collections.Generic;
using System.Collections.Immutable;
using MarginRules.Accounts;

namespace MarginRules.Population;

/// <summary>A generated population: the accounts, the market they were built at, and each account's off-venue reserve.</summary>
/// <param name="Accounts">The accounts, numbered in order.</param>
/// <param name="Market">The venue's market, at which no account is liquidatable.</param>
/// <param name="Reserves">Each account's reserve outside the venue, by account id, in the quote currency: what it can post to meet a margin call.</param>
public sealed record SyntheticPopulation(ImmutableArray<Account> Accounts, Market Market, IReadOnlyDictionary<string, decimal> Reserves);
