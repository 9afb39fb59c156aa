using System;
using System.Collections;
using System.Collections.Generic;
using MarginRules.Accounts;

namespace MarginRules.Cascade.Engine;

/// <summary>A venue's accounts after a run, each built as a record when it is read; the venue's state no longer changes.</summary>
internal sealed class VenueAccounts(VenueState venue) : IReadOnlyList<Account>
{
    public int Count => venue.Count;

    public Account this[int index] =>
        (uint)index < (uint)venue.Count ? venue.View(index) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<Account> GetEnumerator()
    {
        for (var i = 0; i < venue.Count; i++) yield return venue.View(i);
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
