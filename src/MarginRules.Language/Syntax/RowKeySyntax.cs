using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A row key: a name, a string, <c>default</c>, or a bracket range.</summary>
    public sealed class RowKeySyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public RowKeySyntax(TextSpan span, RowKeyKind kind, string? name, CellSyntax? lower, CellSyntax? upper)
            : base(span)
        {
            Kind = kind;
            Name = name;
            Lower = lower;
            Upper = upper;
        }

        /// <summary>The form of the key.</summary>
        public RowKeyKind Kind { get; }

        /// <summary>For named and string keys, the key text.</summary>
        public string? Name { get; }

        /// <summary>For brackets, the inclusive lower bound.</summary>
        public CellSyntax? Lower { get; }

        /// <summary>For brackets, the exclusive upper bound; null when open-ended.</summary>
        public CellSyntax? Upper { get; }

        /// <inheritdoc />
        public override string ToString() => Kind switch { RowKeyKind.Default => "default", RowKeyKind.Bracket => $"{Lower}..{(object?)Upper ?? "inf"}", _ => Q(Name) };
    }
}
