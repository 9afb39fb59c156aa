using System;
using System.Threading;
using MarginRules.Accounts;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;

namespace MarginRules.Compilation;

/// <summary>
/// <see cref="PolicyProgram.Run"/> compiled without fused loops, which a compiled Run calls when a fused loop fails:
/// it computes every aggregate where it stands, so the failure surfaces in the named value the reference evaluator
/// fails in. It is compiled on the first failure; accounts that evaluate never pay for it.
/// </summary>
internal sealed class SequentialRun
{
    private readonly Lazy<Action<Account, Market, EvaluationFrame>> _run;

    public SequentialRun(BoundPolicy policy, FrameLayout layout, int partLeaves)
    {
        _run = new Lazy<Action<Account, Market, EvaluationFrame>>(
            () => new LinqExpressionCompiler(policy, layout, partLeaves).CompileRun(fallback: null), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Runs the policy on the account without fused loops, filling the frame.</summary>
    public void Run(Account account, Market market, EvaluationFrame frame) => _run.Value(account, market, frame);
}
