using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace MarginRules.Cli.Simulation;

/// <summary>A plain text table: a header row and rows of cells, names left-aligned and numbers right-aligned.</summary>
internal sealed class TextTable
{
    private readonly string[] _headers;
    private readonly int _leftColumns;
    private readonly List<(string[] Cells, string? Note)> _rows = [];

    /// <summary>Creates a table with column headers; the first <paramref name="leftColumns"/> columns hold names and are left-aligned.</summary>
    public TextTable(IEnumerable<string> headers, int leftColumns = 0)
    {
        _headers = headers.ToArray();
        _leftColumns = leftColumns;
    }

    /// <summary>The number of leading columns that hold names rather than numbers.</summary>
    public int LeftColumns => _leftColumns;

    /// <summary>The column headers.</summary>
    public IReadOnlyList<string> Headers => _headers;

    /// <summary>The rows in order, each with its note.</summary>
    public IReadOnlyList<(string[] Cells, string? Note)> Rows => _rows;

    /// <summary>Adds a row; <paramref name="note"/> is printed after the last column, unaligned.</summary>
    public void Add(IEnumerable<string> cells, string? note = null)
    {
        var row = cells.ToArray();
        if (row.Length != _headers.Length) throw new ArgumentException($"a row has {row.Length} cells for {_headers.Length} columns", nameof(cells));
        _rows.Add((row, note));
    }

    /// <summary>The table as lines joined with new lines, with two spaces between columns and no trailing spaces.</summary>
    public string Render()
    {
        var widths = _headers.Select((h, i) => Math.Max(h.Length, _rows.Count == 0 ? 0 : _rows.Max(r => r.Cells[i].Length))).ToArray();
        var sb = new StringBuilder();
        Line(sb, _headers, widths, null, _leftColumns);
        foreach (var (cells, note) in _rows) Line(sb, cells, widths, note, _leftColumns);
        return sb.ToString().TrimEnd('\n');
    }

    private static void Line(StringBuilder sb, string[] cells, int[] widths, string? note, int leftColumns)
    {
        var line = new StringBuilder();
        for (var i = 0; i < cells.Length; i++)
        {
            if (i > 0) line.Append("  ");
            line.Append(i < leftColumns ? cells[i].PadRight(widths[i]) : cells[i].PadLeft(widths[i]));
        }

        if (note is not null) line.Append("  ").Append(note);
        sb.Append(line.ToString().TrimEnd()).Append('\n');
    }
}
