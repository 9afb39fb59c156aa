using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Cascade;

namespace MarginRules.Cli.Simulation;

/// <summary>A finished simulation: what went in (market, venues, shock, limits) and the cascade's result.</summary>
/// <param name="Market">The market.</param>
/// <param name="Venues">The venues, in the order given.</param>
/// <param name="Shock">The shock.</param>
/// <param name="MaxRounds">The round limit.</param>
/// <param name="Result">The cascade's result.</param>
internal sealed record SimulationRun(SimulationMarket Market, IReadOnlyList<SimulationVenue> Venues, ShockChoice Shock, int MaxRounds, CascadeResult Result)
{
    /// <summary>Runs a simulation.</summary>
    /// <exception cref="CascadeException">The setup is invalid or an account cannot be evaluated.</exception>
    public static SimulationRun Execute(SimulationMarket market, IReadOnlyList<SimulationVenue> venues, ShockChoice shock, int maxRounds, int threads, IProgress<CascadeProgress>? progress)
    {
        var setup = market.Setup(venues.Select(v => v.Setup).ToArray(), shock.Path);
        var options = new CascadeOptions { MaxRounds = maxRounds, MaxDegreeOfParallelism = threads, Volatility = market.Volatility };
        return new SimulationRun(market, venues, shock, maxRounds, CascadeEngine.Run(setup, options, progress));
    }

    /// <summary>
    /// The price of each shocked asset before the shock (index 0), at each round's mark (1…n), and after the last
    /// round's impact when that differs from the last mark (n + 1).
    /// </summary>
    public IReadOnlyList<IReadOnlyDictionary<string, decimal>> PricePath()
    {
        var path = new List<IReadOnlyDictionary<string, decimal>> { Market.StartPrices };
        path.AddRange(Result.Rounds.Select(r => r.Prices));
        var last = path[^1];
        if (Result.FinalPrices.Any(p => last[p.Key] != p.Value)) path.Add(Result.FinalPrices);
        return path;
    }

    /// <summary>Each account's equity by venue, evaluated with the venue's policy before the shock (initial accounts, initial prices) and after the run (final accounts, final prices).</summary>
    /// <exception cref="MarginRules.Evaluation.PolicyEvaluationException">An account cannot be evaluated.</exception>
    public IReadOnlyList<(string Venue, decimal[] Before, decimal[] After)> Equities()
    {
        var before = Market.Quotes(Market.StartPrices);
        var after = Market.Quotes(Result.FinalPrices);
        return Venues.Select(v => (
            v.Name,
            v.Accounts.Select(a => v.Policy.Evaluate(a, before).Equity).ToArray(),
            Result.FinalAccounts[v.Name].Select(a => v.Policy.Evaluate(a, after).Equity).ToArray())).ToArray();
    }

    /// <summary>The stop reason in words.</summary>
    public static string StopText(CascadeStopReason reason) => reason switch
    {
        CascadeStopReason.Fixpoint => "fixpoint: the last round changed nothing",
        _ => "round limit: prices were still moving",
    };

    /// <summary>The stop reason as the JSON output writes it.</summary>
    public static string StopCode(CascadeStopReason reason) => reason == CascadeStopReason.Fixpoint ? "fixpoint" : "roundLimit";
}
