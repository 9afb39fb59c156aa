using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A whole policy file: its header and declarations.</summary>
    public sealed class PolicySyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public PolicySyntax(TextSpan span, PolicyHeaderSyntax header, IReadOnlyList<DeclarationSyntax> declarations)
            : base(span)
        {
            Header = header;
            Declarations = declarations;
        }

        /// <summary>The header.</summary>
        public PolicyHeaderSyntax Header { get; }

        /// <summary>The declarations in source order.</summary>
        public IReadOnlyList<DeclarationSyntax> Declarations { get; }

        /// <inheritdoc />
        public override string ToString() => Header + string.Concat(Declarations.Select(d => "\n" + d));
    }
}
