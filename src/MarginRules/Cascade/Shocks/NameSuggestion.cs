using System;
using System.Collections.Generic;
using System.Linq;

namespace MarginRules.Cascade.Shocks;

/// <summary>Suggests the closest known name for a misspelt asset or scenario, the way the policy checker suggests names.</summary>
internal static class NameSuggestion
{
    private const int ListedAssets = 8;

    /// <summary>The problem text for an asset that is not in <paramref name="known"/>.</summary>
    public static string UnknownAsset(string asset, IReadOnlyCollection<string> known)
    {
        var head = $"unknown asset `{asset}`";
        if (known.Count == 0) return head + "; no assets are known";
        var suggestion = Closest(asset, known);
        if (suggestion is not null) return $"{head}; did you mean `{suggestion}`?";

        var sorted = known.OrderBy(a => a, StringComparer.Ordinal).ToList();
        var listed = string.Join(", ", sorted.Take(ListedAssets));
        return sorted.Count > ListedAssets
            ? $"{head}; known assets include {listed} and {sorted.Count - ListedAssets} more"
            : $"{head}; known assets: {listed}";
    }

    /// <summary>The known name within a few edits of <paramref name="asset"/>, ignoring case; null when none is close.</summary>
    internal static string? Closest(string asset, IEnumerable<string> known)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in known)
        {
            var distance = EditDistance(asset.ToUpperInvariant(), candidate.ToUpperInvariant());
            if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        // The checker's threshold: a third of the name's length, at least 1 and at most 3 edits. Case differences
        // cost nothing, so `btc` finds `BTC`.
        var allowed = Math.Min(3, Math.Max(1, asset.Length / 3));
        return best is not null && bestDistance <= allowed ? best : null;
    }

    // Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours, since
    // `stpes` for `steps` is as common a slip as a wrong letter.
    private static int EditDistance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 3) return int.MaxValue;
        var beforePrevious = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], beforePrevious[j - 2] + 1);
                }
            }

            (beforePrevious, previous, current) = (previous, current, beforePrevious);
        }

        return previous[b.Length];
    }
}
