using System.Diagnostics;
using MarginRules.Accounts;
using MarginRules.Compilation;
using Splitting = MarginRules.Compilation.Splitting;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;

namespace MarginRules.Benchmarks.Parsing;

/// <summary>
/// The `compile` mode: Stopwatch timings of compiling the generated large policy cut to 50, 100, 200 and 400
/// definitions, by stage (check, the rewrite passes, the whole compile to delegates, the first evaluation, which shows
/// any JIT work Compile() left), warm, median and best of interleaved rounds; then the 400-definition policy compiled
/// with several sizes of the parts of Run, and one evaluation of each.
/// </summary>
public static class CompileRun
{
    private const int Rounds = 9;

    /// <summary>Runs the mode and prints a Markdown table. Returns the exit code.</summary>
    public static int Run()
    {
        var sizes = new[] { 50, 100, 200, 400 };
        var @case = Scenario.BenchmarkCases.FivePositions;
        var texts = sizes.Select(n => GeneratedPolicies.Large(n)).ToArray();
        var checkedPolicies = texts.Select(t => PolicyChecker.Check(t).Policy ?? throw new InvalidOperationException("the generated policy does not check")).ToArray();
        var stages = new (string Name, Func<int, Action> Prepare)[]
        {
            ("Check", n => () => PolicyChecker.Check(texts[n])),
            ("Rewrite passes", n => () => new RewritePasses(checkedPolicies[n])),
            ("Compile to delegates", n => () => new LinqProgram(checkedPolicies[n], new FrameLayout(checkedPolicies[n]))),
            ("First evaluation", n =>
            {
                var program = new LinqProgram(checkedPolicies[n], new FrameLayout(checkedPolicies[n]));
                var frame = program.CreateFrame();
                return () => program.Run(@case.Account, @case.Market, frame);
            }),
            ("MarginPolicy.Compile", n => () => MarginPolicy.Compile(texts[n])),
        };

        for (var n = 0; n < sizes.Length; n++)
            foreach (var stage in stages) stage.Prepare(n)();

        var seconds = new double[stages.Length, sizes.Length, Rounds];
        for (var r = 0; r < Rounds; r++)
        {
            for (var n = 0; n < sizes.Length; n++)
            {
                for (var k = 0; k < stages.Length; k++)
                {
                    var action = stages[k].Prepare(n);
                    var sw = Stopwatch.StartNew();
                    action();
                    seconds[k, n, r] = sw.Elapsed.TotalSeconds;
                }
            }
        }

        Console.WriteLine($"{Rounds} rounds; ms, median / min");
        Console.WriteLine("| Stage | " + string.Join(" | ", sizes.Select(s => $"{s} definitions")) + " |");
        Console.WriteLine("|---|" + string.Concat(sizes.Select(_ => "---:|")));
        for (var k = 0; k < stages.Length; k++)
        {
            var cells = new List<string>();
            for (var n = 0; n < sizes.Length; n++)
            {
                var sorted = Enumerable.Range(0, Rounds).Select(r => seconds[k, n, r] * 1e3).Order().ToArray();
                cells.Add($"{sorted[Rounds / 2]:F1} / {sorted[0]:F1}");
            }

            Console.WriteLine($"| {stages[k].Name} | " + string.Join(" | ", cells) + " |");
        }

        // The same 400-definition policy with other budgets for a part of Run: int.MaxValue compiles Run as one delegate,
        // as before parts existed. Compile time, and the time of one evaluation of the compiled Run.
        var largest = checkedPolicies[^1];
        var budgets = new[] { int.MaxValue, 2048, 1024, 512, 256 };
        var compileMs = budgets.Select(_ => new List<double>()).ToArray();
        var runNs = new double[budgets.Length];
        for (var r = 0; r < Rounds; r++)
        {
            for (var b = 0; b < budgets.Length; b++)
            {
                var sw = Stopwatch.StartNew();
                new LinqProgram(largest, new FrameLayout(largest), budgets[b]);
                compileMs[b].Add(sw.Elapsed.TotalMilliseconds);
            }
        }

        for (var b = 0; b < budgets.Length; b++)
        {
            var program = new LinqProgram(largest, new FrameLayout(largest), budgets[b]);
            var frame = program.CreateFrame();
            const int Evaluations = 20_000;
            for (var i = 0; i < Evaluations / 10; i++) program.Run(@case.Account, @case.Market, frame);
            var best = double.MaxValue;
            for (var r = 0; r < 5; r++)
            {
                var sw = Stopwatch.StartNew();
                for (var i = 0; i < Evaluations; i++) program.Run(@case.Account, @case.Market, frame);
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds * 1e6 / Evaluations);
            }

            runNs[b] = best;
        }

        Console.WriteLine();
        Console.WriteLine("| Leaves a part, 400 definitions | parts | compile, median / min | one Run, best of 5 |");
        Console.WriteLine("|---|---:|---:|---:|");
        var values = largest.Lets.Select(new RewritePasses(largest).Value).ToList();
        for (var b = 0; b < budgets.Length; b++)
        {
            var sorted = compileMs[b].Order().ToArray();
            var name = budgets[b] == int.MaxValue ? "one delegate" : budgets[b].ToString(System.Globalization.CultureInfo.InvariantCulture);
            Console.WriteLine($"| {name} | {Splitting.RunSplit.Split(values, budgets[b]).Count} | {sorted[Rounds / 2]:F1} / {sorted[0]:F1} ms | {runNs[b]:F0} ns |");
        }

        return 0;
    }
}
