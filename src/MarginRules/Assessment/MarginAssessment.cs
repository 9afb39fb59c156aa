using System.Collections.Generic;

namespace MarginRules.Assessment;

/// <summary>The result of evaluating one account: equity, requirements, exported values, status, and the instructions that follow.</summary>
public sealed record MarginAssessment
{
    /// <summary>The account evaluated.</summary>
    public required string AccountId { get; init; }

    /// <summary>The account's standing.</summary>
    public required MarginStatus Status { get; init; }

    /// <summary>The equity.</summary>
    public required decimal Equity { get; init; }

    /// <summary>The initial requirement, when the policy declares one.</summary>
    public decimal? Initial { get; init; }

    /// <summary>The maintenance requirement.</summary>
    public required decimal Maintenance { get; init; }

    /// <summary>Every exported value by name: a decimal, bool or string.</summary>
    public required IReadOnlyDictionary<string, object> Exports { get; init; }

    /// <summary>The margin call, when its trigger holds.</summary>
    public MarginCallInstruction? MarginCall { get; init; }

    /// <summary>The liquidation, when a rule's trigger holds.</summary>
    public LiquidationInstruction? Liquidation { get; init; }

    /// <summary>The ADL rank of each position (by index), when the policy declares a ranking.</summary>
    public IReadOnlyList<decimal>? AdlRanks { get; init; }
}
