using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Shocks;

namespace MarginRules.Cli.Simulation;

/// <summary>
/// The market of a simulation: assets with their impact models, instruments marked on them, and the assets that
/// follow another's shocks (wrapped tokens such as WETH follow ETH).
/// </summary>
/// <param name="FilePath">The market file as the user named it.</param>
/// <param name="Assets">The assets in file order.</param>
/// <param name="Instruments">The instruments in file order.</param>
/// <param name="Followers">Each following asset and the asset whose shocks it takes.</param>
internal sealed record SimulationMarket(
    string FilePath,
    IReadOnlyList<AssetSetup> Assets,
    IReadOnlyList<InstrumentSetup> Instruments,
    IReadOnlyDictionary<string, string> Followers)
{
    /// <summary>The EWMA volatility estimate the run updates each round, or null to keep the volatilities as given.</summary>
    public VolatilityEstimate? Volatility { get; init; }

    /// <summary>The asset symbols, which shocks may name.</summary>
    public IReadOnlyList<string> AssetSymbols => Assets.Select(a => a.Symbol).ToArray();

    /// <summary>The starting prices by asset.</summary>
    public IReadOnlyDictionary<string, decimal> StartPrices => Assets.ToDictionary(a => a.Symbol, a => a.Price, StringComparer.Ordinal);

    /// <summary>A market quoting every asset at <paramref name="prices"/> and every instrument at its underlying's price.</summary>
    public Market Quotes(IReadOnlyDictionary<string, decimal> prices)
    {
        var quotes = Assets.Select(a => new KeyValuePair<string, AssetQuote>(a.Symbol, new AssetQuote(prices[a.Symbol], a.Volatility, a.OpenInterest))).ToList();
        foreach (var instrument in Instruments)
        {
            var underlying = Assets.First(a => a.Symbol == instrument.Underlying);
            quotes.Add(new(instrument.Symbol, new AssetQuote(prices[underlying.Symbol], underlying.Volatility, underlying.OpenInterest)));
        }

        return new Market(quotes);
    }

    /// <summary>
    /// The path with every follower moved as its leader in each step where the step names the leader and not the
    /// follower; a follower the user shocks explicitly keeps that move.
    /// </summary>
    public ShockPath WithFollowers(ShockPath path) => new(path.Steps.Select(step =>
    {
        var moves = new Dictionary<string, decimal>(step.Moves, StringComparer.Ordinal);
        foreach (var (follower, leader) in Followers)
        {
            if (step.Moves.TryGetValue(leader, out var move) && !moves.ContainsKey(follower)) moves[follower] = move;
        }

        return new Shock(moves);
    }));

    /// <summary>The cascade setup for venues on this market under a shock path (followers already applied).</summary>
    public CascadeSetup Setup(IReadOnlyList<VenueSetup> venues, ShockPath shock) => new()
    {
        Assets = Assets,
        Instruments = Instruments,
        Venues = venues,
        Shock = shock,
    };
}
