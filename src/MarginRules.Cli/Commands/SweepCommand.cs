using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MarginRules.Cascade;
using MarginRules.Cascade.Shocks;
using MarginRules.Cli.Reports;
using MarginRules.Cli.Simulation;
using MarginRules.Language.Text;

namespace MarginRules.Cli.Commands;

/// <summary><c>marginrules sweep</c>: runs one cascade per point of a shock or parameter range, in parallel, and finds where the spiral tips over.</summary>
internal sealed class SweepCommand : ICommand
{
    public string Name => "sweep";

    public string Summary => "Run cascades over a range of shocks or parameter values";

    public string Help => """
        Usage: marginrules sweep <venue files…> --market <file>
                                 (--shock-range ASSET=start..end/step | --param-range NAME=start..end/step --shock <shock>)
                                 [--rounds N] [--threads N] [--tip-jump X] [--report out.html] [--json]

        Runs one simulation per point of a range, in parallel, and prints the swept value against
        the amplification of the shocked assets, the accounts liquidated, the total liquidated and
        the bad debt. Marks the first point where the spiral tips over: the amplification of a
        shocked asset rises by more than --tip-jump from the previous point, or bad debt first
        appears. Points run from start towards end; end is included when a step lands on it.

        Options:
          --market <file>        the market: assets, impact models, instruments (required)
          --shock-range <range>  sweep one asset's shock, such as BTC=-5%..-50%/5%
          --param-range <range>  sweep a policy parameter on every venue whose policy has it,
                                 such as maintenance_rate=20%..40%/5% or initial_leverage=10..30/5
          --shock <shock>        the shock of a parameter sweep: a spec such as BTC=-20%
                                 or a scenario file (see `marginrules simulate --help`)
          --rounds N             the round limit of each run (default 100)
          --threads N            runs at the same time (default: all cores)
          --tip-jump X           the rise in amplification that counts as tipping over (default 0.1)
          --report <file>        also write a self-contained HTML report with charts
          --json                 print one JSON document instead of the table

        Example:
          marginrules sweep examples/venues/binance-perps.json examples/venues/aave-lending.json \
            --market examples/markets/crypto.json --shock-range BTC=-5%..-40%/5%
        """;

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, ["--market", "--shock-range", "--param-range", "--shock", "--rounds", "--threads", "--tip-jump", "--report"], ["--json"]);
        var json = a.Has("--json");
        var rounds = a.Int("--rounds", 100, 1, 100_000);
        var threads = a.Int("--threads", Environment.ProcessorCount, 1, 1024);
        var jump = Jump(a.Value("--tip-jump"));
        var report = a.Value("--report");
        var shockRange = a.Value("--shock-range");
        var paramRange = a.Value("--param-range");
        if (shockRange is null == paramRange is null) throw new UsageException("error: give either --shock-range or --param-range");
        if (shockRange is not null && a.Value("--shock") is not null)
        {
            throw new UsageException("error: --shock is for --param-range sweeps; a shock sweep takes its moves from --shock-range");
        }

        var market = SimulationMarketFile.Load(a.Required("--market"));
        var shock = paramRange is null ? null : ShockInput.Resolve(a.Required("--shock"), market);
        var range = shockRange is not null ? SweepRange.Parse(shockRange, "--shock-range", percent: true) : SweepRange.Parse(paramRange!, "--param-range", percent: false);
        if (shockRange is not null) RequireAsset(range, market);
        var venues = VenueList.Load(a.Positional, market);

        var swept = shockRange is null ? SweptVenues(range, venues) : [];
        var setups = shockRange is not null ? ShockSetups(range, market, venues) : ParameterSetups(range, market, venues, shock!);
        IReadOnlyList<CascadeSummary> points;
        using (var progress = ProgressLine.For(console, json))
        {
            points = SweepRun.Execute(setups, rounds, threads, progress, market.Volatility);
        }

        var run = new SweepRun
        {
            Market = market,
            Venues = venues,
            Range = range,
            SweepsShock = shockRange is not null,
            Shock = shock,
            SweptVenues = swept.Select(v => v.Name).ToArray(),
            Assets = shock?.GivenAssets ?? [range.Name],
            MaxRounds = rounds,
            Jump = jump,
            Points = points,
        };

        if (report is not null) SweepReport.Write(report, run);
        if (json)
        {
            SweepOutput.WriteJson(console.Out, run, report);
            return ExitCodes.Success;
        }

        SweepOutput.WriteText(console.Out, run, console);
        if (report is not null)
        {
            console.Out.WriteLine();
            console.Out.WriteLine($"Report written to {report}");
        }

        return ExitCodes.Success;
    }

    private static decimal Jump(string? text)
    {
        if (text is null) return TippingPoint.DefaultJump;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"error: --tip-jump takes a number of 0 or more, such as 0.1, not `{text}`");
    }

    private static void RequireAsset(SweepRange range, SimulationMarket market)
    {
        if (market.AssetSymbols.Contains(range.Name, StringComparer.Ordinal)) return;
        var suggestion = SpellingSuggestion.Closest(range.Name, market.AssetSymbols);
        var hint = suggestion is null ? $"; known assets: {string.Join(", ", market.AssetSymbols)}" : $"; did you mean `{suggestion}`?";
        throw new UsageException($"error: --shock-range `{range.Text}`: column {range.Text.IndexOf(range.Name, StringComparison.Ordinal) + 1}: unknown asset `{range.Name}`{hint}");
    }

    private static IReadOnlyList<SimulationVenue> SweptVenues(SweepRange range, IReadOnlyList<SimulationVenue> venues)
    {
        var swept = venues.Where(v => v.HasParameter(range.Name)).ToArray();
        if (swept.Length > 0) return swept;
        var all = venues.SelectMany(v => v.Policy.Checked.Parameters.Select(p => p.Name)).Distinct().ToArray();
        var suggestion = SpellingSuggestion.Closest(range.Name, all);
        var hint = suggestion is not null ? $"; did you mean `{suggestion}`?" : all.Length > 0 ? $"; the policies have {string.Join(", ", all)}" : "; the policies have no parameters";
        throw new UsageException($"error: --param-range `{range.Text}`: column {range.Text.IndexOf(range.Name, StringComparison.Ordinal) + 1}: no venue's policy has a parameter `{range.Name}`{hint}");
    }

    private static IReadOnlyList<CascadeSetup> ShockSetups(SweepRange range, SimulationMarket market, IReadOnlyList<SimulationVenue> venues)
    {
        var venueSetups = venues.Select(v => v.Setup).ToArray();
        return Enumerable.Range(0, range.Numbers.Count).Select(i =>
        {
            var path = new ShockPath(new Shock([new KeyValuePair<string, decimal>(range.Name, range.Fraction(i))]));
            return market.Setup(venueSetups, market.WithFollowers(path));
        }).ToArray();
    }

    private static IReadOnlyList<CascadeSetup> ParameterSetups(SweepRange range, SimulationMarket market, IReadOnlyList<SimulationVenue> venues, ShockChoice shock)
    {
        return Enumerable.Range(0, range.Numbers.Count).Select(i =>
        {
            var value = range.PointText(i);
            var setups = venues.Select(v =>
            {
                if (!v.HasParameter(range.Name)) return v.Setup;
                try
                {
                    return v.WithParameter(range.Name, value).Setup;
                }
                catch (PolicyCompilationException e)
                {
                    var problem = VenueFile.OverrideParameter(e) == range.Name ? e.Diagnostics.First(d => d.Severity == MarginRules.Language.Diagnostics.DiagnosticSeverity.Error).Message : VenueFile.FirstError(e);
                    throw new UsageException($"error: --param-range `{range.Text}`: column {range.StartColumn}: {problem}");
                }
            }).ToArray();
            return market.Setup(setups, shock.Path);
        }).ToArray();
    }
}
