using System;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarginRules.Data;
using MarginRules.Language.Text;

namespace MarginRules.Cli.PolicyTests;

/// <summary>Reads a test file's strict JSON into <see cref="TestFileNode"/>s that keep their character positions.</summary>
internal static class TestFileJson
{
    // System.Text.Json appends its own zero-based position to reader errors; the error carries a one-based one instead.
    private static readonly Regex ReaderPosition = new(@"\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$", RegexOptions.CultureInvariant);

    /// <summary>Parses the whole text: strict JSON, no comments, no trailing commas, one value.</summary>
    /// <exception cref="DataFormatException">The text is not well-formed JSON.</exception>
    public static TestFileNode Parse(string text, string path)
    {
        var source = new SourceText(text, path);
        if (text.AsSpan().TrimStart(" \t\r\n").IsEmpty) throw Fail(source, 0, "$", "invalid JSON: the file is empty");

        var utf8 = Encoding.UTF8.GetBytes(text);
        // Offsets only grow while reading, so each conversion counts characters from the previous one.
        int lastByte = 0, lastChar = 0;
        int CharAt(int byteOffset)
        {
            byteOffset = Math.Clamp(byteOffset, lastByte, utf8.Length);
            lastChar += Encoding.UTF8.GetCharCount(utf8, lastByte, byteOffset - lastByte);
            lastByte = byteOffset;
            return lastChar;
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
        TestFileNode? root = null;
        TestFileNode? container = null;
        string? name = null;
        var nameStart = -1;
        try
        {
            while (reader.Read())
            {
                var start = CharAt(checked((int)reader.TokenStartIndex));
                TestFileNode? node = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.Comment:
                        throw Fail(source, start, container?.Field ?? "$", "invalid JSON: comments are not allowed");
                    case JsonTokenType.PropertyName:
                        name = reader.GetString();
                        nameStart = start;
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var kind = reader.TokenType == JsonTokenType.StartObject ? JsonValueKind.Object : JsonValueKind.Array;
                        node = container = new TestFileNode(source, container, kind, start, name, nameStart, string.Empty);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        container!.End = start + 1;
                        container = container.Parent;
                        continue;
                    case JsonTokenType.String:
                        node = new TestFileNode(source, container, JsonValueKind.String, start, name, nameStart, reader.GetString()!);
                        break;
                    case JsonTokenType.Number:
                        node = new TestFileNode(source, container, JsonValueKind.Number, start, name, nameStart, Encoding.UTF8.GetString(reader.ValueSpan));
                        break;
                    case JsonTokenType.True:
                        node = new TestFileNode(source, container, JsonValueKind.True, start, name, nameStart, string.Empty);
                        break;
                    case JsonTokenType.False:
                        node = new TestFileNode(source, container, JsonValueKind.False, start, name, nameStart, string.Empty);
                        break;
                    case JsonTokenType.Null:
                        node = new TestFileNode(source, container, JsonValueKind.Null, start, name, nameStart, string.Empty);
                        break;
                }

                if (node is not null && node.Kind is not (JsonValueKind.Object or JsonValueKind.Array))
                    node.End = CharAt(checked((int)(reader.TokenStartIndex + reader.ValueSpan.Length + (reader.TokenType == JsonTokenType.String ? 2 : 0))));
                root ??= node;
                name = null;
                nameStart = -1;
            }
        }
        catch (JsonException e)
        {
            var offset = ByteOffset(utf8, e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            throw Fail(source, CharAt(offset), container?.Field ?? "$", "invalid JSON: " + Describe(e.Message));
        }

        return root!;
    }

    private static DataFormatException Fail(SourceText source, int offset, string field, string reason)
    {
        var p = source.GetPosition(offset);
        return new DataFormatException(source.Path, p.Line, p.Column, field, reason);
    }

    // The reader reports a zero-based line counted in line feeds and a zero-based byte in that line.
    private static int ByteOffset(byte[] utf8, long lineNumber, long bytePositionInLine)
    {
        var offset = 0;
        for (var line = 0L; line < lineNumber && offset < utf8.Length; offset++)
        {
            if (utf8[offset] == (byte)'\n') line++;
        }

        return (int)Math.Min(utf8.Length, offset + Math.Max(0, bytePositionInLine));
    }

    private static string Describe(string readerMessage)
    {
        var message = ReaderPosition.Replace(readerMessage, string.Empty).Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
        return message.TrimEnd('.');
    }
}
