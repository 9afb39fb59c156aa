using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A call of a user function; functions are not recursive, so it can be inlined.</summary>
    public sealed class BoundFunctionCall : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundFunctionCall(PolicyType type, TextSpan span, FunctionSymbol function, IReadOnlyList<BoundExpression> arguments)
            : base(type, span)
        {
            Function = function;
            Arguments = arguments;
        }

        /// <summary>The function.</summary>
        public FunctionSymbol Function { get; }

        /// <summary>The arguments, one per parameter.</summary>
        public IReadOnlyList<BoundExpression> Arguments { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Function.Name}({string.Join(", ", Arguments)})";
    }
}
