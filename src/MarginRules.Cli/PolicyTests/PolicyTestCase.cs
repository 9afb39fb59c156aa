using System.Collections.Generic;
using MarginRules.Accounts;

namespace MarginRules.Cli.PolicyTests;

/// <summary>One test of a test file, checked and ready to run: an evaluation of accounts on a market, or a cascade.</summary>
internal sealed record PolicyTestCase
{
    /// <summary>The test's name, unique in its file.</summary>
    public required string Name { get; init; }

    /// <summary>The test's description: what it checks and where its expected numbers come from.</summary>
    public string? Description { get; init; }

    /// <summary>The policy compiled with the test's parameter overrides (the first venue's, for a cascade).</summary>
    public required MarginPolicy Policy { get; init; }

    /// <summary>The market after the test's shock, for an evaluation test.</summary>
    public Market? Market { get; init; }

    /// <summary>The accounts to evaluate and their expectations; empty for a cascade test.</summary>
    public IReadOnlyList<AccountCheck> Accounts { get; init; } = [];

    /// <summary>True when the test names its accounts with <c>accounts</c>, so failures say which account they are about.</summary>
    public bool SeveralAccounts { get; init; }

    /// <summary>The cascade to run, for a cascade test.</summary>
    public CascadeCheck? Cascade { get; init; }
}
