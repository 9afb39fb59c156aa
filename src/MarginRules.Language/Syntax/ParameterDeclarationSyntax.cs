using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>param name: type = default</c>: a value a host can override.</summary>
    public sealed class ParameterDeclarationSyntax : DeclarationSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public ParameterDeclarationSyntax(TextSpan span, IdentifierSyntax name, string? description, TypeSyntax type, ExpressionSyntax @default)
            : base(span)
        {
            Name = name;
            Description = description;
            Type = type;
            Default = @default;
        }

        /// <summary>The parameter's name.</summary>
        public IdentifierSyntax Name { get; }

        /// <summary>The description, if given.</summary>
        public string? Description { get; }

        /// <summary>The declared type.</summary>
        public TypeSyntax Type { get; }

        /// <summary>The default value.</summary>
        public ExpressionSyntax Default { get; }

        /// <inheritdoc />
        public override string ToString() => $"(param {Name} {Q(Description)} {Type} {Default})";
    }
}
