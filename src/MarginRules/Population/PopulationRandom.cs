using System;
using MarginRules.Randomness;

namespace MarginRules.Population;

/// <summary>
/// xoshiro256** (<see cref="Xoshiro256StarStar"/>) with the draws a population needs (normal, log-normal, bounded logit-normal, log-uniform); the same seed and
/// stream give the same numbers on every machine, unlike <see cref="Random"/>, whose algorithm may change between releases.
/// </summary>
/// <remarks>Source: Blackman and Vigna, "Scrambled Linear Pseudorandom Number Generators" (2021), xoshiro256** 1.0.
/// A mutable struct: pass it by <c>ref</c>, never copy it.</remarks>
internal struct PopulationRandom
{
    private Xoshiro256StarStar _bits;

    /// <summary>Creates the generator for one stream of one seed; distinct streams of a seed are independent for all practical purposes.</summary>
    public PopulationRandom(ulong seed, ulong stream)
    {
        // Mixing both before combining them keeps (seed, stream) pairs apart: a plain seed ⊕ stream would give seed 1
        // stream 0 the numbers of seed 0 stream 1.
        _bits = new Xoshiro256StarStar(new SplitMix64(SplitMix64.Mix(seed) ^ SplitMix64.Mix(stream + 0x6A09E667F3BCC909UL)));
    }

    private PopulationRandom(Xoshiro256StarStar bits) => _bits = bits;

    /// <summary>A generator in a given raw state, for checking the algorithm against its published test vectors.</summary>
    public static PopulationRandom FromState(ulong s0, ulong s1, ulong s2, ulong s3) => new(Xoshiro256StarStar.FromState(s0, s1, s2, s3));

    /// <summary>The next 64 random bits.</summary>
    public ulong NextBits() => _bits.Next();

    /// <summary>A uniform number in [0, 1) with 53 random bits.</summary>
    public double NextUnit() => _bits.NextUnit();

    /// <summary>A uniform number in (0, 1), safe to take the logarithm of.</summary>
    public double NextOpenUnit() => _bits.NextOpenUnit();

    /// <summary>A uniform integer in [0, <paramref name="count"/>).</summary>
    public int NextIndex(int count) => (int)(((NextBits() >> 32) * (ulong)count) >> 32);

    /// <summary>True with probability <paramref name="probability"/>.</summary>
    public bool Chance(double probability) => NextUnit() < probability;

    /// <summary>A standard normal number, by Marsaglia's polar method (it needs a logarithm but no sine or cosine).</summary>
    public double NextNormal()
    {
        while (true)
        {
            var u = 2 * NextUnit() - 1;
            var v = 2 * NextUnit() - 1;
            var s = u * u + v * v;
            if (s > 0 && s < 1) return u * Math.Sqrt(-2 * PortableMath.Log(s) / s);
        }
    }

    /// <summary>An exponential number with mean 1; normalised exponentials split a total into Dirichlet(1, …, 1) shares.</summary>
    public double NextExponential() => -PortableMath.Log(NextOpenUnit());

    /// <summary>A log-normal number: its logarithm is normal with the given median's logarithm as mean and <paramref name="spread"/> as standard deviation.</summary>
    public double NextLogNormal(double median, double spread) => median * PortableMath.Exp(spread * NextNormal());

    /// <summary>A number whose logarithm is uniform between those of <paramref name="low"/> and <paramref name="high"/>.</summary>
    public double NextLogUniform(double low, double high)
    {
        var lnLow = PortableMath.Log(low);
        return PortableMath.Exp(lnLow + NextUnit() * (PortableMath.Log(high) - lnLow));
    }

    /// <summary>
    /// A number strictly between <paramref name="low"/> and <paramref name="high"/> with the given median: the logistic of a normal
    /// with standard deviation <paramref name="spread"/>, stretched onto the interval; a larger spread pushes mass towards the ends.
    /// </summary>
    public double NextBounded(double low, double high, double median, double spread)
    {
        var centre = PortableMath.Logit((median - low) / (high - low));
        return low + (high - low) * PortableMath.Logistic(centre + spread * NextNormal());
    }
}
