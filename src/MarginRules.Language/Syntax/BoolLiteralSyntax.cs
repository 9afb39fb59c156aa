using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>true</c> or <c>false</c>.</summary>
    public sealed class BoolLiteralSyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public BoolLiteralSyntax(TextSpan span, bool value)
            : base(span)
        {
            Value = value;
        }

        /// <summary>The value.</summary>
        public bool Value { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new BoolLiteralSyntax(span, Value);

        /// <inheritdoc />
        public override string ToString() => Value ? "true" : "false";
    }
}
