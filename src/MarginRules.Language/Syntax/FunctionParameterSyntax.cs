using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A typed function parameter.</summary>
    public sealed class FunctionParameterSyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public FunctionParameterSyntax(TextSpan span, IdentifierSyntax name, TypeSyntax type)
            : base(span)
        {
            Name = name;
            Type = type;
        }

        /// <summary>The parameter's name.</summary>
        public IdentifierSyntax Name { get; }

        /// <summary>The parameter's type.</summary>
        public TypeSyntax Type { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Name}:{Type}";
    }
}
