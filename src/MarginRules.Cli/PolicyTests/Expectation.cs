namespace MarginRules.Cli.PolicyTests;

/// <summary>One expected value of a test: the key as written, the value, the tolerance, and how to find the actual value.</summary>
/// <param name="Key">The key as written in the test file, such as <c>liquidation.steps[0].seized</c>.</param>
/// <param name="Expected">The expected decimal, bool or string.</param>
/// <param name="Tolerance">The largest absolute difference that still passes, for numbers.</param>
/// <param name="Target">How to read the actual value.</param>
internal sealed record Expectation(string Key, object Expected, decimal Tolerance, ExpectationTarget Target);
