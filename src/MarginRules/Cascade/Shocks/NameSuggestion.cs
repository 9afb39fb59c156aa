using System;
using MarginRules.Language.Text;
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
    internal static string? Closest(string asset, IEnumerable<string> known) => SpellingSuggestion.Closest(asset, known);
}
