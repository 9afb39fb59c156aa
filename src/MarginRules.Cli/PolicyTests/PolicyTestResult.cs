using System.Collections.Generic;

namespace MarginRules.Cli.PolicyTests;

/// <summary>The outcome of one test.</summary>
/// <param name="Name">The test's name.</param>
/// <param name="Failures">The expectations that did not hold.</param>
/// <param name="Error">The evaluation or cascade error that stopped the test, if any.</param>
internal sealed record PolicyTestResult(string Name, IReadOnlyList<ExpectationFailure> Failures, string? Error)
{
    /// <summary>True when the test ran without error and every expectation held.</summary>
    public bool Passed => Error is null && Failures.Count == 0;
}
