using MarginRules.Accounts;

namespace MarginRules.Benchmarks.Scenario;

/// <summary>An account, the market it is marked against, and the outcome worked out independently of every contestant.</summary>
/// <param name="Name">A short name for messages.</param>
/// <param name="Account">The account to evaluate.</param>
/// <param name="Market">The market that supplies mark prices.</param>
/// <param name="Expected">The maintenance requirement, equity and liquidation flag, computed by hand.</param>
public sealed record BenchmarkCase(
    string Name,
    Account Account,
    Market Market,
    (decimal Maintenance, decimal Equity, bool Liquidatable) Expected);
