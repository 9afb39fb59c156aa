using System.Collections.Generic;
using MarginRules.Assessment;
using MarginRules.Cascade;

namespace MarginRules.Cli.PolicyTests;

/// <summary>What expectations are read from: the policy and either one account's assessment or a cascade's result.</summary>
/// <param name="Policy">The compiled policy the test ran.</param>
/// <param name="Assessment">The account's assessment, for an evaluation test.</param>
/// <param name="Cascade">The run's result, for a cascade test.</param>
/// <param name="StartPrices">The assets' prices before the cascade's shock, for the first round's move.</param>
internal sealed record ExpectationSubject(
    MarginPolicy Policy,
    MarginAssessment? Assessment,
    CascadeResult? Cascade,
    IReadOnlyDictionary<string, decimal>? StartPrices);
