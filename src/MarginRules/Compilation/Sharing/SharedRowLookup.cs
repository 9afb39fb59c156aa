using MarginRules.Language.Binding;
using MarginRules.Language.Text;

namespace MarginRules.Compilation.Sharing;

/// <summary>
/// A table cell whose row is shared with other lookups in the same table by an equal key: the first lookup finds the
/// row and keeps its index in a slot; the others read the index back and do not evaluate the key again.
/// </summary>
internal sealed class SharedRowLookup : BoundExpression
{
    public SharedRowLookup(PolicyType type, TextSpan span, TableSymbol table, BoundExpression key, int column, BoundExpression? columnNumber, int slot, bool findsRow)
        : base(type, span)
    {
        ColumnNumber = columnNumber;
        Table = table;
        Key = key;
        Column = column;
        Slot = slot;
        FindsRow = findsRow;
    }

    /// <summary>The table.</summary>
    public TableSymbol Table { get; }

    /// <summary>The key; evaluated only when <see cref="FindsRow"/> is true (and never for tag tables).</summary>
    public BoundExpression Key { get; }

    /// <summary>The column index.</summary>
    public int Column { get; }

    /// <summary>The column number of <c>t[key][k]</c>, evaluated after the row is found; null for a column read by name.</summary>
    public BoundExpression? ColumnNumber { get; }

    /// <summary>The delegate-local slot that holds the row index.</summary>
    public int Slot { get; }

    /// <summary>True for the lookup that finds the row and fills the slot; false for one that reads the slot.</summary>
    public bool FindsRow { get; }

    public override string ToString() =>
        (FindsRow ? $"{Table.Name}[#{Slot} = {Key}]" : $"{Table.Name}[#{Slot}]") + (ColumnNumber == null ? "." + Table.Columns[Column].Name : $"[{ColumnNumber}]");
}
