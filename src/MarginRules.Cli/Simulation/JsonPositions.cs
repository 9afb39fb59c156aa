using System;
using System.Collections.Generic;
using System.Text;
using MarginRules.Data;

namespace MarginRules.Cli.Simulation;

/// <summary>The text of one JSON file and the map from the UTF-8 byte offsets the reader reports to one-based lines and columns.</summary>
internal sealed class JsonPositions
{
    private readonly List<int> _lineStarts = [0];

    /// <summary>Wraps <paramref name="text"/>; a leading byte order mark is dropped because editors do not show it as a column.</summary>
    public JsonPositions(string text, string path)
    {
        Text = text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        Path = path;
        Utf8 = Encoding.UTF8.GetBytes(Text);
        for (var i = 0; i < Text.Length; i++)
        {
            if (Text[i] == '\n') _lineStarts.Add(i + 1);
        }
    }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    /// <summary>The file as the user named it.</summary>
    public string Path { get; }

    /// <summary>The text as UTF-8, the form the JSON reader reads.</summary>
    public byte[] Utf8 { get; }

    /// <summary>The one-based line and column of a byte offset; columns count UTF-16 code units, like the policy diagnostics.</summary>
    public (int Line, int Column) Position(int byteOffset)
    {
        var chars = Encoding.UTF8.GetCharCount(Utf8, 0, Math.Clamp(byteOffset, 0, Utf8.Length));
        var line = _lineStarts.BinarySearch(chars);
        if (line < 0) line = ~line - 1;
        return (line + 1, chars - _lineStarts[line] + 1);
    }

    /// <summary>The byte offset of a zero-based line (counted in line feeds) and byte in that line, as System.Text.Json reports them.</summary>
    public int OffsetOf(long lineNumber, long bytePositionInLine)
    {
        var offset = 0;
        for (var line = 0L; line < lineNumber && offset < Utf8.Length; offset++)
        {
            if (Utf8[offset] == (byte)'\n') line++;
        }

        return (int)Math.Min(Utf8.Length, offset + Math.Max(0, bytePositionInLine));
    }

    /// <summary>The error for the value that starts at <paramref name="byteOffset"/>.</summary>
    public DataFormatException Error(int byteOffset, string field, string reason)
    {
        var (line, column) = Position(byteOffset);
        return new DataFormatException(Path, line, column, field, reason);
    }
}
