using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using MarginRules.Accounts;

namespace MarginRules.Population;

/// <summary>
/// Generates seeded, realistic account populations for perpetual-futures, lending and broker venues, for demos and benchmarks.
/// </summary>
/// <remarks>
/// Accounts are generated in blocks of <see cref="BlockSize"/>, each from its own random stream derived from the seed and the
/// block's index, so blocks can run on any number of threads and the result is the same. The distributions are described in
/// <c>docs/populations.md</c>.
/// </remarks>
public static class PopulationGenerator
{
    /// <summary>Accounts per random stream. Part of what a seed means: changing it changes every population.</summary>
    public const int BlockSize = 1024;

    /// <summary>Generates the population <paramref name="options"/> describe.</summary>
    /// <exception cref="ArgumentException">The options are inconsistent, or the venue names a symbol its market does not list.</exception>
    public static SyntheticPopulation Generate(PopulationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Venue is null) throw new ArgumentException("the options need a venue", nameof(options));
        if (options.Accounts < 0) throw new ArgumentException($"Accounts must not be negative, found {options.Accounts}", nameof(options));
        if (options.IdPrefix is null) throw new ArgumentException("IdPrefix must not be null", nameof(options));
        if (options.ReserveShare is < 0m or > 1m) throw new ArgumentException($"ReserveShare must be from 0 to 1, found {options.ReserveShare}", nameof(options));
        if (options.MedianReserveRatio < 0m) throw new ArgumentException($"MedianReserveRatio must not be negative, found {options.MedianReserveRatio}", nameof(options));
        if (options.ReserveSpread < 0m) throw new ArgumentException($"ReserveSpread must not be negative, found {options.ReserveSpread}", nameof(options));
        if (options.MaxDegreeOfParallelism is 0 or < -1) throw new ArgumentException($"MaxDegreeOfParallelism must be -1 or positive, found {options.MaxDegreeOfParallelism}", nameof(options));

        var sampler = options.Venue.CreateSampler();
        var accounts = new Account[options.Accounts];
        var reserves = new decimal[options.Accounts];
        var width = options.Accounts.ToString(CultureInfo.InvariantCulture).Length;
        var blocks = (options.Accounts + BlockSize - 1) / BlockSize;
        Parallel.For(0, blocks, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, block =>
        {
            var random = new PopulationRandom(options.Seed, (ulong)block);
            var end = Math.Min(options.Accounts, (block + 1) * BlockSize);
            for (var i = block * BlockSize; i < end; i++)
            {
                var id = options.IdPrefix + (i + 1).ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
                accounts[i] = sampler.Create(id, ref random, out var equity);
                reserves[i] = Reserve(ref random, equity, options);
            }
        });

        var byId = new Dictionary<string, decimal>(options.Accounts, StringComparer.Ordinal);
        for (var i = 0; i < accounts.Length; i++) byId.Add(accounts[i].Id, reserves[i]);
        return new SyntheticPopulation(ImmutableCollectionsMarshal.AsImmutableArray(accounts), options.Venue.Market, new ReadOnlyDictionary<string, decimal>(byId));
    }

    private static decimal Reserve(ref PopulationRandom random, decimal equity, PopulationOptions options)
    {
        if (!random.Chance((double)options.ReserveShare) || equity <= 0m) return 0.00m;
        return FixedPoint.Round((double)equity * random.NextLogNormal((double)options.MedianReserveRatio, (double)options.ReserveSpread), 2);
    }
}
