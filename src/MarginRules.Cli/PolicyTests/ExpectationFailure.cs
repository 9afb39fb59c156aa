namespace MarginRules.Cli.PolicyTests;

/// <summary>An expectation that did not hold.</summary>
/// <param name="Account">The account it was about, when the test evaluates several; otherwise null.</param>
/// <param name="Key">The expectation key.</param>
/// <param name="Expected">The expected value.</param>
/// <param name="Tolerance">The tolerance that applied.</param>
/// <param name="Actual">What the test found.</param>
/// <param name="Declaration">Where the policy declares the value (<c>policy.margin:12:1</c>), when it is a policy value.</param>
internal sealed record ExpectationFailure(string? Account, string Key, object Expected, decimal Tolerance, ActualValue Actual, string? Declaration);
