using System;
using System.Collections.Generic;

namespace MarginRules.Data.Csv;

/// <summary>Hands out one string per distinct symbol, asset or tag, so a million rows naming <c>BTCUSDT</c> share one string.</summary>
/// <remarks>Bounded: past <see cref="Capacity"/> distinct names, new ones are allocated each time rather than remembered, so a file of
/// unique names cannot grow the pool without limit.</remarks>
internal sealed class NamePool
{
    /// <summary>The most distinct names the pool remembers.</summary>
    public const int Capacity = 4096;

    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    /// <summary>Creates an empty pool.</summary>
    public NamePool()
    {
        _lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The pooled string equal to <paramref name="text"/>.</summary>
    public string Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var name)) return name;
        name = text.ToString();
        if (_names.Count < Capacity) _names.Add(name, name);
        return name;
    }
}
