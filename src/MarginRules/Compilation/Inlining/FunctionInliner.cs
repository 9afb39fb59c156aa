using System.Collections.Generic;
using MarginRules.Compilation.Rewriting;
using MarginRules.Language.Binding;

namespace MarginRules.Compilation.Inlining;

/// <summary>Replaces every user-function call with an <see cref="InlinedCall"/>; the checker rejects recursion, so this ends.</summary>
internal sealed class FunctionInliner : BoundTreeRewriter
{
    // Each body is rewritten once and shared by its call sites: the tree stays immutable, and the compiler gives
    // every call site fresh locals for the parameters.
    private readonly Dictionary<FunctionSymbol, BoundExpression> _bodies = new();

    protected override BoundExpression RewriteFunctionCall(BoundFunctionCall call)
    {
        var arguments = RewriteAll(call.Arguments);
        if (!_bodies.TryGetValue(call.Function, out var body))
        {
            body = Rewrite(call.Function.Body);
            _bodies.Add(call.Function, body);
        }

        return new InlinedCall(call.Type, call.Span, call.Function.Parameters, arguments, body);
    }
}
