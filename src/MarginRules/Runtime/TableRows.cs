using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace MarginRules.Runtime;

/// <summary>Row selection for compiled table lookups; each method returns the index of the row whose cells to read.</summary>
internal static class TableRows
{
    /// <summary>The row keyed by <paramref name="key"/>, else <paramref name="defaultRow"/> when it is not negative.</summary>
    /// <exception cref="KeyNotFoundException">No row has the key and the table has no default row.</exception>
    public static int Keyed(FrozenDictionary<string, int> rows, string key, int defaultRow)
    {
        if (key is not null && rows.TryGetValue(key, out var row)) return row;
        return defaultRow >= 0 ? defaultRow : throw new KeyNotFoundException($"no row `{key}` and no default");
    }

    /// <summary>The first row, in table order, whose key is one of the account's tags; else <paramref name="defaultRow"/> when it is not negative.</summary>
    /// <exception cref="KeyNotFoundException">No row matches a tag and the table has no default row.</exception>
    public static int Tagged(string[] keys, ImmutableArray<string> tags, int defaultRow)
    {
        for (var i = 0; i < keys.Length; i++)
            if (AccountTags.Contains(tags, keys[i])) return i;
        return defaultRow >= 0 ? defaultRow : throw new KeyNotFoundException("no row for the account's tags and no default");
    }

    /// <summary>
    /// The bracket [lower, upper) that holds <paramref name="value"/>, by binary search over the ascending lower bounds;
    /// the last bracket has no upper bound when <paramref name="lastOpen"/> is true.
    /// </summary>
    /// <exception cref="KeyNotFoundException">No bracket holds the value.</exception>
    public static int Bracket(decimal[] lowerBounds, decimal[] upperBounds, bool lastOpen, decimal value)
    {
        // The last bracket whose lower bound is at or below the value is the only candidate: the checker
        // rejects brackets that overlap or are out of order.
        int lo = 0, hi = lowerBounds.Length - 1, found = -1;
        while (lo <= hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (lowerBounds[mid] <= value)
            {
                found = mid;
                lo = mid + 1;
            }
            else
            {
                hi = mid - 1;
            }
        }

        if (found >= 0 && ((lastOpen && found == lowerBounds.Length - 1) || value < upperBounds[found])) return found;
        throw NoBracket(value);
    }

    /// <summary>True when <paramref name="k"/> is a whole number from 1 to <paramref name="columns"/>, a column number of <c>t[key][k]</c>.</summary>
    public static bool IsColumnNumber(decimal k, int columns) => k >= 1m && k <= columns && decimal.Truncate(k) == k;

    /// <summary>The reason of the run-time error for a column number that is not whole or not from 1 to the column count.</summary>
    public static string NoColumn(string table, decimal k, int columns) =>
        $"table `{table}` has no column number {k}; its columns are numbered 1 to {columns}";

    /// <summary>The cell of <c>t[key][k]</c>: column <paramref name="k"/> (1-based) of <paramref name="row"/>, the columns all being numbers.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="k"/> is not whole or not from 1 to the column count.</exception>
    public static decimal NumberedCell(decimal[][] columns, int row, decimal k) =>
        IsColumnNumber(k, columns.Length) ? columns[(int)k - 1][row] : throw NoColumnNumber(k, columns.Length);

    // Built apart so the cell read keeps a small stack frame.
    private static ArgumentOutOfRangeException NoColumnNumber(decimal k, int columns) => new(nameof(k), k, $"no column number {k} of 1 to {columns}");

    /// <summary>The error for a value no bracket holds; built apart so the searches keep a small stack frame.</summary>
    internal static KeyNotFoundException NoBracket(decimal value) => new($"no bracket for {value}");
}
