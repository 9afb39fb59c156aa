using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using MarginRules.Accounts;
using MarginRules.Benchmarks.Contestants;
using MarginRules.Benchmarks.Scenario;

namespace MarginRules.Benchmarks;

/// <summary>
/// The `quick` mode: times every contestant on the calling thread with a Stopwatch and prints a Markdown table of
/// ns/op, the ratio to the baseline and bytes allocated per op. Seconds instead of BenchmarkDotNet's minutes, and noisier.
/// </summary>
public static class QuickRun
{
    private const int Rounds = 21;
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan JitQuiet = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan WarmUpLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RoundTarget = TimeSpan.FromMilliseconds(50);

    /// <summary>Runs the quick mode; an optional first argument fixes the iterations per round. Returns the exit code.</summary>
    public static int Run(ReadOnlySpan<string> args)
    {
        long? fixedIterations = null;
        if (args.Length > 0)
        {
            if (!long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                Console.Error.WriteLine($"usage: quick [iterations-per-round]; `{args[0]}` is not a positive whole number");
                return 2;
            }

            fixedIterations = n;
        }

        var contestants = ContestantRoster.Create();
        ContestantAgreement.Verify(contestants);

        var account = BenchmarkCases.FivePositions.Account;
        var market = BenchmarkCases.FivePositions.Market;
        var iterations = contestants.Select(c => fixedIterations ?? Calibrate(c, account, market)).ToArray();

        // Rounds are interleaved across contestants, so a burst of load from elsewhere on the machine lands on
        // everyone's rounds alike instead of skewing one contestant's ratio.
        var nsPerOp = new double[contestants.Count][];
        var allocated = new long[contestants.Count];
        for (var c = 0; c < contestants.Count; c++) nsPerOp[c] = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            for (var c = 0; c < contestants.Count; c++)
            {
                var (ns, bytes) = TimeRound(contestants[c], account, market, iterations[c]);
                nsPerOp[c][round] = ns;
                allocated[c] += bytes;
            }
        }

        // Round r of every contestant ran next to round r of the baseline, under much the same load, so the median
        // of the per-round ratios is steadier than the ratio of two medians taken at different times.
        var measurements = new List<QuickMeasurement>();
        for (var c = 0; c < contestants.Count; c++)
        {
            var sorted = nsPerOp[c].Order().ToArray();
            var pairedRatios = nsPerOp[c].Zip(nsPerOp[0], (mine, baseline) => mine / baseline).Order().ToArray();
            measurements.Add(new QuickMeasurement(
                contestants[c].Name,
                iterations[c],
                sorted[Rounds / 2],
                sorted[0],
                sorted[^1],
                pairedRatios[Rounds / 2],
                (double)allocated[c] / (Rounds * iterations[c])));
        }

        Print(measurements);
        return 0;
    }

    // Warms up until tiered compilation has promoted the hot methods, and returns the iteration count that makes one
    // round last about RoundTarget. A fixed warm-up is not enough on a loaded machine: the background tier-1 compiles
    // can starve, and a contestant would then be timed as tier-0 code. So the warm-up lasts at least WarmUp and
    // until no method has been JIT-compiled for JitQuiet, up to WarmUpLimit.
    private static long Calibrate(ITieredMarginContestant contestant, Account account, Market market)
    {
        var warm = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        var lastCompile = warm.Elapsed;
        long calls = 0;
        while (warm.Elapsed < WarmUpLimit && (warm.Elapsed < WarmUp || warm.Elapsed - lastCompile < JitQuiet || calls < 1_000))
        {
            for (var i = 0; i < 16; i++) contestant.Evaluate(account, market);
            calls += 16;
            var nowCompiled = JitInfo.GetCompiledMethodCount();
            if (nowCompiled != compiled)
            {
                compiled = nowCompiled;
                lastCompile = warm.Elapsed;
            }
        }

        // Calibrate on a short steady-state run rather than on the warm-up, which included the slow tier-0 calls.
        var probe = Stopwatch.StartNew();
        long probeCalls = 0;
        while (probe.Elapsed < RoundTarget / 4)
        {
            contestant.Evaluate(account, market);
            probeCalls++;
        }

        return Math.Max(1, (long)(probeCalls * (RoundTarget / probe.Elapsed)));
    }

    private static (double NsPerOp, long Bytes) TimeRound(ITieredMarginContestant contestant, Account account, Market market, long iterations)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        long liquidatable = 0;
        var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        var started = Stopwatch.GetTimestamp();
        for (long i = 0; i < iterations; i++)
        {
            // Counting a result keeps every call observable without adding decimal work to the loop.
            if (contestant.Evaluate(account, market).Liquidatable) liquidatable++;
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var bytes = GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
        if (liquidatable != iterations)
            throw new InvalidOperationException($"{contestant.Name} stopped flagging the benchmark account as liquidatable");

        return (elapsed.TotalNanoseconds / iterations, bytes);
    }

    private static void Print(IReadOnlyList<QuickMeasurement> measurements)
    {
        var baseline = measurements[0];
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"Tiered maintenance margin, {BenchmarkCases.FivePositions.Name}: {Rounds} interleaved rounds of about {RoundTarget.TotalMilliseconds:0} ms per contestant after a warm-up of at least {WarmUp.TotalMilliseconds:0} ms each that waits for the JIT to go quiet.");
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} logical CPUs");
        Console.WriteLine();
        Console.WriteLine("| Contestant | ns/op (median) | ns/op (min) | Ratio (paired median) | Ratio (min/min) | Allocated B/op |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var m in measurements)
        {
            Console.WriteLine(string.Format(
                inv,
                "| {0} | {1:N1} | {2:N1} | {3:0.00}× | {4:0.00}× | {5:N0} |",
                m.Name, m.MedianNs, m.MinNs, m.PairedRatio, m.MinNs / baseline.MinNs, m.BytesPerOp));
        }

        Console.WriteLine();
        Console.WriteLine(string.Format(inv, "Slowest round per contestant (ns/op): {0}.", string.Join(", ", measurements.Select(m => string.Format(inv, "{0:N1}", m.MaxNs)))));
    }
}
