using MarginRules.Language.Binding;
using MarginRules.Language.Text;

namespace MarginRules.Compilation.Sharing;

/// <summary>
/// A field derived from an item's market price (a position's notional or upnl, a holding's or debt's value) with the
/// price given as an expression, so the price can be shared with the item's other price-derived fields.
/// </summary>
internal sealed class PricedItemField : BoundExpression
{
    public PricedItemField(PolicyType type, TextSpan span, VariableSymbol variable, ItemField field, BoundExpression price)
        : base(type, span)
    {
        Variable = variable;
        Field = field;
        Price = price;
    }

    /// <summary>The item variable.</summary>
    public VariableSymbol Variable { get; }

    /// <summary>The field: <see cref="ItemField.Notional"/>, <see cref="ItemField.Upnl"/> or <see cref="ItemField.Value"/>.</summary>
    public ItemField Field { get; }

    /// <summary>The item's mark price (positions) or price (holdings and debts).</summary>
    public BoundExpression Price { get; }

    public override string ToString() => $"{Variable.Name}.{BindingFacts.Name(Field)}@{Price}";
}
