using System.Diagnostics;
using MarginRules.Language.Binding;
using MarginRules.Language.Parsing;

namespace MarginRules.Benchmarks.Parsing;

/// <summary>
/// The `parse` mode: Stopwatch timings of the front end, warm, on the calling thread. The 502-line policy is timed by
/// stage (parse, check, the whole <c>MarginPolicy.Compile</c>); the 16-line policy by parse and check, as the analyzer runs them.
/// </summary>
public static class FrontEndRun
{
    private const int Rounds = 15;

    /// <summary>Runs the mode and prints one Markdown row per measurement. Returns the exit code.</summary>
    public static int Run()
    {
        var large = GeneratedPolicies.Large();
        var small = GeneratedPolicies.Small(7);
        foreach (var (name, text) in new[] { ("large", large), ("small", small) })
        {
            var result = PolicyChecker.Check(text);
            if (result.Diagnostics.Any(d => d.Severity == Language.Diagnostics.DiagnosticSeverity.Error))
            {
                Console.Error.WriteLine($"the generated {name} policy does not check: {result.Diagnostics.First(d => d.Severity == Language.Diagnostics.DiagnosticSeverity.Error)}");
                return 1;
            }
        }

        Console.WriteLine($"large policy: {large.Split('\n').Length} lines; small policy: {small.Split('\n').Length} lines");
        Console.WriteLine("| Measurement | median | min |");
        Console.WriteLine("|---|---:|---:|");
        Report("Parse, 502 lines", Time(() => SyntaxTree.Parse(large), 1), "ms", 1e3);
        Report("Check (parse + bind), 502 lines", Time(() => PolicyChecker.Check(large), 1), "ms", 1e3);
        Report("MarginPolicy.Compile, 502 lines", Time(() => MarginPolicy.Compile(large), 1), "ms", 1e3);
        Report("Parse, 16 lines", Time(() => SyntaxTree.Parse(small), 200), "µs", 1e6);
        Report("Check (parse + bind), 16 lines", Time(() => PolicyChecker.Check(small), 200), "µs", 1e6);
        return 0;
    }

    private static void Report(string name, double[] seconds, string unit, double scale)
    {
        Array.Sort(seconds);
        Console.WriteLine($"| {name} | {seconds[seconds.Length / 2] * scale:F1} {unit} | {seconds[0] * scale:F1} {unit} |");
    }

    // Seconds per call for each round, after warm-up rounds that JIT every path.
    private static double[] Time(Func<object> action, int callsPerRound)
    {
        for (var i = 0; i < 3; i++)
            for (var j = 0; j < callsPerRound; j++) action();
        var seconds = new double[Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            var sw = Stopwatch.StartNew();
            for (var j = 0; j < callsPerRound; j++) action();
            seconds[r] = sw.Elapsed.TotalSeconds / callsPerRound;
        }

        return seconds;
    }
}
