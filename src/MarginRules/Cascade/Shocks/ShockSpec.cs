using System;
using System.Collections.Generic;
using System.Linq;

namespace MarginRules.Cascade.Shocks;

/// <summary>
/// The command line's short form for shocks. Entries are separated by <c>,</c>; each is <c>ASSET=move</c> with moves
/// as percentages, and <c>;</c> separates the steps of one asset's path:
/// <c>BTC=-20%,ETH=-25%</c> is one step, <c>BTC=-10%;-5%,ETH=-3%;-3%</c> is two.
/// </summary>
public static class ShockSpec
{
    /// <summary>Reads a spec into a path; an asset whose path is shorter than another's is not moved in the later steps.</summary>
    /// <param name="spec">The spec text; whitespace around names, moves and separators is ignored.</param>
    /// <param name="knownAssets">The asset symbols the spec may name (ordinal, case-sensitive).</param>
    /// <exception cref="ShockSpecException">The spec is empty, malformed, names an unknown asset or asks for a move of −100% or below.</exception>
    public static ShockPath Parse(string spec, IReadOnlyCollection<string> knownAssets)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(knownAssets);
        if (string.IsNullOrWhiteSpace(spec)) throw new ShockSpecException(1, "the shock spec is empty; write moves such as `BTC=-20%`");

        var known = new HashSet<string>(knownAssets, StringComparer.Ordinal);
        var paths = new List<(string Asset, List<decimal> Moves)>();
        var start = 0;
        while (start <= spec.Length)
        {
            var end = spec.IndexOf(',', start);
            if (end < 0) end = spec.Length;
            paths.Add(ParseEntry(spec, start, end, known, paths));
            start = end + 1;
        }

        var steps = Enumerable.Range(0, paths.Max(p => p.Moves.Count))
            .Select(k => new Shock(paths
                .Where(p => k < p.Moves.Count)
                .Select(p => new KeyValuePair<string, decimal>(p.Asset, p.Moves[k]))));
        return new ShockPath(steps);
    }

    private static (string Asset, List<decimal> Moves) ParseEntry(
        string spec, int start, int end, HashSet<string> known, List<(string Asset, List<decimal> Moves)> earlier)
    {
        var (from, to) = Trim(spec, start, end);
        if (from == to) throw new ShockSpecException(from + 1, "expected an entry such as `BTC=-20%`");

        var equals = spec.IndexOf('=', from, to - from);
        if (equals < 0)
        {
            throw new ShockSpecException(from + 1, $"expected `=` in `{spec[from..to]}`; write an entry as `ASSET=move`, as in `BTC=-20%`");
        }

        var (assetFrom, assetTo) = Trim(spec, from, equals);
        if (assetFrom == assetTo) throw new ShockSpecException(equals + 1, "expected an asset name before `=`");
        var asset = spec[assetFrom..assetTo];
        if (!known.Contains(asset)) throw new ShockSpecException(assetFrom + 1, NameSuggestion.UnknownAsset(asset, known));
        if (earlier.Any(p => p.Asset == asset))
        {
            throw new ShockSpecException(assetFrom + 1, $"`{asset}` is given twice; write its steps as one path, as in `{asset}=-10%;-5%`");
        }

        var moves = new List<decimal>();
        var moveStart = equals + 1;
        while (moveStart <= to)
        {
            var moveEnd = spec.IndexOf(';', moveStart, to - moveStart);
            if (moveEnd < 0) moveEnd = to;
            var (moveFrom, moveTo) = Trim(spec, moveStart, moveEnd);
            if (!MoveText.TryParse(spec[moveFrom..moveTo], out var move, out var problem))
            {
                throw new ShockSpecException(moveFrom + 1, problem);
            }

            moves.Add(move);
            moveStart = moveEnd + 1;
        }

        return (asset, moves);
    }

    private static (int From, int To) Trim(string text, int from, int to)
    {
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
        return (from, to);
    }
}
