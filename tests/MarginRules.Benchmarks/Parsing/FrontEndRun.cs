using System.Diagnostics;
using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;
using MarginRules.Language.Text;

namespace MarginRules.Benchmarks.Parsing;

/// <summary>
/// The `parse` mode: Stopwatch timings of the front end, warm, on the calling thread. The 502-line policy is timed by
/// stage (tokenize, parse, check, the whole <c>MarginPolicy.Compile</c>); the 16-line policy by parse and check, as the
/// analyzer runs them. Each is also timed with the Superpower grammar alone (the parser before the hand-written one),
/// in interleaved rounds, so the ratio holds even on a loaded machine.
/// </summary>
public static class FrontEndRun
{
    private const int Rounds = 21;

    /// <summary>Runs the mode and prints a Markdown table. Returns the exit code.</summary>
    public static int Run()
    {
        var large = GeneratedPolicies.Large();
        var small = GeneratedPolicies.Small(7);
        foreach (var (name, text) in new[] { ("large", large), ("small", small) })
        {
            var error = PolicyChecker.Check(text).Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
            if (error != null)
            {
                Console.Error.WriteLine($"the generated {name} policy does not check: {error}");
                return 1;
            }
        }

        var measurements = new (string Name, Func<object> Action, int Calls, string Unit, double Scale)[]
        {
            ("Tokenize, 502 lines", () => Tokenizer.Tokenize(large, new DiagnosticBag(new SourceText(large))), 1, "ms", 1e3),
            ("Parse, 502 lines", () => SyntaxTree.Parse(large), 1, "ms", 1e3),
            ("Parse, 502 lines, grammar only", () => PolicyParser.Parse(new SourceText(large), useFastPath: false), 1, "ms", 1e3),
            ("Check (parse + bind), 502 lines", () => PolicyChecker.Check(large), 1, "ms", 1e3),
            ("Check, 502 lines, grammar only", () => PolicyChecker.Check(PolicyParser.Parse(new SourceText(large), useFastPath: false)), 1, "ms", 1e3),
            ("MarginPolicy.Compile, 502 lines", () => MarginPolicy.Compile(large), 1, "ms", 1e3),
            ("Parse, 16 lines", () => SyntaxTree.Parse(small), 200, "µs", 1e6),
            ("Parse, 16 lines, grammar only", () => PolicyParser.Parse(new SourceText(small), useFastPath: false), 20, "µs", 1e6),
            ("Check (parse + bind), 16 lines", () => PolicyChecker.Check(small), 200, "µs", 1e6),
            ("Check, 16 lines, grammar only", () => PolicyChecker.Check(PolicyParser.Parse(new SourceText(small), useFastPath: false)), 20, "µs", 1e6),
        };

        foreach (var m in measurements)
            for (var i = 0; i < 3 * m.Calls; i++) m.Action();

        // Rounds are interleaved so that load from elsewhere on the machine falls on every measurement alike.
        var seconds = measurements.Select(_ => new double[Rounds]).ToArray();
        for (var r = 0; r < Rounds; r++)
        {
            for (var k = 0; k < measurements.Length; k++)
            {
                var sw = Stopwatch.StartNew();
                for (var j = 0; j < measurements[k].Calls; j++) measurements[k].Action();
                seconds[k][r] = sw.Elapsed.TotalSeconds / measurements[k].Calls;
            }
        }

        Console.WriteLine($"large policy: {large.Split('\n').Length} lines; small policy: {small.Split('\n').Length} lines; {Rounds} rounds");
        Console.WriteLine("| Measurement | median | min |");
        Console.WriteLine("|---|---:|---:|");
        for (var k = 0; k < measurements.Length; k++)
        {
            var sorted = seconds[k].Order().ToArray();
            var (name, _, _, unit, scale) = measurements[k];
            Console.WriteLine($"| {name} | {sorted[Rounds / 2] * scale:F1} {unit} | {sorted[0] * scale:F1} {unit} |");
        }

        return 0;
    }
}
