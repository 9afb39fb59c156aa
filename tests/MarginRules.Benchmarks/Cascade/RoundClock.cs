using System.Diagnostics;
using MarginRules.Cascade;

namespace MarginRules.Benchmarks.Cascade;

/// <summary>Records the wall-clock time of each cascade round from the engine's synchronous progress reports.</summary>
internal sealed class RoundClock : IProgress<CascadeProgress>
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _last;

    /// <summary>Milliseconds per round, in round order.</summary>
    public List<long> RoundMilliseconds { get; } = new();

    public void Report(CascadeProgress value)
    {
        var now = _watch.ElapsedMilliseconds;
        RoundMilliseconds.Add(now - _last);
        _last = now;
    }
}
