using System.Diagnostics;
using MarginRules.Cascade;

namespace MarginRules.Benchmarks.Cascade;

/// <summary>Records the wall-clock time of each cascade round, and the GC heap and working set after it, from the engine's synchronous progress reports.</summary>
internal sealed class RoundClock : IProgress<CascadeProgress>
{
    private readonly Stopwatch _watch = Stopwatch.StartNew();
    private long _last;

    /// <summary>Milliseconds per round, in round order.</summary>
    public List<long> RoundMilliseconds { get; } = new();

    /// <summary>The GC heap after each round, in MB.</summary>
    public List<long> HeapMegabytes { get; } = new();

    /// <summary>The process's peak working set after each round, in MB.</summary>
    public List<long> PeakMegabytes { get; } = new();

    public void Report(CascadeProgress value)
    {
        var now = _watch.ElapsedMilliseconds;
        RoundMilliseconds.Add(now - _last);
        HeapMegabytes.Add(GC.GetTotalMemory(false) / 1_048_576);
        PeakMegabytes.Add(Process.GetCurrentProcess().PeakWorkingSet64 / 1_048_576);
        _last = now;
    }
}
