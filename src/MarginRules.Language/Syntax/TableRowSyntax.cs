using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>One table row: a key (or bracket range) and its cells.</summary>
    public sealed class TableRowSyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public TableRowSyntax(TextSpan span, RowKeySyntax key, IReadOnlyList<CellSyntax> cells)
            : base(span)
        {
            Key = key;
            Cells = cells;
        }

        /// <summary>The row key.</summary>
        public RowKeySyntax Key { get; }

        /// <summary>The cells, one per column.</summary>
        public IReadOnlyList<CellSyntax> Cells { get; }

        /// <inheritdoc />
        public override string ToString() => $"[{Key} {string.Join(" ", Cells)}]";
    }
}
