namespace MarginRules.Population;

/// <summary>Sebastiano Vigna's SplitMix64, used only to turn a seed and a block index into well-mixed xoshiro256** states.</summary>
/// <remarks>Source: Vigna, "splitmix64.c" (prng.di.unimi.it), the seeding procedure the xoshiro authors recommend.</remarks>
internal static class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>Advances <paramref name="state"/> and returns the next output.</summary>
    public static ulong Next(ref ulong state)
    {
        state += Gamma;
        return Mix(state);
    }

    /// <summary>The SplitMix64 finaliser: a bijection that spreads every input bit over the whole output.</summary>
    public static ulong Mix(ulong value)
    {
        value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9UL;
        value = (value ^ (value >> 27)) * 0x94D049BB133111EBUL;
        return value ^ (value >> 31);
    }
}
