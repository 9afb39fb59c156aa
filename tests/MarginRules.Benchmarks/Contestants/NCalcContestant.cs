using MarginRules.Accounts;
using MarginRules.Benchmarks.Scenario;
using NCalc;

namespace MarginRules.Benchmarks.Contestants;

/// <summary>
/// NCalc (NCalcSync): the per-position maintenance formula is parsed once into NCalc's expression tree, and each
/// position sets the parameters and walks that tree again.
/// </summary>
/// <remarks>
/// NCalc has no member access and no local binding, so, as for DynamicExpresso, the host looks the bracket up once
/// (the baseline's binary search) and passes its rate and amount as parameters; the mark-price lookup, upnl, sums and
/// comparison are the baseline's host code. <c>DecimalAsDefault</c> keeps NCalc's arithmetic in <c>decimal</c>.
/// </remarks>
public sealed class NCalcContestant : ITieredMarginContestant
{
    private const string MaintenanceFormula = "notional * rate - amount";

    private readonly MarginBracketTable _brackets = MarginBracketTable.BtcUsdt;

    // One Expression instance keeps the parsed tree; its parameter dictionary is overwritten for every position, which
    // is why an instance of this contestant must stay on one thread.
    private readonly Expression _maintenanceMargin;

    /// <summary>Parses the formula; done once, outside anything that is timed.</summary>
    /// <exception cref="InvalidOperationException">NCalc reports a parse error.</exception>
    public NCalcContestant()
    {
        _maintenanceMargin = new Expression(MaintenanceFormula, ExpressionOptions.DecimalAsDefault);
        if (_maintenanceMargin.HasErrors())
            throw new InvalidOperationException($"NCalc cannot parse `{MaintenanceFormula}`: {_maintenanceMargin.Error?.Message}");
    }

    /// <inheritdoc />
    public string Name => "NCalcSync 7.4.0 (parsed once, evaluated per position)";

    /// <inheritdoc />
    public (decimal Maintenance, decimal Equity, bool Liquidatable) Evaluate(Account account, Market market)
    {
        var maintenance = 0m;
        var upnl = 0m;
        var positions = account.Positions;
        var parameters = _maintenanceMargin.Parameters;
        for (var i = 0; i < positions.Length; i++)
        {
            var position = positions[i];
            var mark = market.Price(position.Symbol);
            var notional = Math.Abs(position.Size) * mark;
            var bracket = _brackets.Find(notional);
            parameters["notional"] = notional;
            parameters["rate"] = bracket.Rate;
            parameters["amount"] = bracket.MaintenanceAmount;
            maintenance += (decimal)_maintenanceMargin.Evaluate()!;
            upnl += position.Size * (mark - position.EntryPrice);
        }

        var equity = account.Wallet + upnl;
        return (maintenance, equity, equity < maintenance);
    }
}
