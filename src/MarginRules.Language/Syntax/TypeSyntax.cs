using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A type name such as <c>money</c> or <c>ratio</c>.</summary>
    public sealed class TypeSyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public TypeSyntax(TextSpan span, TypeName name)
            : base(span)
        {
            Name = name;
        }

        /// <summary>The type named.</summary>
        public TypeName Name { get; }

        /// <inheritdoc />
        public override string ToString() => Name.ToString().ToLowerInvariant();
    }
}
