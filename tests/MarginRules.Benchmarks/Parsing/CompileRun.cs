using System.Diagnostics;
using MarginRules.Accounts;
using MarginRules.Compilation;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;

namespace MarginRules.Benchmarks.Parsing;

/// <summary>
/// The `compile` mode: Stopwatch timings of compiling the generated large policy cut to 50, 100, 200 and 400
/// definitions, by stage (check, the rewrite passes, the whole compile to delegates, the first evaluation that JITs
/// the run delegate), warm, median and best of interleaved rounds.
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
            ("First evaluation (JIT)", n =>
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

        if (Environment.GetEnvironmentVariable("BUDGETS") is { } budgetList)
        {
            var budgets = budgetList.Split(',').Select(int.Parse).ToArray();
            var times = budgets.Select(_ => new List<double>()).ToArray();
            var n3 = sizes.Length - 1;
            for (var r = 0; r < 14; r++)
            for (var b = 0; b < budgets.Length; b++)
            {
                var sw = Stopwatch.StartNew();
                new LinqProgram(checkedPolicies[n3], new FrameLayout(checkedPolicies[n3]), budgets[b]);
                times[b].Add(sw.Elapsed.TotalMilliseconds);
            }
            for (var b = 0; b < budgets.Length; b++) Console.WriteLine($"budget {budgets[b]}: median {times[b].Order().ElementAt(3):F1} min {times[b].Min():F1}");
            return 0;
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

        return 0;
    }
}
