using MarginRules.Benchmarks.Scenario;

namespace MarginRules.Benchmarks.Contestants;

/// <summary>The start-up check: a contestant that computes something else than the baseline is not worth timing.</summary>
public static class ContestantAgreement
{
    /// <summary>
    /// Checks the first contestant (the baseline) against every case's hand-worked outcome, then every other
    /// contestant against the baseline, exactly (decimal equality).
    /// </summary>
    /// <exception cref="InvalidOperationException">Some contestant disagrees; the message lists every disagreement.</exception>
    public static void Verify(IReadOnlyList<ITieredMarginContestant> contestants)
    {
        if (contestants.Count == 0) throw new InvalidOperationException("there is no contestant to check");

        var baseline = contestants[0];
        var problems = new List<string>();
        foreach (var benchmarkCase in BenchmarkCases.All)
        {
            var reference = baseline.Evaluate(benchmarkCase.Account, benchmarkCase.Market);
            if (reference != benchmarkCase.Expected)
                problems.Add($"{baseline.Name} on {benchmarkCase.Name}: {reference}, worked by hand {benchmarkCase.Expected}");

            foreach (var contestant in contestants.Skip(1))
            {
                var outcome = contestant.Evaluate(benchmarkCase.Account, benchmarkCase.Market);
                if (outcome != reference)
                    problems.Add($"{contestant.Name} on {benchmarkCase.Name}: {outcome}, {baseline.Name} {reference}");
            }
        }

        if (problems.Count > 0)
            throw new InvalidOperationException("contestants disagree:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }
}
