using System.Collections.Generic;
using MarginRules.Compilation.Folding;
using MarginRules.Compilation.Inlining;
using MarginRules.Language.Binding;

namespace MarginRules.Compilation;

/// <summary>The rewrite passes between the checked tree and the expression compiler: inline user functions, then fold constants.</summary>
internal sealed class RewritePasses
{
    private readonly FunctionInliner _inliner = new();
    private readonly ConstantFoldingPass _folding;
    private readonly Dictionary<LetSymbol, BoundLiteral> _constantLets = new();
    private readonly Dictionary<LetSymbol, BoundExpression> _values = new();

    public RewritePasses(BoundPolicy policy)
    {
        _folding = new ConstantFoldingPass(_constantLets);

        // Named values come in dependency order, so every constant a value refers to is known before it is rewritten.
        foreach (var let in policy.Lets)
        {
            var value = Rewrite(let.Value);
            _values.Add(let, value);
            if (value is BoundLiteral literal) _constantLets.Add(let, literal);
        }
    }

    /// <summary>A named value's rewritten expression.</summary>
    public BoundExpression Value(LetSymbol let) => _values[let];

    /// <summary>Rewrites a rule expression; references to constant named values fold too.</summary>
    public BoundExpression Rewrite(BoundExpression expression) => _folding.Rewrite(_inliner.Rewrite(expression));
}
