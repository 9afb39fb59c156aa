namespace MarginRules.Cascade;

/// <summary>
/// Limits and execution settings of a cascade run. <see cref="MaxDegreeOfParallelism"/> never changes the results;
/// <see cref="PartitionSize"/> can change the last of 28 significant digits of summed amounts.
/// </summary>
public sealed record CascadeOptions
{
    /// <summary>The most rounds a run may take; a run still moving then stops and says so.</summary>
    public int MaxRounds { get; init; } = 100;

    /// <summary>Threads used for the per-account work; results are bit-identical for any value.</summary>
    public int MaxDegreeOfParallelism { get; init; } = System.Environment.ProcessorCount;

    /// <summary>When set, each asset's volatility follows an EWMA of the round returns; when null it stays as set up.</summary>
    public VolatilityEstimate? Volatility { get; init; }

    /// <summary>
    /// The band of a health certificate: an account proved healthy (by interval evaluation of its policy) for every
    /// price within ±band of the round's prices and every wallet within ±band of its own is not evaluated again while
    /// they stay inside. Certificates never change a result; 0 turns them off.
    /// </summary>
    public decimal CertificateBand { get; init; } = 0.02m;

    /// <summary>Accounts per partition of the map step; partition sums are added in partition order.</summary>
    public int PartitionSize { get; init; } = 4096;
}
