using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A constant: a decimal, bool or string.</summary>
    public sealed class BoundLiteral : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundLiteral(PolicyType type, TextSpan span, object value)
            : base(type, span)
        {
            Value = value;
        }

        /// <summary>The value: a decimal, bool or string.</summary>
        public object Value { get; }

        /// <inheritdoc />
        public override string ToString() => Value is string s ? "\"" + s + "\"" : Value is bool b ? (b ? "true" : "false") : ((decimal)Value).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
