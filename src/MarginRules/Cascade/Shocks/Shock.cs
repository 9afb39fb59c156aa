using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using MarginRules.Accounts;

namespace MarginRules.Cascade.Shocks;

/// <summary>
/// One exogenous price shock: a relative move per asset (−0.20 is −20%), applied multiplicatively as p·(1 + move).
/// Assets the shock does not name keep their price. Immutable, with value equality.
/// </summary>
public sealed class Shock : IEquatable<Shock>
{
    private readonly ImmutableSortedDictionary<string, decimal> _moves;

    /// <summary>Creates a shock from moves keyed by asset symbol (ordinal, case-sensitive).</summary>
    /// <exception cref="ArgumentException">An asset is named twice or has an empty name, or a move is −100% or below.</exception>
    public Shock(IEnumerable<KeyValuePair<string, decimal>> moves)
    {
        ArgumentNullException.ThrowIfNull(moves);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, decimal>(StringComparer.Ordinal);
        foreach (var (asset, move) in moves)
        {
            if (string.IsNullOrWhiteSpace(asset)) throw new ArgumentException("a shocked asset needs a name", nameof(moves));
            if (move <= -1m)
            {
                throw new ArgumentException($"the move for `{asset}` is {FormatMove(move)}; a move must be above -100%", nameof(moves));
            }

            if (!builder.TryAdd(asset, move)) throw new ArgumentException($"`{asset}` is shocked twice", nameof(moves));
        }

        _moves = builder.ToImmutable();
    }

    /// <summary>A shock that moves nothing.</summary>
    public static Shock None { get; } = new(Array.Empty<KeyValuePair<string, decimal>>());

    /// <summary>The relative moves by asset symbol, in ordinal order of symbol.</summary>
    public IReadOnlyDictionary<string, decimal> Moves => _moves;

    /// <summary>The relative move of an asset; zero when the shock does not name it.</summary>
    public decimal MoveOf(string asset) => _moves.TryGetValue(asset, out var move) ? move : 0m;

    /// <summary>An asset's price after the shock: <c>price·(1 + move)</c>.</summary>
    public decimal Apply(string asset, decimal price) => _moves.TryGetValue(asset, out var move) ? price * (1m + move) : price;

    /// <summary>A market with every shocked asset's price moved; volatilities, open interest and unshocked assets are unchanged.</summary>
    /// <exception cref="KeyNotFoundException">The shock names an asset the market does not list.</exception>
    public Market Apply(Market market)
    {
        ArgumentNullException.ThrowIfNull(market);
        var changes = new List<KeyValuePair<string, AssetQuote>>(_moves.Count);
        foreach (var (asset, move) in _moves)
        {
            if (!market.TryGetQuote(asset, out var quote))
            {
                throw new KeyNotFoundException($"the shock moves `{asset}`, which the market does not list");
            }

            changes.Add(new(asset, quote with { Price = quote.Price * (1m + move) }));
        }

        return changes.Count == 0 ? market : market.With(changes);
    }

    /// <summary>True when both shocks name the same assets with the same moves.</summary>
    public bool Equals(Shock? other) =>
        other is not null && _moves.Count == other._moves.Count &&
        _moves.All(kv => other._moves.TryGetValue(kv.Key, out var move) && move == kv.Value);

    /// <summary>True when <paramref name="obj"/> is a shock with the same moves.</summary>
    public override bool Equals(object? obj) => Equals(obj as Shock);

    /// <summary>A hash over the moves, consistent with <see cref="Equals(Shock)"/>.</summary>
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (asset, move) in _moves)
        {
            hash.Add(asset, StringComparer.Ordinal);
            hash.Add(move);
        }

        return hash.ToHashCode();
    }

    /// <summary>The moves as percentages, in the CLI's short form: <c>BTC=-20%,ETH=-25%</c>.</summary>
    public override string ToString() => string.Join(",", _moves.Select(kv => $"{kv.Key}={FormatMove(kv.Value)}"));

    internal static string FormatMove(decimal move) =>
        (move * 100m).ToString("0.############################", CultureInfo.InvariantCulture) + "%";
}
