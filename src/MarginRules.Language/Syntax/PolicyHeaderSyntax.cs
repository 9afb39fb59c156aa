using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>The <c>policy "name" version "v" currency USD</c> header.</summary>
    public sealed class PolicyHeaderSyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public PolicyHeaderSyntax(TextSpan span, string name, string? version, IdentifierSyntax? currency)
            : base(span)
        {
            Name = name;
            Version = version;
            Currency = currency;
        }

        /// <summary>The policy's name.</summary>
        public string Name { get; }

        /// <summary>The policy's version, if given.</summary>
        public string? Version { get; }

        /// <summary>The quote currency, if given.</summary>
        public IdentifierSyntax? Currency { get; }

        /// <inheritdoc />
        public override string ToString() => $"(policy {Q(Name)} {Q(Version)} {Currency?.Text ?? "-"})";
    }
}
