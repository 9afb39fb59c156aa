using System.Collections.Generic;
using MarginRules.Compilation.Rewriting;
using MarginRules.Language.Binding;

namespace MarginRules.Compilation.Splitting;

/// <summary>
/// Cuts Run's named values into runs of consecutive values, each compiled as its own delegate. The JIT's time grows
/// faster than a method's size (past about a thousand locals it also stops tracking them), so a 400-value Run compiled
/// as one method costs several times what it costs in parts. Sizes are counted in leaves (literals, references and
/// fields), which stand for the calls and loads the value compiles to.
/// </summary>
internal sealed class RunSplit : BoundTreeRewriter
{
    /// <summary>The leaves a part may hold before the next value starts a new one; see docs/performance.md for the measurements.</summary>
    public const int PartLeaves = 1024;

    private int _leaves;

    private RunSplit()
    {
    }

    /// <summary>
    /// The parts of the named values <paramref name="values"/>, as (start, end) index ranges in order; one part when
    /// they fit in <paramref name="budget"/> leaves. A value larger than the budget gets a part of its own.
    /// </summary>
    public static IReadOnlyList<(int Start, int End)> Split(IReadOnlyList<BoundExpression> values, int budget = PartLeaves)
    {
        var parts = new List<(int, int)>();
        var counter = new RunSplit();
        var start = 0;
        for (var i = 0; i < values.Count; i++)
        {
            var before = counter._leaves;
            counter.Rewrite(values[i]);
            if (counter._leaves > budget && i > start)
            {
                parts.Add((start, i));
                start = i;
                counter._leaves -= before;
            }
        }

        parts.Add((start, values.Count));
        return parts;
    }

    protected override BoundExpression RewriteLiteral(BoundLiteral literal) => Count(literal);

    protected override BoundExpression RewriteParameterReference(BoundParameterReference parameter) => Count(parameter);

    protected override BoundExpression RewriteLetReference(BoundLetReference let) => Count(let);

    protected override BoundExpression RewriteVariableReference(BoundVariableReference variable) => Count(variable);

    protected override BoundExpression RewriteItemField(BoundItemField field) => Count(field);

    private BoundExpression Count(BoundExpression leaf)
    {
        _leaves++;
        return leaf;
    }
}
