using System;
using System.IO;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarginRules.Data;

namespace MarginRules.Cli.Simulation;

/// <summary>
/// Reads the simulation files (markets, venues) into <see cref="JsonEntry"/> trees that remember where every value
/// starts, so every error can name the file, line and column the way the data loaders do.
/// </summary>
internal static class JsonFile
{
    // System.Text.Json appends its own zero-based position to reader errors; the error carries it as line and column instead.
    private static readonly Regex ReaderPosition = new(@"\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$", RegexOptions.CultureInvariant);

    /// <summary>Reads and parses a file; a missing file is a usage error naming it.</summary>
    /// <exception cref="UsageException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not well-formed JSON.</exception>
    public static JsonEntry Load(string path)
    {
        if (!File.Exists(path)) throw new UsageException($"{path}: error: no such file");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses strict JSON text (no comments, no trailing commas, one value); <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="DataFormatException">The text is not well-formed JSON.</exception>
    public static JsonEntry Parse(string text, string path)
    {
        var positions = new JsonPositions(text, path);
        if (positions.Text.AsSpan().TrimStart(" \t\r\n").IsEmpty) throw positions.Error(0, "$", "invalid JSON: the file is empty");

        var reader = new Utf8JsonReader(positions.Utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
        JsonEntry? root = null;
        JsonEntry? container = null;
        string? name = null;
        var nameOffset = -1;
        try
        {
            while (reader.Read())
            {
                var offset = checked((int)reader.TokenStartIndex);
                JsonEntry? entry = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.Comment:
                        throw positions.Error(offset, container?.Field ?? "$", "invalid JSON: comments are not allowed");
                    case JsonTokenType.PropertyName:
                        name = reader.GetString();
                        nameOffset = offset;
                        continue;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        var kind = reader.TokenType == JsonTokenType.StartObject ? JsonValueKind.Object : JsonValueKind.Array;
                        entry = container = new JsonEntry(positions, container, kind, offset, name, nameOffset, string.Empty);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        container = container!.Parent;
                        continue;
                    case JsonTokenType.String:
                        entry = new JsonEntry(positions, container, JsonValueKind.String, offset, name, nameOffset, reader.GetString()!);
                        break;
                    case JsonTokenType.Number:
                        entry = new JsonEntry(positions, container, JsonValueKind.Number, offset, name, nameOffset, Encoding.UTF8.GetString(reader.ValueSpan));
                        break;
                    case JsonTokenType.True:
                        entry = new JsonEntry(positions, container, JsonValueKind.True, offset, name, nameOffset, "true");
                        break;
                    case JsonTokenType.False:
                        entry = new JsonEntry(positions, container, JsonValueKind.False, offset, name, nameOffset, "false");
                        break;
                    default:
                        entry = new JsonEntry(positions, container, JsonValueKind.Null, offset, name, nameOffset, "null");
                        break;
                }

                root ??= entry;
                name = null;
                nameOffset = -1;
            }
        }
        catch (JsonException e)
        {
            var offset = positions.OffsetOf(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            var message = ReaderPosition.Replace(e.Message, string.Empty).Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
            throw positions.Error(offset, container?.Field ?? "$", "invalid JSON: " + message.TrimEnd('.'));
        }

        // The reader fails on input without a value, so a document read without error has a root.
        return root!;
    }
}
