using System.Numerics;

namespace MarginRules.Randomness;

/// <summary>
/// Blackman &amp; Vigna's xoshiro256** 1.0 (prng.di.unimi.it/xoshiro256starstar.c): 256 bits of state, period
/// 2²⁵⁶ − 1, integer operations only, so the same state gives the same outputs on every machine.
/// </summary>
internal struct Xoshiro256StarStar
{
    private ulong _s0, _s1, _s2, _s3;

    /// <summary>Seeds the state with four consecutive SplitMix64 outputs, the authors' recommended seeding.</summary>
    public Xoshiro256StarStar(SplitMix64 seeder)
    {
        _s0 = seeder.Next();
        _s1 = seeder.Next();
        _s2 = seeder.Next();
        _s3 = seeder.Next();
    }

    /// <summary>A generator in a given raw state, for checking the algorithm against its published test vectors.</summary>
    public static Xoshiro256StarStar FromState(ulong s0, ulong s1, ulong s2, ulong s3)
    {
        var random = default(Xoshiro256StarStar);
        random._s0 = s0;
        random._s1 = s1;
        random._s2 = s2;
        random._s3 = s3;
        return random;
    }

    /// <summary>
    /// The generator for draw <paramref name="index"/> of a seeded run. Draw <c>i</c> takes SplitMix64 outputs
    /// <c>4i … 4i+3</c> of the stream that starts at the mixed seed, so every draw has its own state, computed
    /// directly from (seed, index): the result cannot depend on how draws are spread over threads.
    /// </summary>
    public static Xoshiro256StarStar ForDraw(ulong seed, ulong index) =>
        new(new SplitMix64(unchecked(SplitMix64.Mix(seed) + 4UL * index * SplitMix64.Gamma)));

    /// <summary>The next 64-bit output.</summary>
    public ulong Next()
    {
        unchecked
        {
            var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
            var t = _s1 << 17;
            _s2 ^= _s0;
            _s3 ^= _s1;
            _s1 ^= _s2;
            _s0 ^= _s3;
            _s2 ^= t;
            _s3 = BitOperations.RotateLeft(_s3, 45);
            return result;
        }
    }

    /// <summary>A uniform double in [0, 1) with 53 random bits.</summary>
    public double NextUnit() => (Next() >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>
    /// A uniform double strictly inside (0, 1): the top 53 bits plus one half, times 2⁻⁵³. Never 0 or 1, so the
    /// inverse normal CDF stays finite; the arithmetic is exact.
    /// </summary>
    public double NextOpenUnit() => ((Next() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}
