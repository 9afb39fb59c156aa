using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Binding;
using MarginRules.Language.Syntax;
using MarginRules.Runtime;

namespace MarginRules.Compilation;

/// <summary>
/// A table laid out for compiled lookups: a key-to-row index (keyed tables), the row keys in order (tag tables) or the
/// bracket bounds (bracket tables), and one typed array per column. The default row, if any, is the last row.
/// </summary>
internal sealed class CompiledTable
{
    public CompiledTable(TableSymbol table)
    {
        var rows = new List<object[]>(table.Rows);
        DefaultRow = -1;
        if (table.DefaultRow != null)
        {
            DefaultRow = rows.Count;
            rows.Add(table.DefaultRow);
        }

        Columns = new Array[table.Columns.Count];
        for (var c = 0; c < Columns.Length; c++) Columns[c] = Column(table.Columns[c].Type, rows, c);

        if (Columns.All(column => column is decimal[])) NumberColumns = Columns.Cast<decimal[]>().ToArray();
        Keys = table.Keys.ToArray();
        Index = Keys.Select((key, row) => new KeyValuePair<string, int>(key, row)).ToFrozenDictionary(StringComparer.Ordinal);
        LowerBounds = table.LowerBounds.ToArray();
        UpperBounds = table.UpperBounds.Select(upper => upper ?? decimal.MaxValue).ToArray();
        LastOpen = table.UpperBounds.Count > 0 && !table.UpperBounds[^1].HasValue;
        Brackets = new BracketBounds(LowerBounds, UpperBounds, LastOpen);
    }

    /// <summary>Keyed tables: the row of each key.</summary>
    public FrozenDictionary<string, int> Index { get; }

    /// <summary>Keyed and tag tables: the row keys in table order.</summary>
    public string[] Keys { get; }

    /// <summary>The default row, or -1 when the table has none.</summary>
    public int DefaultRow { get; }

    /// <summary>Bracket tables: each bracket's inclusive lower bound, ascending.</summary>
    public decimal[] LowerBounds { get; }

    /// <summary>Bracket tables: each bracket's exclusive upper bound (unused for an open last bracket).</summary>
    public decimal[] UpperBounds { get; }

    /// <summary>Bracket tables: true when the last bracket has no upper bound.</summary>
    public bool LastOpen { get; }

    /// <summary>Bracket tables: the bounds prepared for the row search.</summary>
    public BracketBounds Brackets { get; }

    /// <summary>Per column, the cells of every row: a <c>decimal[]</c>, <c>bool[]</c> or <c>string[]</c>.</summary>
    public Array[] Columns { get; }

    /// <summary>The columns as numbers, for <c>t[key][k]</c>; null when a column holds bool or text.</summary>
    public decimal[][]? NumberColumns { get; }

    /// <summary>
    /// The row a constant key selects, found the way the reference evaluator finds it; null when no row matches (the
    /// lookup then stays in the compiled code and fails at run time) or when rows depend on the account's tags.
    /// </summary>
    public static object[]? FindRow(TableSymbol table, object key)
    {
        switch (table.KeyKind)
        {
            case TableKeyKind.Bracket:
                var value = (decimal)key;
                for (var i = 0; i < table.LowerBounds.Count; i++)
                {
                    var upper = table.UpperBounds[i];
                    if (value >= table.LowerBounds[i] && (!upper.HasValue || value < upper.Value)) return table.Rows[i];
                }

                return null;
            case TableKeyKind.Tag:
                return null;
            default:
                var text = (string)key;
                for (var i = 0; i < table.Keys.Count; i++)
                    if (table.Keys[i] == text) return table.Rows[i];
                return table.DefaultRow;
        }
    }

    private static Array Column(PolicyType type, List<object[]> rows, int column) => type.Kind switch
    {
        TypeKind.Bool => rows.Select(row => (bool)row[column]).ToArray(),
        TypeKind.Text => rows.Select(row => (string)row[column]).ToArray(),
        _ => rows.Select(row => (decimal)row[column]).ToArray(),
    };
}
