using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MarginRules.Cascade.Engine;
using MarginRules.Evaluation;

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
        Validate(options);
        return new CascadeRun(setup, options).Run(progress, cancellationToken);
    }

    /// <summary>
    /// Runs many cascades, up to <paramref name="maxDegreeOfParallelism"/> at a time, and returns their summaries in
    /// order, each the one <see cref="Run"/> gives; <paramref name="completed"/> hears how many have finished. Runs over
    /// the same venues and market (the same <see cref="VenueSetup"/>s, asset and instrument lists) that differ only in
    /// their shock share health certificates: an account proved healthy around one run's round-1 prices is not
    /// evaluated in round 1 of the runs whose prices fall inside that box.
    /// </summary>
    /// <exception cref="CascadeException">A setup is invalid, an account cannot be evaluated, or the accounting invariant broke.</exception>
    /// <exception cref="OperationCanceledException">The sweep was cancelled.</exception>
    public static IReadOnlyList<CascadeSummary> Sweep(
        IReadOnlyList<CascadeSetup> setups, CascadeOptions? options = null, int maxDegreeOfParallelism = -1, Action<int>? completed = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(setups);
        foreach (var setup in setups) ArgumentNullException.ThrowIfNull(setup, nameof(setups));
        options ??= new CascadeOptions();
        Validate(options);
        var seeds = Seeds(setups, options, maxDegreeOfParallelism, cancellationToken);
        var summaries = new CascadeSummary[setups.Count];
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, setups.Count, parallel, i =>
            {
                summaries[i] = new CascadeRun(setups[i], options, seeds[i]).Run(null, cancellationToken).Summary;
                completed?.Invoke(Interlocked.Increment(ref done));
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is CascadeException first)
        {
            throw first;
        }

        return summaries;
    }

    private static void Validate(CascadeOptions options)
    {
        if (options.MaxRounds < 1) throw new CascadeException("the round limit must be at least 1");
        if (options.PartitionSize < 1) throw new CascadeException("the partition size must be at least 1");
    }

    /// <summary>
    /// For each setup, the seed it starts from, or null. Setups over the same venues and market are covered greedily:
    /// for the first setup no anchor covers yet, the anchor is the setup whose box (around its round-1 prices) holds
    /// that setup's prices and the most uncovered others, so a box serves the points on both sides of its centre. The
    /// choice only saves work; a run checks that its prices are inside the seed's box before it trusts a certificate.
    /// </summary>
    private static CertificateSeed?[] Seeds(IReadOnlyList<CascadeSetup> setups, CascadeOptions options, int maxDegreeOfParallelism, CancellationToken cancellationToken)
    {
        var seeds = new CertificateSeed?[setups.Count];
        if (options.CertificateBand <= 0m || setups.Count < 2) return seeds;

        var band = options.CertificateBand;
        var prices = setups.Select(RoundOnePrices).ToArray();
        bool Covers(int anchor, int point) =>
            prices[anchor] != null && prices[point] != null && SameVenuesAndMarket(setups[anchor], setups[point]) && Inside(prices[point]!, prices[anchor]!, band);

        var anchorOf = Enumerable.Repeat(-1, setups.Count).ToArray();
        var anchors = new List<(int Setup, decimal[] Prices)>();
        for (var i = 0; i < setups.Count; i++)
        {
            if (anchorOf[i] >= 0 || prices[i] == null) continue;
            int best = i, most = -1;
            for (var j = 0; j < setups.Count; j++)
            {
                if (anchorOf[j] >= 0 || !Covers(j, i)) continue;
                var covered = 0;
                for (var k = 0; k < setups.Count; k++) if (anchorOf[k] < 0 && Covers(j, k)) covered++;
                if (covered > most) (best, most) = (j, covered);
            }

            for (var k = 0; k < setups.Count; k++) if (anchorOf[k] < 0 && Covers(best, k)) anchorOf[k] = anchors.Count;
            anchors.Add((best, prices[best]!));
        }

        // An anchor no other setup uses saves nothing.
        var users = new int[anchors.Count];
        foreach (var k in anchorOf) if (k >= 0) users[k]++;
        var planted = new CertificateSeed?[anchors.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism, CancellationToken = cancellationToken };
        try
        {
            Parallel.For(0, anchors.Count, parallel, k =>
            {
                if (users[k] > 1) planted[k] = new CascadeRun(setups[anchors[k].Setup], options).Seed(cancellationToken);
            });
        }
        catch (AggregateException e) when (e.InnerExceptions.FirstOrDefault() is CascadeException first)
        {
            throw first;
        }

        for (var i = 0; i < setups.Count; i++) seeds[i] = anchorOf[i] >= 0 ? planted[anchorOf[i]] : null;
        return seeds;
    }

    /// <summary>The asset prices after the shock's first step, computed as the run computes them; null for a setup the run would reject.</summary>
    private static decimal[]? RoundOnePrices(CascadeSetup setup)
    {
        var prices = setup.Assets.Select(a => a.Price).ToArray();
        if (setup.Shock.Count == 0) return prices;
        foreach (var (symbol, move) in setup.Shock.Steps[0].Moves)
        {
            var a = -1;
            for (var k = 0; k < setup.Assets.Count; k++) if (setup.Assets[k].Symbol == symbol) a = k;
            if (a < 0) return null;
            if (move != 0m) prices[a] *= 1m + move;
        }

        return prices;
    }

    private static bool SameVenuesAndMarket(CascadeSetup a, CascadeSetup b)
    {
        if (!ReferenceEquals(a.Assets, b.Assets) || !ReferenceEquals(a.Instruments, b.Instruments) || a.Venues.Count != b.Venues.Count) return false;
        for (var v = 0; v < a.Venues.Count; v++) if (!ReferenceEquals(a.Venues[v], b.Venues[v])) return false;
        return true;
    }

    private static bool Inside(decimal[] prices, decimal[] centre, decimal band)
    {
        for (var a = 0; a < prices.Length; a++)
            if (prices[a] < HealthCertifier.Lower(centre[a], band) || prices[a] > HealthCertifier.Upper(centre[a], band)) return false;
        return true;
    }
}
