using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>if c then a else b</c>.</summary>
    public sealed class ConditionalSyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public ConditionalSyntax(TextSpan span, ExpressionSyntax condition, ExpressionSyntax whenTrue, ExpressionSyntax whenFalse)
            : base(span)
        {
            Condition = condition;
            WhenTrue = whenTrue;
            WhenFalse = whenFalse;
        }

        /// <summary>The condition.</summary>
        public ExpressionSyntax Condition { get; }

        /// <summary>The value when true.</summary>
        public ExpressionSyntax WhenTrue { get; }

        /// <summary>The value when false.</summary>
        public ExpressionSyntax WhenFalse { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new ConditionalSyntax(span, Condition, WhenTrue, WhenFalse);

        /// <inheritdoc />
        public override string ToString() => $"(if {Condition} {WhenTrue} {WhenFalse})";
    }
}
