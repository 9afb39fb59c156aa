using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A number, possibly a percentage or with a currency suffix.</summary>
    public sealed class NumberLiteralSyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public NumberLiteralSyntax(TextSpan span, decimal value, bool isPercent, string text, IdentifierSyntax? unitSuffix)
            : base(span)
        {
            Value = value;
            IsPercent = isPercent;
            Text = text;
            UnitSuffix = unitSuffix;
        }

        /// <summary>The exact value (12.5% is 0.125).</summary>
        public decimal Value { get; }

        /// <summary>True when written with a percent sign.</summary>
        public bool IsPercent { get; }

        /// <summary>The literal as written.</summary>
        public string Text { get; }

        /// <summary>The currency suffix, as in <c>1_000 USD</c>.</summary>
        public IdentifierSyntax? UnitSuffix { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new NumberLiteralSyntax(span, Value, IsPercent, Text, UnitSuffix);

        /// <inheritdoc />
        public override string ToString() => (IsPercent ? (Value * 100m).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%" : Value.ToString(System.Globalization.CultureInfo.InvariantCulture)) + (UnitSuffix == null ? "" : " " + UnitSuffix);
    }
}
