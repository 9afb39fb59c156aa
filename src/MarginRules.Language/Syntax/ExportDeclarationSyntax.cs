using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>export name = expression</c>: a value reported with every assessment.</summary>
    public sealed class ExportDeclarationSyntax : DeclarationSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public ExportDeclarationSyntax(TextSpan span, IdentifierSyntax name, string? description, ExpressionSyntax value)
            : base(span)
        {
            Name = name;
            Description = description;
            Value = value;
        }

        /// <summary>The exported name.</summary>
        public IdentifierSyntax Name { get; }

        /// <summary>The description, if given.</summary>
        public string? Description { get; }

        /// <summary>The expression.</summary>
        public ExpressionSyntax Value { get; }

        /// <inheritdoc />
        public override string ToString() => $"(export {Name} {Q(Description)} {Value})";
    }
}
