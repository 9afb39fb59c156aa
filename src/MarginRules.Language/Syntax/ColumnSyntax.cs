using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A typed table column.</summary>
    public sealed class ColumnSyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public ColumnSyntax(TextSpan span, IdentifierSyntax name, TypeSyntax type)
            : base(span)
        {
            Name = name;
            Type = type;
        }

        /// <summary>The column's name.</summary>
        public IdentifierSyntax Name { get; }

        /// <summary>The column's type.</summary>
        public TypeSyntax Type { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Name}:{Type}";
    }
}
