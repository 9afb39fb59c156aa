using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary><c>if c then a else b</c>.</summary>
    public sealed class BoundConditional : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundConditional(PolicyType type, TextSpan span, BoundExpression condition, BoundExpression whenTrue, BoundExpression whenFalse)
            : base(type, span)
        {
            Condition = condition;
            WhenTrue = whenTrue;
            WhenFalse = whenFalse;
        }

        /// <summary>The condition.</summary>
        public BoundExpression Condition { get; }

        /// <summary>The value when true.</summary>
        public BoundExpression WhenTrue { get; }

        /// <summary>The value when false.</summary>
        public BoundExpression WhenFalse { get; }

        /// <inheritdoc />
        public override string ToString() => $"(if {Condition} {WhenTrue} {WhenFalse})";
    }
}
