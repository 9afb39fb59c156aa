namespace MarginRules.Randomness;

/// <summary>
/// Vigna's SplitMix64 (prng.di.unimi.it/splitmix64.c): a Weyl sequence passed through a 64-bit finaliser. Used to
/// turn seeds into xoshiro256** states, as its authors recommend, by the shock draws and the population generator.
/// </summary>
internal struct SplitMix64
{
    /// <summary>The Weyl increment: 2⁶⁴ divided by the golden ratio, made odd.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    private ulong _state;

    /// <summary>Starts the sequence at a state; the first output mixes <c>state + Gamma</c>.</summary>
    public SplitMix64(ulong state) => _state = state;

    /// <summary>The next 64-bit output.</summary>
    public ulong Next()
    {
        _state = unchecked(_state + Gamma);
        return Mix(_state);
    }

    /// <summary>Advances a raw <paramref name="state"/> and returns the next output, for callers that keep the state in a local.</summary>
    public static ulong Next(ref ulong state)
    {
        state = unchecked(state + Gamma);
        return Mix(state);
    }

    /// <summary>The finaliser alone: a bijection on 64-bit words that spreads every input bit over the output.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
