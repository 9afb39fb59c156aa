using System;
using System.Threading;
using MarginRules.Cascade.Engine;

namespace MarginRules.Cascade;

/// <summary>
/// The cascade engine: applies a shock to a shared market and runs rounds of mark → evaluate → margin calls →
/// liquidations → bad debt → price impact until nothing changes or the round limit is reached.
/// </summary>
public static class CascadeEngine
{
    /// <summary>Runs one cascade. The same setup always gives bit-identical results, whatever the thread count.</summary>
    /// <exception cref="CascadeException">The setup is invalid, an account cannot be evaluated, or the accounting invariant broke.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static CascadeResult Run(CascadeSetup setup, CascadeOptions? options = null, IProgress<CascadeProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setup);
        options ??= new CascadeOptions();
        if (options.MaxRounds < 1) throw new CascadeException("the round limit must be at least 1");
        if (options.PartitionSize < 1) throw new CascadeException("the partition size must be at least 1");
        return new CascadeRun(setup, options).Run(progress, cancellationToken);
    }
}
