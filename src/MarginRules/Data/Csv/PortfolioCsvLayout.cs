using System;
using System.Collections.Immutable;

namespace MarginRules.Data.Csv;

/// <summary>The names a portfolio CSV file uses for its columns and row kinds, shared by the reader and the writer.</summary>
internal static class PortfolioCsvLayout
{
    /// <summary>Separates tags inside the <c>tags</c> column; a comma would need quoting in every file a spreadsheet writes.</summary>
    public const char TagSeparator = ';';

    /// <summary>The column names in <see cref="CsvColumn"/> order, which is the order the writer uses.</summary>
    public static readonly ImmutableArray<string> ColumnNames =
        ["account", "kind", "symbol", "quantity", "entry_price", "isolated", "isolated_margin", "wallet", "tags", "call_rounds"];

    /// <summary>The <c>kind</c> values in <see cref="CsvRowKind"/> order.</summary>
    public static readonly ImmutableArray<string> KindNames = ["account", "position", "holding", "debt"];

    /// <summary>The header line the writer emits and error messages quote.</summary>
    public static readonly string Header = string.Join(",", ColumnNames);

    /// <summary>The name of a column.</summary>
    public static string Name(CsvColumn column) => ColumnNames[(int)column];

    /// <summary>The <c>kind</c> value of a row kind.</summary>
    public static string Name(CsvRowKind kind) => KindNames[(int)kind];

    /// <summary>"an account row" or "a position row", for messages.</summary>
    public static string RowOf(CsvRowKind kind) => kind == CsvRowKind.Account ? "an account row" : $"a {Name(kind)} row";

    /// <summary>Recognises a <c>kind</c> value; names are case-sensitive like every other name in the data formats.</summary>
    public static bool TryParseKind(ReadOnlySpan<char> text, out CsvRowKind kind)
    {
        for (var i = 0; i < KindNames.Length; i++)
        {
            if (text.SequenceEqual(KindNames[i]))
            {
                kind = (CsvRowKind)i;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
