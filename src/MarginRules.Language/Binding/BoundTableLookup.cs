using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A table cell: the row chosen by the key, and a column.</summary>
    public sealed class BoundTableLookup : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundTableLookup(PolicyType type, TextSpan span, TableSymbol table, BoundExpression key, int column)
            : base(type, span)
        {
            Table = table;
            Key = key;
            Column = column;
        }

        /// <summary>The table.</summary>
        public TableSymbol Table { get; }

        /// <summary>The key (text, the account's tags, or a bracketed value).</summary>
        public BoundExpression Key { get; }

        /// <summary>The column index.</summary>
        public int Column { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Table.Name}[{Key}].{Table.Columns[Column].Name}";
    }
}
