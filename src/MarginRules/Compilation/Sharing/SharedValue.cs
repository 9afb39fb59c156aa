using MarginRules.Language.Binding;

namespace MarginRules.Compilation.Sharing;

/// <summary>
/// A lookup whose value later lookups read back: the value is computed here, where the reference evaluator first
/// computes it, and kept in a slot of the compiled delegate. It exists only between the rewrite passes and the compiler.
/// </summary>
internal sealed class SharedValue : BoundExpression
{
    public SharedValue(int slot, BoundExpression value)
        : base(value.Type, value.Span)
    {
        Slot = slot;
        Value = value;
    }

    /// <summary>The delegate-local slot the value is kept in.</summary>
    public int Slot { get; }

    /// <summary>The lookup computed here.</summary>
    public BoundExpression Value { get; }

    public override string ToString() => $"(#{Slot} = {Value})";
}
