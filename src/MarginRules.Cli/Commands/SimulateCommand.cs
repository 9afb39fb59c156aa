using System;
using System.Collections.Generic;
using MarginRules.Cli.Reports;
using MarginRules.Cli.Simulation;

namespace MarginRules.Cli.Commands;

/// <summary><c>marginrules simulate</c>: runs one cascade over venues on a shared market and prints each round and the summary.</summary>
internal sealed class SimulateCommand : ICommand
{
    public string Name => "simulate";

    public string Summary => "Run a liquidation cascade after a price shock";

    public string Help => """
        Usage: marginrules simulate <venue files…> --market <file> --shock <spec | scenario.json[#name]>
                                    [--rounds N] [--threads N] [--report out.html] [--json]

        Applies a price shock to a shared market and runs the margin-call spiral across the venues:
        each round marks every account, issues calls, liquidates, covers bad debt and moves prices
        by the forced selling. Prints a table per round and the summary: the initial shock, the
        final move and its amplification per asset, liquidations, bad debt and why the run stopped.
        The file formats are described in docs/cli.md, "Simulation files".

        Options:
          --market <file>    the market: assets, impact models, instruments (required)
          --shock <shock>    moves such as BTC=-20%,ETH=-25%, a path such as BTC=-10%;-5%;-5%,
                             or a scenario file, scenario.json or scenario.json#name (required)
          --rounds N         the round limit (default 100)
          --threads N        threads for the per-account work (default: all cores); results
                             do not depend on it
          --report <file>    also write a self-contained HTML report with charts
          --json             print one JSON document instead of tables

        Example:
          marginrules simulate examples/venues/binance-perps.json examples/venues/aave-lending.json \
            --market examples/markets/crypto.json --shock BTC=-20%,ETH=-25% --report out/report.html
        """;

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, ["--market", "--shock", "--rounds", "--threads", "--report"], ["--json"]);
        var json = a.Has("--json");
        var rounds = a.Int("--rounds", 100, 1, 100_000);
        var threads = a.Int("--threads", Environment.ProcessorCount, 1, 1024);
        var report = a.Value("--report");
        var market = SimulationMarketFile.Load(a.Required("--market"));
        var shock = ShockInput.Resolve(a.Required("--shock"), market);
        var venues = VenueList.Load(a.Positional, market);

        SimulationRun run;
        using (var progress = ProgressLine.For(console, json))
        {
            run = SimulationRun.Execute(market, venues, shock, rounds, threads, progress);
        }

        if (report is not null) SimulationReport.Write(report, run);
        if (json)
        {
            SimulationOutput.WriteJson(console.Out, run, report);
            return ExitCodes.Success;
        }

        SimulationOutput.WriteText(console.Out, run, console);
        if (report is not null)
        {
            console.Out.WriteLine();
            console.Out.WriteLine($"Report written to {report}");
        }

        return ExitCodes.Success;
    }
}
