using System.Collections.Generic;
using MarginRules.Accounts;

namespace MarginRules.Cli.PolicyTests;

/// <summary>One account of an evaluation test and what its assessment must show.</summary>
/// <param name="Account">The account, as the test file gives it.</param>
/// <param name="Expectations">The expected values of its assessment.</param>
internal sealed record AccountCheck(Account Account, IReadOnlyList<Expectation> Expectations);
