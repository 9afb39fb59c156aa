using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MarginRules.Compilation.Inlining;
using MarginRules.Language.Binding;

namespace MarginRules.Compilation.Fusion;

/// <summary>What an aggregate's filter and body depend on: the named values they read, and whether they read the item's price.</summary>
internal sealed class DependencyScan
{
    private readonly VariableSymbol _item;
    private readonly IReadOnlyDictionary<LetSymbol, int> _order;
    private readonly HashSet<VariableSymbol> _bound = new(ReferenceEqualityComparer.Instance);

    public DependencyScan(VariableSymbol item, IReadOnlyDictionary<LetSymbol, int> order)
    {
        _item = item;
        _order = order;
        _bound.Add(item);
    }

    /// <summary>The position of the last named value read, or -1.</summary>
    public int LatestLet { get; private set; } = -1;

    /// <summary>True when the item's mark price or price is read, directly or through a field derived from it.</summary>
    public bool ReadsPrice { get; private set; }

    /// <summary>Scans an expression; false when it reads something only its surroundings bind, or the margin-call state Run sets later.</summary>
    public bool Visit(BoundExpression e)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case BoundLiteral or BoundParameterReference or BoundAccountField:
                return true;
            case BoundLetReference let:
                if (!_order.TryGetValue(let.Let, out var position)) return false;
                if (position > LatestLet) LatestLet = position;
                return true;
            case BoundVariableReference variable:
                return _bound.Contains(variable.Variable);
            case BoundItemField field:
                if (ReferenceEquals(field.Variable, _item) && field.Field is ItemField.MarkPrice or ItemField.Notional or ItemField.Upnl or ItemField.Price or ItemField.Value)
                    ReadsPrice = true;
                return _bound.Contains(field.Variable);
            case BoundUnary unary:
                return Visit(unary.Operand);
            case BoundBinary binary:
                return Visit(binary.Left) && Visit(binary.Right);
            case BoundConditional conditional:
                return Visit(conditional.Condition) && Visit(conditional.WhenTrue) && Visit(conditional.WhenFalse);
            case BoundBuiltinCall call:
                return VisitAll(call.Arguments);
            case InlinedCall call:
                if (!VisitAll(call.Arguments)) return false;
                foreach (var parameter in call.Parameters) _bound.Add(parameter);
                return Visit(call.Body);
            case BoundAggregate aggregate:
                _bound.Add(aggregate.Variable);
                return (aggregate.Filter == null || Visit(aggregate.Filter)) && (aggregate.Body == null || Visit(aggregate.Body));
            case BoundTableLookup lookup:
                return Visit(lookup.Key) && (lookup.ColumnNumber == null || Visit(lookup.ColumnNumber));
            case BoundMarketLookup lookup:
                return Visit(lookup.Asset);
            case BoundTagged tagged:
                return Visit(tagged.Tag);
            default:
                // call_expired, which reads the margin-call outcome Run sets after the named values.
                return false;
        }
    }

    private bool VisitAll(IReadOnlyList<BoundExpression> expressions)
    {
        foreach (var expression in expressions)
            if (!Visit(expression)) return false;
        return true;
    }
}
