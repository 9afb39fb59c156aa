using System;
using System.Collections.Generic;

namespace MarginRules.Language.Text
{
    /// <summary>Finds the known name a misspelt one was probably meant to be, for "did you mean" hints everywhere in MarginRules.</summary>
    public static class SpellingSuggestion
    {
        /// <summary>The candidate closest to <paramref name="name"/>, or null when none is close.</summary>
        /// <remarks>
        /// Close means within a third of the name's length in edits (a swap of neighbours counts as one), at least 1 and at most 3; ties go to the
        /// ordinal first. A candidate that differs only in letter case (<c>usdc</c> for <c>USDC</c>) always wins.
        /// </remarks>
        public static string? Closest(string name, IEnumerable<string> candidates)
        {
            string? best = null;
            var bestDistance = int.MaxValue;
            foreach (var candidate in candidates)
            {
                if (string.Equals(candidate, name, StringComparison.OrdinalIgnoreCase) && candidate != name) return candidate;
                var distance = EditDistance(name, candidate);
                if (distance < bestDistance || (distance == bestDistance && string.CompareOrdinal(candidate, best) < 0))
                {
                    best = candidate;
                    bestDistance = distance;
                }
            }

            var allowed = Math.Min(3, Math.Max(1, name.Length / 3));
            return best != null && bestDistance <= allowed ? best : null;
        }

        // Optimal string alignment distance: Levenshtein plus swapped neighbours as one edit (`BCT` for `BTC`).
        // Names whose lengths differ by more than the largest allowed distance are never close.
        private static int EditDistance(string a, string b)
        {
            if (Math.Abs(a.Length - b.Length) > 3) return int.MaxValue;
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (var j = 0; j <= b.Length; j++) d[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
            {
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                        d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }

            return d[a.Length, b.Length];
        }
    }
}
