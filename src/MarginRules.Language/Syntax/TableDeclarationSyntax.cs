using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A keyed or bracket table.</summary>
    public sealed class TableDeclarationSyntax : DeclarationSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public TableDeclarationSyntax(TextSpan span, IdentifierSyntax name, string? description, TableKeySyntax key, IReadOnlyList<ColumnSyntax> columns, IReadOnlyList<TableRowSyntax> rows)
            : base(span)
        {
            Name = name;
            Description = description;
            Key = key;
            Columns = columns;
            Rows = rows;
        }

        /// <summary>The table's name.</summary>
        public IdentifierSyntax Name { get; }

        /// <summary>The description, if given.</summary>
        public string? Description { get; }

        /// <summary>What rows are keyed by.</summary>
        public TableKeySyntax Key { get; }

        /// <summary>The typed columns.</summary>
        public IReadOnlyList<ColumnSyntax> Columns { get; }

        /// <summary>The rows in source order.</summary>
        public IReadOnlyList<TableRowSyntax> Rows { get; }

        /// <inheritdoc />
        public override string ToString() => $"(table {Name} {Q(Description)} {Key} ({string.Join(" ", Columns)}) {string.Join(" ", Rows)})";
    }
}
