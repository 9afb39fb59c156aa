using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A string literal.</summary>
    public sealed class StringLiteralSyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public StringLiteralSyntax(TextSpan span, string value)
            : base(span)
        {
            Value = value;
        }

        /// <summary>The string's value with escapes resolved.</summary>
        public string Value { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new StringLiteralSyntax(span, Value);

        /// <inheritdoc />
        public override string ToString() => Q(Value);
    }
}
