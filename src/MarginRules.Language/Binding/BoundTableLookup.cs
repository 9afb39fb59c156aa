using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A table cell: the row chosen by the key, and a column chosen by name or by a number computed at run time.</summary>
    public sealed class BoundTableLookup : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span; a column number makes <paramref name="column"/> -1.</summary>
        public BoundTableLookup(PolicyType type, TextSpan span, TableSymbol table, BoundExpression key, int column, BoundExpression? columnNumber = null)
            : base(type, span)
        {
            Table = table;
            Key = key;
            Column = columnNumber == null ? column : -1;
            ColumnNumber = columnNumber;
        }

        /// <summary>The table.</summary>
        public TableSymbol Table { get; }

        /// <summary>The key (text, the account's tags, or a bracketed value).</summary>
        public BoundExpression Key { get; }

        /// <summary>The column index, or -1 when <see cref="ColumnNumber"/> chooses the column.</summary>
        public int Column { get; }

        /// <summary>
        /// For <c>table[key][k]</c>, the 1-based column number k (dimensionless, evaluated after the row is found; every
        /// column then has the same numeric type); null for <c>table[key].column</c>.
        /// </summary>
        public BoundExpression? ColumnNumber { get; }

        /// <inheritdoc />
        public override string ToString() =>
            ColumnNumber == null ? $"{Table.Name}[{Key}].{Table.Columns[Column].Name}" : $"{Table.Name}[{Key}][{ColumnNumber}]";
    }
}
