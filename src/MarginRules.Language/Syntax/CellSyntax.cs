using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A literal table cell.</summary>
    public sealed class CellSyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public CellSyntax(TextSpan span, CellKind kind, decimal number, bool isPercent, string text)
            : base(span)
        {
            Kind = kind;
            Number = number;
            IsPercent = isPercent;
            Text = text;
        }

        /// <summary>The literal's kind.</summary>
        public CellKind Kind { get; }

        /// <summary>The numeric value, for numbers.</summary>
        public decimal Number { get; }

        /// <summary>True when written with a percent sign.</summary>
        public bool IsPercent { get; }

        /// <summary>The literal's text as written (the string value for strings).</summary>
        public string Text { get; }

        /// <inheritdoc />
        public override string ToString() => Kind switch { CellKind.Number => (IsPercent ? (Number * 100m).ToString(System.Globalization.CultureInfo.InvariantCulture) + "%" : Number.ToString(System.Globalization.CultureInfo.InvariantCulture)), CellKind.String => Q(Text), _ => Text };
    }
}
