using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Evaluation;

namespace MarginRules.Benchmarks.Contestants;

/// <summary>
/// The rule as a MarginRules policy, compiled to an expression tree (or, with <c>reference: true</c>, walked by the
/// reference evaluator). The frame is reused, as the cascade engine does, so an evaluation allocates nothing.
/// </summary>
public sealed class MarginRulesContestant : ITieredMarginContestant
{
    /// <summary>The benchmarked policy: the BTCUSDT brackets, equity and maintenance, and a liquidation trigger.</summary>
    public const string PolicyText = """
        policy "tiered benchmark" currency USD
        table btcusdt by notional: money {
          columns rate: ratio, amount: money
          0 ..< 50_000:                 0.40%, 0
          50_000 ..< 250_000:           0.50%, 50
          250_000 ..< 1_000_000:        1.00%, 1_300
          1_000_000 ..< 10_000_000:     2.50%, 16_300
          10_000_000 ..< 20_000_000:    5.00%, 266_300
          20_000_000 ..< 50_000_000:   10.00%, 1_266_300
          50_000_000 ..< 100_000_000:  12.50%, 2_516_300
          100_000_000 ..< 200_000_000: 15.00%, 5_016_300
          200_000_000 ..< 300_000_000: 25.00%, 25_016_300
          300_000_000 ..:              50.00%, 100_016_300
        }
        equity = account.wallet + sum(p in positions: p.upnl)
        maintenance = sum(p in positions: p.notional * btcusdt[p.notional].rate - btcusdt[p.notional].amount)
        liquidation close { when equity < maintenance take p in positions size all }
        """;

    private readonly MarginPolicy _policy;
    private readonly EvaluationFrame _frame;

    /// <summary>Compiles the policy; <paramref name="reference"/> selects the tree-walking evaluator.</summary>
    public MarginRulesContestant(bool reference)
    {
        _policy = MarginPolicy.Compile(PolicyText, "benchmark.margin", new CompileOptions { UseReferenceEvaluator = reference });
        _frame = _policy.CreateFrame();
        Name = reference ? "MarginRules tree-walker" : "MarginRules compiled";
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public (decimal Maintenance, decimal Equity, bool Liquidatable) Evaluate(Account account, Market market)
    {
        var status = _policy.Assess(account, market, _frame);
        var (equity, maintenance) = _policy.Requirements(_frame);
        return (maintenance, equity, status == MarginStatus.Liquidatable);
    }
}
