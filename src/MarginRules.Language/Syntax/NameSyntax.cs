using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A reference to a declared name, a variable or a built-in value.</summary>
    public sealed class NameSyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public NameSyntax(TextSpan span, string name)
            : base(span)
        {
            Name = name;
        }

        /// <summary>The name.</summary>
        public string Name { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new NameSyntax(span, Name);

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
