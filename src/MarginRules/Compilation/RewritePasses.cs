using System.Collections.Generic;
using MarginRules.Compilation.Folding;
using MarginRules.Compilation.Inlining;
using MarginRules.Compilation.Sharing;
using MarginRules.Language.Binding;

namespace MarginRules.Compilation;

/// <summary>
/// The rewrite passes between the checked tree and the expression compiler: inline user functions, then fold constants,
/// expression by expression; then, over all the expressions of one compiled delegate, share repeated lookups.
/// </summary>
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

    /// <summary>
    /// Shares the market reads and table rows of one delegate's rewritten expressions, given in evaluation order; see
    /// <see cref="LookupSharingPass"/>. A <c>Conditional</c> expression is one that is not always evaluated.
    /// </summary>
    public static BoundExpression[] ShareLookups(IReadOnlyList<(BoundExpression Expression, bool Conditional)> expressions) =>
        LookupSharingPass.Share(expressions);
}
