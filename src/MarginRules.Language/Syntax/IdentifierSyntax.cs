using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>An identifier with its span.</summary>
    public sealed class IdentifierSyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public IdentifierSyntax(TextSpan span, string text)
            : base(span)
        {
            Text = text;
        }

        /// <summary>The identifier's text.</summary>
        public string Text { get; }

        /// <inheritdoc />
        public override string ToString() => Text;
    }
}
