using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A call of a built-in function such as <c>min</c> or <c>round</c>.</summary>
    public sealed class BoundBuiltinCall : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundBuiltinCall(PolicyType type, TextSpan span, BuiltinFunction function, IReadOnlyList<BoundExpression> arguments, RoundingMode mode)
            : base(type, span)
        {
            Function = function;
            Arguments = arguments;
            Mode = mode;
        }

        /// <summary>The function.</summary>
        public BuiltinFunction Function { get; }

        /// <summary>The arguments (for round: the value and the digits).</summary>
        public IReadOnlyList<BoundExpression> Arguments { get; }

        /// <summary>For round, the rounding mode.</summary>
        public RoundingMode Mode { get; }

        /// <inheritdoc />
        public override string ToString() => Function == BuiltinFunction.Round ? $"round({string.Join(", ", Arguments)}, {Mode})" : $"{Function.ToString().ToLowerInvariant()}({string.Join(", ", Arguments)})";
    }
}
