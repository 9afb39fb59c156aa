namespace MarginRules.Benchmarks.Scenario;

/// <summary>One row of a tiered maintenance-margin schedule: it applies from its floor (inclusive) up to the next row's floor (exclusive).</summary>
/// <param name="Floor">The smallest notional, in the quote currency, that falls in this bracket.</param>
/// <param name="Rate">The maintenance margin rate as a ratio (0.004 means 0.40%).</param>
/// <param name="MaintenanceAmount">The amount subtracted from notional × rate, which keeps the requirement continuous across floors.</param>
public readonly record struct MarginBracket(decimal Floor, decimal Rate, decimal MaintenanceAmount);
