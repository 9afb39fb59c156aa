using DynamicExpresso;
using MarginRules.Accounts;
using MarginRules.Benchmarks.Scenario;

namespace MarginRules.Benchmarks.Contestants;

/// <summary>
/// DynamicExpresso: the per-position maintenance formula is parsed once into a LINQ expression tree and compiled to a
/// delegate, which is then called once per position.
/// </summary>
/// <remarks>
/// DynamicExpresso's expressions cannot bind a local, so an expression that read both the rate and the amount of
/// <c>Bracket(notional)</c> would run the lookup twice where the baseline runs it once. To keep the work equal the
/// host does the lookup (the same binary search as the baseline) and passes the bracket row in; the mark-price lookup,
/// upnl, the sums and the final comparison are the same host code as the baseline. What is measured is therefore the
/// cost of calling a compiled expression per position, the best case for an expression library that compiles.
/// </remarks>
public sealed class DynamicExpressoContestant : ITieredMarginContestant
{
    private const string MaintenanceFormula = "notional * bracket.Rate - bracket.MaintenanceAmount";

    private readonly MarginBracketTable _brackets = MarginBracketTable.BtcUsdt;
    private readonly Func<decimal, MarginBracket, decimal> _maintenanceMargin;

    /// <summary>Parses and compiles the formula; done once, outside anything that is timed.</summary>
    public DynamicExpressoContestant()
    {
        _maintenanceMargin = new Interpreter()
            .ParseAsDelegate<Func<decimal, MarginBracket, decimal>>(MaintenanceFormula, "notional", "bracket");
    }

    /// <inheritdoc />
    public string Name => "DynamicExpresso 2.19.6 (compiled delegate per position)";

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
            var notional = Math.Abs(position.Size) * mark;
            maintenance += _maintenanceMargin(notional, _brackets.Find(notional));
            upnl += position.Size * (mark - position.EntryPrice);
        }

        var equity = account.Wallet + upnl;
        return (maintenance, equity, equity < maintenance);
    }
}
