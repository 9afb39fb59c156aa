using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Text;

namespace MarginRules.Cascade.Impact;

/// <summary>
/// A static bid ladder that forced selling walks down: the cumulative net units sold consume the levels from the top,
/// and the mark is the price of the level where that quantity is used up. Past the last level the mark stays at the
/// last level's price, so the ladder should be deep enough for the sales a run can produce.
/// </summary>
/// <param name="Bids">The bid levels, best (highest) price first, with strictly descending prices and positive quantities in units.</param>
public sealed record OrderBookImpact(IReadOnlyList<(decimal Price, decimal Quantity)> Bids) : PriceImpact
{
    private readonly ImmutableArray<decimal> _depth = CumulativeDepth(Bids);

    /// <summary>The bid levels, best price first; a private copy, so later changes to the caller's list have no effect.</summary>
    public IReadOnlyList<(decimal Price, decimal Quantity)> Bids { get; } = Bids.ToImmutableArray();

    /// <summary>
    /// The price of the first level whose cumulative depth reaches the cumulative units sold, capped at the reference
    /// price; the reference price itself when nothing has been sold, since the model has no asks to lift.
    /// </summary>
    public override decimal NextPrice(ImpactState state)
    {
        RequirePositive(state.ReferencePrice, nameof(state.ReferencePrice));
        var sold = state.CumulativeQuantity;
        if (sold <= 0m) return state.ReferencePrice;

        var level = Bids.Count - 1;
        for (var i = 0; i < _depth.Length; i++)
        {
            if (_depth[i] >= sold)
            {
                level = i;
                break;
            }
        }

        // Levels at or above the reference price are bids a shock has already run through; selling never lifts the mark.
        return Math.Min(Bids[level].Price, state.ReferencePrice);
    }

    /// <summary>Two ladders are equal when they have the same levels in the same order.</summary>
    public bool Equals(OrderBookImpact? other) =>
        other is not null && Bids.SequenceEqual(other.Bids);

    /// <summary>A hash over the levels, consistent with <see cref="Equals(OrderBookImpact)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var level in Bids) hash.Add(level);
        return hash.ToHashCode();
    }

    /// <summary>Prints the ladder as <c>quantity @ price</c> levels, best first.</summary>
    protected override bool PrintMembers(StringBuilder builder)
    {
        builder.Append("Bids = [");
        builder.Append(string.Join(", ", Bids.Select(b => string.Create(CultureInfo.InvariantCulture, $"{b.Quantity} @ {b.Price}"))));
        builder.Append(']');
        return true;
    }

    private static ImmutableArray<decimal> CumulativeDepth(IReadOnlyList<(decimal Price, decimal Quantity)> bids)
    {
        if (bids is null) throw new ArgumentNullException(nameof(Bids));
        if (bids.Count == 0) throw new ArgumentException("the bid ladder is empty; give at least one (price, quantity) level", nameof(Bids));

        var depth = ImmutableArray.CreateBuilder<decimal>(bids.Count);
        var total = 0m;
        for (var i = 0; i < bids.Count; i++)
        {
            var (price, quantity) = bids[i];
            if (price <= 0m)
            {
                throw new ArgumentException($"bid level {i + 1} has price {price}; prices must be positive", nameof(Bids));
            }

            if (quantity <= 0m)
            {
                throw new ArgumentException($"bid level {i + 1} has quantity {quantity}; quantities must be positive", nameof(Bids));
            }

            if (i > 0 && price >= bids[i - 1].Price)
            {
                throw new ArgumentException(
                    $"bid level {i + 1} has price {price}, not below level {i}'s {bids[i - 1].Price}; list bids best first with strictly descending prices",
                    nameof(Bids));
            }

            total += quantity;
            depth.Add(total);
        }

        return depth.MoveToImmutable();
    }
}
