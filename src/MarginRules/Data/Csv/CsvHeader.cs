using System.Collections.Immutable;
using MarginRules.Language.Text;
using System.Linq;
using nietras.SeparatedValues;

namespace MarginRules.Data.Csv;

/// <summary>The header row of a portfolio CSV file: where each of the ten columns is, in whatever order the file lists them.</summary>
internal sealed class CsvHeader
{
    private readonly int[] _indexOf;

    private CsvHeader(int[] indexOf, ImmutableArray<string> names, int columnShift)
    {
        _indexOf = indexOf;
        Names = names;
        ColumnShift = columnShift;
    }

    /// <summary>The column name of each physical column, in file order.</summary>
    public ImmutableArray<string> Names { get; }

    /// <summary>The number of fields every row must have.</summary>
    public int Count => Names.Length;

    /// <summary>1 when a byte order mark precedes the header, which editors do not show as a column; 0 otherwise.</summary>
    public int ColumnShift { get; }

    /// <summary>The physical index of a column.</summary>
    public int IndexOf(CsvColumn column) => _indexOf[(int)column];

    /// <summary>Reads the first row; it must name each of the ten columns exactly once and nothing else.</summary>
    /// <exception cref="DataFormatException">A column is unknown, repeated or missing.</exception>
    public static CsvHeader Read(SepReader.Row row, string path)
    {
        var span = row.Span;
        var shift = span.Length > 0 && span[0] == '\uFEFF' ? 1 : 0;
        if (row.ColCount == 1 && span.Length == shift)
        {
            throw new DataFormatException(path, 1, 1, "$", $"the first line must be the header {PortfolioCsvLayout.Header}");
        }

        var indexOf = Enumerable.Repeat(-1, PortfolioCsvLayout.ColumnNames.Length).ToArray();
        var firstAt = new (int Line, int Column)[indexOf.Length];
        var names = ImmutableArray.CreateBuilder<string>(row.ColCount);
        var offset = 0;
        for (var i = 0; i < row.ColCount; i++)
        {
            var raw = row[i].Span;
            var start = offset;
            offset += raw.Length + 1;
            if (i == 0 && shift == 1)
            {
                raw = raw[1..];
                start = 1;
            }


            // Sep reports the first row's line as the line it ends on; the header always starts on line 1.
            var field = new CsvField(raw, "$", span, start, 1, shift, path);
            field.ExpectWellQuoted();
            var name = field.Text.ToString();
            field = new CsvField(raw, name, span, start, 1, shift, path);
            var column = PortfolioCsvLayout.ColumnNames.IndexOf(name);
            if (column < 0)
            {
                var suggestion = SpellingSuggestion.Closest(name, PortfolioCsvLayout.ColumnNames);
                throw field.Error(suggestion is not null
                    ? $"unknown column \"{name}\"; did you mean \"{suggestion}\"?"
                    : $"unknown column \"{name}\"; the header is {PortfolioCsvLayout.Header}");
            }

            if (indexOf[column] >= 0)
            {
                var (line, col) = firstAt[column];
                throw field.Error($"duplicate column \"{name}\"; first defined at {line}:{col}");
            }

            indexOf[column] = i;
            firstAt[column] = field.Position;
            names.Add(name);
        }

        for (var column = 0; column < indexOf.Length; column++)
        {
            if (indexOf[column] < 0)
            {
                var name = PortfolioCsvLayout.ColumnNames[column];
                throw new DataFormatException(path, 1, 1, name, $"missing column \"{name}\"; the header is {PortfolioCsvLayout.Header}");
            }
        }

        return new CsvHeader(indexOf, names.MoveToImmutable(), shift);
    }
}
