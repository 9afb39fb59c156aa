using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>equity = expression</c>: the account's equity.</summary>
    public sealed class EquityDeclarationSyntax : DeclarationSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public EquityDeclarationSyntax(TextSpan span, string? description, ExpressionSyntax value)
            : base(span)
        {
            Description = description;
            Value = value;
        }

        /// <summary>The description, if given.</summary>
        public string? Description { get; }

        /// <summary>The expression.</summary>
        public ExpressionSyntax Value { get; }

        /// <inheritdoc />
        public override string ToString() => $"(equity {Q(Description)} {Value})";
    }
}
