using System;
using System.Text;
using MarginRules.Language.Text;

namespace MarginRules.Data;

/// <summary>The text of one data file with its path, and the map from UTF-8 byte offsets (what the JSON reader reports) to lines and columns.</summary>
internal sealed class DataSource
{
    private SourceText? _lines;

    /// <summary>Wraps <paramref name="text"/>; a leading byte order mark is dropped because editors do not show it as a column.</summary>
    public DataSource(string text, string path)
    {
        Text = text.Length > 0 && text[0] == '\uFEFF' ? text.Substring(1) : text;
        Path = path;
        Utf8 = Encoding.UTF8.GetBytes(Text);
    }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    /// <summary>The file path shown in errors.</summary>
    public string Path { get; }

    /// <summary>The text as UTF-8, the form <see cref="System.Text.Json.Utf8JsonReader"/> reads.</summary>
    public byte[] Utf8 { get; }

    /// <summary>The one-based line and column of a byte offset; columns count UTF-16 code units, so a line with non-ASCII text is not shifted.</summary>
    public LinePosition Position(int byteOffset)
    {
        byteOffset = Math.Clamp(byteOffset, 0, Utf8.Length);
        _lines ??= new SourceText(Text, Path);
        return _lines.GetPosition(Encoding.UTF8.GetCharCount(Utf8, 0, byteOffset));
    }

    /// <summary>The character offset in <see cref="Text"/> of a UTF-8 byte offset.</summary>
    public int CharOffset(int byteOffset) => Encoding.UTF8.GetCharCount(Utf8, 0, Math.Clamp(byteOffset, 0, Utf8.Length));

    /// <summary>The byte offset of a position as System.Text.Json reports it: a zero-based line counted in line feeds and a zero-based byte in that line.</summary>
    public int OffsetOf(long lineNumber, long bytePositionInLine)
    {
        var offset = 0;
        for (var line = 0L; line < lineNumber && offset < Utf8.Length; offset++)
        {
            if (Utf8[offset] == (byte)'\n') line++;
        }

        return (int)Math.Min(Utf8.Length, offset + Math.Max(0, bytePositionInLine));
    }

    /// <summary>Creates the error for the value that starts at <paramref name="byteOffset"/>.</summary>
    public DataFormatException Error(int byteOffset, string field, string reason, Exception? cause = null)
    {
        var position = Position(byteOffset);
        return new DataFormatException(Path, position.Line, position.Column, field, reason, cause);
    }
}
