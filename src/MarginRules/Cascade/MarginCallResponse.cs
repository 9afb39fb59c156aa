namespace MarginRules.Cascade;

/// <summary>
/// How account holders answer margin calls. Each call is answered once, when it is issued: with probability
/// <see cref="TopUpProbability"/> the holder deposits <see cref="TopUpFraction"/> of the amount called from the
/// off-venue reserve (as much as the reserve allows). The draw depends only on the seed, the venue, the account and
/// the round, so results do not depend on scheduling.
/// </summary>
/// <param name="TopUpProbability">The share of called accounts that top up, from 0 to 1.</param>
/// <param name="TopUpFraction">The share of the amount called that they deposit; 1 meets the call exactly.</param>
/// <param name="Seed">The seed of the deterministic draws.</param>
public sealed record MarginCallResponse(decimal TopUpProbability, decimal TopUpFraction, ulong Seed)
{
    /// <summary>Nobody tops up.</summary>
    public static MarginCallResponse None { get; } = new(0m, 0m, 0);
}
