using System.Collections.Immutable;

namespace MarginRules.Runtime;

/// <summary>Tag tests for compiled policies.</summary>
internal static class AccountTags
{
    /// <summary>True when <paramref name="tags"/> holds <paramref name="tag"/> (ordinal comparison).</summary>
    public static bool Contains(ImmutableArray<string> tags, string tag)
    {
        // An indexed loop over the struct: no enumerator, no comparer lookup, no allocation.
        for (var i = 0; i < tags.Length; i++)
            if (string.Equals(tags[i], tag)) return true;
        return false;
    }
}
