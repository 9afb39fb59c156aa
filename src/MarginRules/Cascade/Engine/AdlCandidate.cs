using System.Collections.Generic;

namespace MarginRules.Cascade.Engine;

/// <summary>A profitable position that auto-deleveraging may close.</summary>
/// <param name="Rank">The policy's ADL rank of the position.</param>
/// <param name="Account">The account index within the venue.</param>
/// <param name="Position">The position index within the account.</param>
internal readonly record struct AdlCandidate(decimal Rank, int Account, int Position)
{
    // Decimal comparisons dominate sorting; the nearest double orders any two ranks whose doubles differ, because
    // rounding to double is monotonic, so the decimals are compared only on a tie.
    private readonly double _approximateRank = (double)Rank;

    /// <summary>Highest rank first, then account order, then position order: a total order, so any sort gives the same list.</summary>
    public readonly struct HighestRankFirst : IComparer<AdlCandidate>
    {
        /// <inheritdoc />
        public int Compare(AdlCandidate x, AdlCandidate y)
        {
            if (x._approximateRank != y._approximateRank) return y._approximateRank.CompareTo(x._approximateRank);
            var byRank = y.Rank.CompareTo(x.Rank);
            if (byRank != 0) return byRank;
            var byAccount = x.Account.CompareTo(y.Account);
            return byAccount != 0 ? byAccount : x.Position.CompareTo(y.Position);
        }
    }
}
