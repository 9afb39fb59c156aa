using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>let name = expression</c>: a named value computed per account.</summary>
    public sealed class LetDeclarationSyntax : DeclarationSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public LetDeclarationSyntax(TextSpan span, IdentifierSyntax name, string? description, TypeSyntax? type, ExpressionSyntax value)
            : base(span)
        {
            Name = name;
            Description = description;
            Type = type;
            Value = value;
        }

        /// <summary>The definition's name.</summary>
        public IdentifierSyntax Name { get; }

        /// <summary>The description, if given.</summary>
        public string? Description { get; }

        /// <summary>The declared type, if given.</summary>
        public TypeSyntax? Type { get; }

        /// <summary>The defining expression.</summary>
        public ExpressionSyntax Value { get; }

        /// <inheritdoc />
        public override string ToString() => $"(let {Name} {Q(Description)} {(object?)Type ?? "-"} {Value})";
    }
}
