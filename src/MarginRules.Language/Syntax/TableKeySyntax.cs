using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A table's key: <c>asset</c>, <c>symbol</c>, <c>tag</c>, or a named value with a type for brackets.</summary>
    public sealed class TableKeySyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public TableKeySyntax(TextSpan span, TableKeyKind kind, IdentifierSyntax? valueName, TypeSyntax? valueType)
            : base(span)
        {
            Kind = kind;
            ValueName = valueName;
            ValueType = valueType;
        }

        /// <summary>The kind of key.</summary>
        public TableKeyKind Kind { get; }

        /// <summary>For bracket tables, the name of the keyed value.</summary>
        public IdentifierSyntax? ValueName { get; }

        /// <summary>For bracket tables, the unit of the keyed value.</summary>
        public TypeSyntax? ValueType { get; }

        /// <inheritdoc />
        public override string ToString() => Kind == TableKeyKind.Bracket ? $"{ValueName}:{ValueType}" : Kind.ToString().ToLowerInvariant();
    }
}
