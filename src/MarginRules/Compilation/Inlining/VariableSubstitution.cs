using System.Collections.Generic;
using MarginRules.Compilation.Rewriting;
using MarginRules.Language.Binding;

namespace MarginRules.Compilation.Inlining;

/// <summary>Replaces references to function parameters with constant arguments.</summary>
internal sealed class VariableSubstitution : BoundTreeRewriter
{
    private readonly IReadOnlyDictionary<VariableSymbol, BoundLiteral> _values;

    public VariableSubstitution(IReadOnlyDictionary<VariableSymbol, BoundLiteral> values)
    {
        _values = values;
    }

    protected override BoundExpression RewriteVariableReference(BoundVariableReference variable) =>
        _values.TryGetValue(variable.Variable, out var value) ? new BoundLiteral(variable.Type, variable.Span, value.Value) : variable;
}
