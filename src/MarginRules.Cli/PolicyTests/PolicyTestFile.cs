using System.Collections.Generic;

namespace MarginRules.Cli.PolicyTests;

/// <summary>A loaded <c>*.tests.json</c> file: the policy it tests and its tests in file order.</summary>
/// <param name="Path">The test file as named on the command line.</param>
/// <param name="PolicyPath">The policy file, resolved against the test file's folder.</param>
/// <param name="Tests">The tests in file order.</param>
internal sealed record PolicyTestFile(string Path, string PolicyPath, IReadOnlyList<PolicyTestCase> Tests);
