using MarginRules.Randomness;

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

    // One SplitMix64 step (Steele, Lea and Flood, 2014) from state z: advance by the Weyl increment, then finalise.
    private static ulong Mix(ulong z) => SplitMix64.Mix(unchecked(z + SplitMix64.Gamma));
}
