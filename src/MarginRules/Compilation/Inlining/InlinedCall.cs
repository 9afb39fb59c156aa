using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Binding;
using MarginRules.Language.Text;

namespace MarginRules.Compilation.Inlining;

/// <summary>
/// A user-function call with the body spliced in: each argument is evaluated once, in order, into its parameter,
/// then the body is evaluated. It exists only between the rewrite passes and the expression compiler.
/// </summary>
internal sealed class InlinedCall : BoundExpression
{
    public InlinedCall(PolicyType type, TextSpan span, IReadOnlyList<VariableSymbol> parameters, IReadOnlyList<BoundExpression> arguments, BoundExpression body)
        : base(type, span)
    {
        Parameters = parameters;
        Arguments = arguments;
        Body = body;
    }

    /// <summary>The parameters still bound at run time; a parameter whose argument folded to a constant is substituted into the body instead.</summary>
    public IReadOnlyList<VariableSymbol> Parameters { get; }

    /// <summary>One argument per parameter.</summary>
    public IReadOnlyList<BoundExpression> Arguments { get; }

    /// <summary>The function body, with nested calls inlined too.</summary>
    public BoundExpression Body { get; }

    public override string ToString() =>
        $"(let ({string.Join(" ", Parameters.Zip(Arguments, (p, a) => $"{p.Name}={a}"))}) {Body})";
}
