using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>initial = …</c> or <c>maintenance = …</c>: a margin requirement.</summary>
    public sealed class RequirementDeclarationSyntax : DeclarationSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public RequirementDeclarationSyntax(TextSpan span, RequirementKind kind, string? description, ExpressionSyntax value)
            : base(span)
        {
            Kind = kind;
            Description = description;
            Value = value;
        }

        /// <summary>Which requirement.</summary>
        public RequirementKind Kind { get; }

        /// <summary>The description, if given.</summary>
        public string? Description { get; }

        /// <summary>The expression.</summary>
        public ExpressionSyntax Value { get; }

        /// <inheritdoc />
        public override string ToString() => $"({Kind.ToString().ToLowerInvariant()} {Q(Description)} {Value})";
    }
}
