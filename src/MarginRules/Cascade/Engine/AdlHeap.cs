using System.Collections.Generic;

namespace MarginRules.Cascade.Engine;

/// <summary>
/// A binary max-heap of ADL candidates, highest rank first in <see cref="AdlCandidate.HighestRankFirst"/> order, built
/// in place over one exactly sized array: a round with a million candidates holds them once, not in a list and again in
/// a general-purpose queue, and Floyd's construction makes building it linear.
/// </summary>
internal sealed class AdlHeap
{
    private static readonly AdlCandidate.HighestRankFirst Order = default;
    private AdlCandidate[] _items;

    /// <summary>Builds the heap from lists of candidates, copied once into <paramref name="buffer"/> or, when it is too small, a new array.</summary>
    public AdlHeap(IEnumerable<List<AdlCandidate>> lists, AdlCandidate[] buffer)
    {
        var total = 0;
        foreach (var list in lists) total += list.Count;
        _items = buffer.Length >= total ? buffer : new AdlCandidate[total];
        foreach (var list in lists)
        {
            list.CopyTo(_items, Count);
            Count += list.Count;
        }

        for (var i = Count / 2 - 1; i >= 0; i--) SiftDown(i);
    }

    /// <summary>The array the heap lives in, to hand to the next heap.</summary>
    public AdlCandidate[] Buffer => _items;

    /// <summary>The number of candidates left.</summary>
    public int Count { get; private set; }

    /// <summary>The highest-ranked candidate; the heap must not be empty.</summary>
    public AdlCandidate Peek() => _items[0];

    /// <summary>Removes the highest-ranked candidate.</summary>
    public void Pop()
    {
        _items[0] = _items[--Count];
        if (Count > 0) SiftDown(0);
    }

    /// <summary>Adds a candidate.</summary>
    public void Push(AdlCandidate candidate)
    {
        if (Count == _items.Length) System.Array.Resize(ref _items, System.Math.Max(4, _items.Length * 2));
        var i = Count++;
        while (i > 0)
        {
            var parent = (i - 1) / 2;
            if (Order.Compare(candidate, _items[parent]) >= 0) break;
            _items[i] = _items[parent];
            i = parent;
        }

        _items[i] = candidate;
    }

    private void SiftDown(int i)
    {
        var item = _items[i];
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= Count) break;
            if (child + 1 < Count && Order.Compare(_items[child + 1], _items[child]) < 0) child++;
            if (Order.Compare(_items[child], item) >= 0) break;
            _items[i] = _items[child];
            i = child;
        }

        _items[i] = item;
    }
}
