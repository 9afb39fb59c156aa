using System.Collections.Generic;
using MarginRules.Accounts;

namespace MarginRules.Cascade;

/// <summary>The full record of a cascade run: every round, the summary, and the final state of each venue.</summary>
/// <param name="Rounds">Every round in order.</param>
/// <param name="Summary">The summary.</param>
/// <param name="FinalAccounts">Each venue's accounts after the run, by venue name.</param>
/// <param name="FinalPrices">The prices after the last round's impact, by asset.</param>
public sealed record CascadeResult(
    IReadOnlyList<CascadeRound> Rounds,
    CascadeSummary Summary,
    IReadOnlyDictionary<string, IReadOnlyList<Account>> FinalAccounts,
    IReadOnlyDictionary<string, decimal> FinalPrices);
