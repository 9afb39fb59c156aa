namespace MarginRules.Cascade.Engine;

/// <summary>
/// The deterministic draw behind margin-call responses: a SplitMix64 hash of (seed, venue, account, round) mapped to
/// [0, 1). It depends on nothing else, so the answer is the same whatever thread evaluates the account.
/// </summary>
internal static class ResponseDraw
{
    public static decimal Uniform(ulong seed, int venue, int account, int round)
    {
        var x = seed;
        x = Mix(x ^ (ulong)(uint)venue);
        x = Mix(x ^ ((ulong)(uint)account << 16));
        x = Mix(x ^ ((ulong)(uint)round << 40));

        // 53 bits give a uniform fraction with steps of 2^-53; decimal keeps them exact.
        return (x >> 11) / 9007199254740992m;
    }

    // SplitMix64 finaliser (Steele, Lea and Flood, 2014).
    private static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
