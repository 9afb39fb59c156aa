using MarginRules.Language.Binding;
using MarginRules.Language.Text;

namespace MarginRules.Compilation.Sharing;

/// <summary>A lookup already computed by a <see cref="SharedValue"/> on every path that reaches this one; reads its slot.</summary>
internal sealed class SharedValueReference : BoundExpression
{
    public SharedValueReference(PolicyType type, TextSpan span, int slot)
        : base(type, span)
    {
        Slot = slot;
    }

    /// <summary>The slot the <see cref="SharedValue"/> filled.</summary>
    public int Slot { get; }

    public override string ToString() => $"#{Slot}";
}
