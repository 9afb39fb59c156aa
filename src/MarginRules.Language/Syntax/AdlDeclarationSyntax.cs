using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>adl rank p: expression</c>: the auto-deleveraging ranking of positions.</summary>
    public sealed class AdlDeclarationSyntax : DeclarationSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public AdlDeclarationSyntax(TextSpan span, string? description, IdentifierSyntax variable, ExpressionSyntax rank)
            : base(span)
        {
            Description = description;
            Variable = variable;
            Rank = rank;
        }

        /// <summary>The description, if given.</summary>
        public string? Description { get; }

        /// <summary>The variable bound to each position.</summary>
        public IdentifierSyntax Variable { get; }

        /// <summary>The ranking; highest is deleveraged first.</summary>
        public ExpressionSyntax Rank { get; }

        /// <inheritdoc />
        public override string ToString() => $"(adl {Q(Description)} {Variable} {Rank})";
    }
}
