using MarginRules.Accounts;

namespace MarginRules.Benchmarks.Contestants;

/// <summary>One way of evaluating the tiered maintenance-margin rule; the benchmark times each and checks that all agree.</summary>
public interface ITieredMarginContestant
{
    /// <summary>The name printed in result tables.</summary>
    string Name { get; }

    /// <summary>
    /// The account's maintenance requirement (Σ notional × rate − amount), its equity (wallet + Σ upnl), and whether
    /// equity is below the requirement. Called many times on one instance and one thread after construction.
    /// </summary>
    (decimal Maintenance, decimal Equity, bool Liquidatable) Evaluate(Account account, Market market);
}
