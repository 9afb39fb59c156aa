using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A call of a built-in or user function.</summary>
    public sealed class CallSyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public CallSyntax(TextSpan span, IdentifierSyntax function, IReadOnlyList<ExpressionSyntax> arguments)
            : base(span)
        {
            Function = function;
            Arguments = arguments;
        }

        /// <summary>The function's name.</summary>
        public IdentifierSyntax Function { get; }

        /// <summary>The arguments.</summary>
        public IReadOnlyList<ExpressionSyntax> Arguments { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new CallSyntax(span, Function, Arguments);

        /// <inheritdoc />
        public override string ToString() => $"{Function}({string.Join(", ", Arguments)})";
    }
}
