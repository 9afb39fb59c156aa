using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using MarginRules.Cascade;

namespace MarginRules.Cli.Simulation;

/// <summary>
/// A progress line on standard error, redrawn in place. It appears only once a run has taken a second, only when
/// standard error is the process's own terminal, and never with <c>--json</c>; it is erased when the run ends.
/// </summary>
internal sealed class ProgressLine : IProgress<CascadeProgress>, IDisposable
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private readonly TextWriter? _writer;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private int _width;

    private ProgressLine(TextWriter? writer)
    {
        _writer = writer;
    }

    /// <summary>The progress line for a command: active only on an interactive standard error and without <c>--json</c>.</summary>
    public static ProgressLine For(CliConsole console, bool json)
    {
        var interactive = !json && ReferenceEquals(console.Error, Console.Error) && !Console.IsErrorRedirected;
        return new ProgressLine(interactive ? console.Error : null);
    }

    /// <summary>Shows a finished cascade round.</summary>
    public void Report(CascadeProgress value) =>
        Show(string.Create(CultureInfo.InvariantCulture, $"round {value.Round} (at most {value.MaxRounds}), {value.AccountsLiquidated} accounts liquidated"));

    /// <summary>Shows how many sweep points are done, as a bar.</summary>
    public void Points(int done, int total)
    {
        const int width = 30;
        var filled = total == 0 ? width : done * width / total;
        Show(string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('-', width - filled)}] {done}/{total} points"));
    }

    /// <summary>Erases the line if it was shown.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_writer is null || _width == 0) return;
            _writer.Write("\r" + new string(' ', _width) + "\r");
            _writer.Flush();
            _width = 0;
        }
    }

    private void Show(string text)
    {
        if (_writer is null || _clock.Elapsed < Delay) return;
        lock (_gate)
        {
            var line = string.Create(CultureInfo.InvariantCulture, $"{text}, {_clock.Elapsed.TotalSeconds:0.0} s");
            _writer.Write("\r" + line.PadRight(_width));
            _writer.Flush();
            _width = Math.Max(_width, line.Length);
        }
    }
}
