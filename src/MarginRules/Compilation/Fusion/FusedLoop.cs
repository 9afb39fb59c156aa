using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Binding;

namespace MarginRules.Compilation.Fusion;

/// <summary>
/// One pass over a collection that computes several aggregates of the named values at once, evaluated before the
/// first of them; each aggregate then reads its result through a <see cref="FusedResult"/>. If the pass fails, Run
/// starts again without fused loops, so the failure surfaces where the reference evaluator meets it. It exists only
/// between the rewrite passes and the compiler.
/// </summary>
internal sealed class FusedLoop : BoundExpression
{
    public FusedLoop(int id, IReadOnlyList<BoundAggregate> members)
        : base(PolicyType.BoolType, members[0].Span)
    {
        Id = id;
        Members = members;
    }

    /// <summary>The loop's number in its delegate.</summary>
    public int Id { get; }

    /// <summary>The aggregates computed, in evaluation order; all iterate the same collection and none stops early.</summary>
    public IReadOnlyList<BoundAggregate> Members { get; }

    public override string ToString() => $"(fused #{Id} {string.Join(" ", Members.Select(m => m.ToString()))})";
}
