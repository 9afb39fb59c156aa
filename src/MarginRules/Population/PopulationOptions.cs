namespace MarginRules.Population;

/// <summary>What to generate: how many accounts of which venue, from which seed, and how their off-venue reserves are spread.</summary>
/// <param name="Venue">The venue and the distributions of its accounts.</param>
/// <param name="Accounts">The number of accounts.</param>
/// <param name="Seed">The seed; the same options give the same population on every machine and with any number of threads.</param>
public sealed record PopulationOptions(VenueProfile Venue, int Accounts, ulong Seed)
{
    /// <summary>Account ids are this prefix followed by the account's one-based number, zero-padded to the width of <see cref="Accounts"/>.</summary>
    public string IdPrefix { get; init; } = "acct-";

    /// <summary>The share of accounts with an off-venue reserve; the others have a reserve of 0.</summary>
    public decimal ReserveShare { get; init; } = 0.6m;

    /// <summary>The median reserve of an account that has one, as a ratio of its equity on the venue.</summary>
    public decimal MedianReserveRatio { get; init; } = 0.5m;

    /// <summary>The standard deviation of the logarithm of that ratio.</summary>
    public decimal ReserveSpread { get; init; } = 1.0m;

    /// <summary>The most threads used; -1 for as many as the machine offers. The population does not depend on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}
