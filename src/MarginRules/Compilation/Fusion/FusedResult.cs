using MarginRules.Language.Binding;

namespace MarginRules.Compilation.Fusion;

/// <summary>An aggregate computed earlier by a <see cref="FusedLoop"/>: reads the loop's result for it.</summary>
internal sealed class FusedResult : BoundExpression
{
    public FusedResult(int loop, int member, BoundAggregate aggregate)
        : base(aggregate.Type, aggregate.Span)
    {
        Loop = loop;
        Member = member;
        Aggregate = aggregate;
    }

    /// <summary>The <see cref="FusedLoop.Id"/> of the loop that computed it.</summary>
    public int Loop { get; }

    /// <summary>Its index among the loop's members.</summary>
    public int Member { get; }

    /// <summary>The aggregate the loop computed.</summary>
    public BoundAggregate Aggregate { get; }

    public override string ToString() => $"(#{Loop}.{Member} of {Aggregate})";
}
