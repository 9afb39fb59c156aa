using MarginRules.Accounts;
using MarginRules.Benchmarks.Scenario;

namespace MarginRules.Benchmarks.Contestants;

/// <summary>The rule written directly in C#: one loop over the positions and a binary search per bracket lookup; the baseline.</summary>
public sealed class HandWrittenContestant : ITieredMarginContestant
{
    private readonly MarginBracketTable _brackets = MarginBracketTable.BtcUsdt;

    /// <inheritdoc />
    public string Name => "Hand-written C#";

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
            var bracket = _brackets.Find(notional);
            maintenance += notional * bracket.Rate - bracket.MaintenanceAmount;
            upnl += position.Size * (mark - position.EntryPrice);
        }

        var equity = account.Wallet + upnl;
        return (maintenance, equity, equity < maintenance);
    }
}
