using System;
using MarginRules.Accounts;
using MarginRules.Evaluation;

namespace MarginRules.Compilation;

/// <summary>
/// <see cref="PolicyProgram.Run"/> of a large policy, compiled as several delegates run one after the other; each part
/// leaves its named values in the frame for the parts after it. A part returns false when a fused loop failed and the
/// fallback has already redone the whole Run, so the parts after it must not run.
/// </summary>
internal sealed class PartedRun
{
    private readonly Func<Account, Market, EvaluationFrame, bool>[] _parts;

    public PartedRun(Func<Account, Market, EvaluationFrame, bool>[] parts)
    {
        _parts = parts;
    }

    /// <summary>Runs the parts in order, filling the frame.</summary>
    public void Run(Account account, Market market, EvaluationFrame frame)
    {
        foreach (var part in _parts)
            if (!part(account, market, frame)) return;
    }
}
