using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using MarginRules.Benchmarks.Contestants;
using MarginRules.Benchmarks.Scenario;

namespace MarginRules.Benchmarks;

/// <summary>
/// The `quick` mode: times every contestant on the calling thread with a Stopwatch and prints a Markdown table of
/// ns/op, the ratio to the baseline and bytes allocated per op. Minutes faster than BenchmarkDotNet, and noisier.
/// </summary>
public static class QuickRun
{
    private const int Rounds = 7;
    private static readonly TimeSpan WarmUp = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan RoundTarget = TimeSpan.FromMilliseconds(200);

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

        var measurements = contestants.Select(c => Measure(c, fixedIterations)).ToList();
        Print(measurements);
        return 0;
    }

    private static QuickMeasurement Measure(ITieredMarginContestant contestant, long? fixedIterations)
    {
        var account = BenchmarkCases.FivePositions.Account;
        var market = BenchmarkCases.FivePositions.Market;

        // Warm-up long enough for tiered compilation to promote the hot methods, and to learn the iteration count
        // that makes one round last about RoundTarget.
        var warm = Stopwatch.StartNew();
        long warmOps = 0;
        while (warm.Elapsed < WarmUp || warmOps < 1_000)
        {
            contestant.Evaluate(account, market);
            warmOps++;
        }

        var iterations = fixedIterations ?? Math.Max(1, (long)(warmOps * (RoundTarget / warm.Elapsed)));
        var nsPerOp = new double[Rounds];
        long allocated = 0;
        long liquidatable = 0;
        for (var round = 0; round < Rounds; round++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            var bytesBefore = GC.GetAllocatedBytesForCurrentThread();
            var started = Stopwatch.GetTimestamp();
            for (long i = 0; i < iterations; i++)
            {
                // Counting a result keeps every call observable without adding decimal work to the loop.
                if (contestant.Evaluate(account, market).Liquidatable) liquidatable++;
            }

            var elapsed = Stopwatch.GetElapsedTime(started);
            allocated += GC.GetAllocatedBytesForCurrentThread() - bytesBefore;
            nsPerOp[round] = elapsed.TotalNanoseconds / iterations;
        }

        if (liquidatable != Rounds * iterations)
            throw new InvalidOperationException($"{contestant.Name} stopped flagging the benchmark account as liquidatable");

        Array.Sort(nsPerOp);
        return new QuickMeasurement(contestant.Name, iterations, nsPerOp[Rounds / 2], nsPerOp[0], nsPerOp[^1], (double)allocated / (Rounds * iterations));
    }

    private static void Print(IReadOnlyList<QuickMeasurement> measurements)
    {
        var baseline = measurements[0].MedianNs;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine($"Tiered maintenance margin, {BenchmarkCases.FivePositions.Name}: {Rounds} rounds per contestant after a {WarmUp.TotalMilliseconds:0} ms warm-up, median shown.");
        Console.WriteLine($"{RuntimeInformation.FrameworkDescription}, {RuntimeInformation.OSDescription}, {RuntimeInformation.ProcessArchitecture}, {Environment.ProcessorCount} logical CPUs");
        Console.WriteLine();
        Console.WriteLine("| Contestant | ns/op (median) | min–max ns/op | Ratio | Allocated B/op | Iterations/round |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var m in measurements)
        {
            Console.WriteLine(string.Format(
                inv,
                "| {0} | {1:N1} | {2:N1}–{3:N1} | {4:0.00}× | {5:N0} | {6:N0} |",
                m.Name, m.MedianNs, m.MinNs, m.MaxNs, m.MedianNs / baseline, m.BytesPerOp, m.Iterations));
        }
    }
}
