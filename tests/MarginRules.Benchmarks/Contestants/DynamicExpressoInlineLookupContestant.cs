using DynamicExpresso;
using MarginRules.Accounts;
using MarginRules.Benchmarks.Scenario;

namespace MarginRules.Benchmarks.Contestants;

/// <summary>
/// DynamicExpresso with the bracket lookup exposed to the expression as a function, the way a rule author would write
/// the whole formula in the expression: compiled once to a delegate of the notional, called once per position.
/// </summary>
/// <remarks>
/// Without a local binding the expression names <c>Bracket(notional)</c> twice, so it runs two lookups per position
/// where the baseline runs one; <see cref="DynamicExpressoContestant"/> is the equal-work version, and the gap between
/// the two is the price of that limitation. The host code around the call is the baseline's.
/// </remarks>
public sealed class DynamicExpressoInlineLookupContestant : ITieredMarginContestant
{
    private const string MaintenanceFormula = "notional * Bracket(notional).Rate - Bracket(notional).MaintenanceAmount";

    private readonly Func<decimal, decimal> _maintenanceMargin;

    /// <summary>Exposes the lookup, then parses and compiles the formula; done once, outside anything that is timed.</summary>
    public DynamicExpressoInlineLookupContestant()
    {
        var brackets = MarginBracketTable.BtcUsdt;
        _maintenanceMargin = new Interpreter()
            .SetFunction("Bracket", (Func<decimal, MarginBracket>)brackets.Find)
            .ParseAsDelegate<Func<decimal, decimal>>(MaintenanceFormula, "notional");
    }

    /// <inheritdoc />
    public string Name => "DynamicExpresso 2.19.6 (lookup inside the expression, twice per position)";

    /// <inheritdoc />
    public (decimal Maintenance, decimal Equity, bool Liquidatable) Evaluate(Account account, Market market)
    {
        var maintenance = 0m;
        var upnl = 0m;
        var positions = account.Positions;
        for (var i = 0; i < positions.Length; i++)
        {
            var position = positions[i];
            var mark = market.Price(position.Symbol);
            maintenance += _maintenanceMargin(Math.Abs(position.Size) * mark);
            upnl += position.Size * (mark - position.EntryPrice);
        }

        var equity = account.Wallet + upnl;
        return (maintenance, equity, equity < maintenance);
    }
}
