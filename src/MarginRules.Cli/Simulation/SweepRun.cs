using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Cascade;
using MarginRules.Cascade.Shocks;

namespace MarginRules.Cli.Simulation;

/// <summary>A finished sweep: one cascade per point of a shock range or a parameter range, and where the spiral tips over.</summary>
internal sealed record SweepRun
{
    /// <summary>The market.</summary>
    public required SimulationMarket Market { get; init; }

    /// <summary>The venues as their files give them, before any swept parameter.</summary>
    public required IReadOnlyList<SimulationVenue> Venues { get; init; }

    /// <summary>The swept range.</summary>
    public required SweepRange Range { get; init; }

    /// <summary>True for a shock sweep, false for a parameter sweep.</summary>
    public required bool SweepsShock { get; init; }

    /// <summary>The fixed shock of a parameter sweep; null for a shock sweep.</summary>
    public required ShockChoice? Shock { get; init; }

    /// <summary>The venues whose policy takes the swept parameter (empty for a shock sweep).</summary>
    public required IReadOnlyList<string> SweptVenues { get; init; }

    /// <summary>The assets whose amplification the table reports and the tipping point watches.</summary>
    public required IReadOnlyList<string> Assets { get; init; }

    /// <summary>The round limit of each run.</summary>
    public required int MaxRounds { get; init; }

    /// <summary>The jump threshold of <see cref="TippingPoint"/>.</summary>
    public required decimal Jump { get; init; }

    /// <summary>Each point's summary, in sweep order.</summary>
    public required IReadOnlyList<CascadeSummary> Points { get; init; }

    /// <summary>Where the spiral tips over, or null.</summary>
    public TippingPoint? Tip => TippingPoint.Find(Points, Assets, Jump);

    /// <summary>The swept variable's name as a column heading: <c>BTC shock</c> or the parameter name.</summary>
    public string Variable => SweepsShock ? $"{Range.Name} shock" : Range.Name;

    /// <summary>A point as the table shows it: <c>-25.00%</c> for a shock, the override text for a parameter.</summary>
    public string Label(int index) => SweepsShock ? NumberText.Percent(Range.Fraction(index)) : Range.PointText(index);

    /// <summary>
    /// Runs every point in parallel, each run on one thread, reporting each finished point. Points that differ only in
    /// their shock share health certificates (<see cref="CascadeEngine.Sweep"/>).
    /// </summary>
    /// <exception cref="CascadeException">A run failed.</exception>
    public static IReadOnlyList<CascadeSummary> Execute(IReadOnlyList<CascadeSetup> setups, int maxRounds, int threads, ProgressLine progress, VolatilityEstimate? volatility = null)
    {
        var options = new CascadeOptions { MaxRounds = maxRounds, MaxDegreeOfParallelism = 1, Volatility = volatility };
        return CascadeEngine.Sweep(setups, options, threads, done => progress.Points(done, setups.Count));
    }
}
