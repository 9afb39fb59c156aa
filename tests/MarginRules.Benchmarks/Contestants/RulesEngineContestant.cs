using System.Runtime.InteropServices;
using MarginRules.Accounts;
using MarginRules.Benchmarks.Scenario;
using RulesEngine.Models;

namespace MarginRules.Benchmarks.Contestants;

/// <summary>
/// Microsoft RulesEngine: one workflow whose rule computes the whole account, maintenance and equity as scoped
/// parameters and the liquidation condition as the rule expression, executed once per account.
/// </summary>
/// <remarks>
/// RulesEngine parses its expressions with System.Linq.Dynamic.Core and compiles them on the first execution for a
/// given set of input types; later executions reuse the compiled delegates, so the warm-up before timing pays for the
/// compilation and what is timed is RulesEngine's per-execution path (inputs, scoped parameters, result tree).
/// The bracket lookup is the baseline's binary search, exposed to the expressions as a custom type; a projection
/// carries each position's notional and bracket together so the lookup runs once per position, as in the baseline.
/// </remarks>
public sealed class RulesEngineContestant : ITieredMarginContestant
{
    private const string WorkflowName = "TieredMaintenanceMargin";

    private const string MaintenanceExpression =
        "positions"
        + ".Select(p => Math.Abs(p.Size) * market.Price(p.Symbol))"
        + ".Select(n => new (n as Notional, MarginBracketTable.BtcUsdt.Find(n) as Bracket))"
        + ".Sum(x => x.Notional * x.Bracket.Rate - x.Bracket.MaintenanceAmount)";

    private const string EquityExpression =
        "account.Wallet + positions.Sum(p => p.Size * (market.Price(p.Symbol) - p.EntryPrice))";

    private readonly global::RulesEngine.RulesEngine _engine;

    /// <summary>Registers the workflow; RulesEngine compiles it on the first execution.</summary>
    public RulesEngineContestant()
    {
        var workflow = new Workflow
        {
            WorkflowName = WorkflowName,
            Rules =
            [
                new Rule
                {
                    RuleName = "Liquidatable",
                    RuleExpressionType = RuleExpressionType.LambdaExpression,
                    LocalParams =
                    [
                        new ScopedParam { Name = "maintenance", Expression = MaintenanceExpression },
                        new ScopedParam { Name = "equity", Expression = EquityExpression },
                    ],
                    Expression = "equity < maintenance",
                },
            ],
        };
        var settings = new ReSettings
        {
            CustomTypes = [typeof(MarginBracketTable), typeof(MarginBracket), typeof(Market)],
        };
        _engine = new global::RulesEngine.RulesEngine([workflow], settings);
    }

    /// <inheritdoc />
    public string Name => "RulesEngine 6.0.1 (workflow per account)";

    /// <inheritdoc />
    public (decimal Maintenance, decimal Equity, bool Liquidatable) Evaluate(Account account, Market market)
    {
        // System.Linq.Dynamic.Core finds no Enumerable overloads for ImmutableArray<T>, so the positions go in as the
        // array beneath it; AsArray hands that array over without copying.
        var results = _engine.ExecuteAllRulesAsync(
                WorkflowName,
                new RuleParameter("account", account),
                new RuleParameter("positions", ImmutableCollectionsMarshal.AsArray(account.Positions)!),
                new RuleParameter("market", market))
            .GetAwaiter().GetResult();
        var result = results[0];
        if (result.ExceptionMessage is { Length: > 0 } message)
            throw new InvalidOperationException($"RulesEngine failed: {message}");

        return ((decimal)result.Inputs["maintenance"], (decimal)result.Inputs["equity"], result.IsSuccess);
    }
}
