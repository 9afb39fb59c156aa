using System;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace MarginRules.Data;

/// <summary>Reads a data file's JSON into <see cref="DataNode"/>s, turning malformed JSON into a <see cref="DataFormatException"/> at the reader's position.</summary>
internal static class DataTree
{
    // System.Text.Json appends its own zero-based position to reader errors; the exception carries it as 1-based line and column instead.
    private static readonly Regex ReaderPosition = new(@"\s*LineNumber: \d+ \| BytePositionInLine: \d+\.?\s*$", RegexOptions.CultureInvariant);

    /// <summary>Parses the whole file; strict JSON (no comments, no trailing commas, one value).</summary>
    /// <exception cref="DataFormatException">The text is not well-formed JSON.</exception>
    public static DataNode Parse(DataSource source)
    {
        // The reader's own message for this case talks about its isFinalBlock argument.
        if (source.Text.AsSpan().TrimStart(" \t\r\n").IsEmpty) throw source.Error(0, "$", "invalid JSON: the file is empty");

        // Comments are read as tokens only to reject them with a plainer message than the reader's "'/' is invalid after a value".
        var reader = new Utf8JsonReader(source.Utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Allow });
        DataNode? root = null;
        DataNode? container = null;
        string? name = null;
        var nameOffset = -1;
        var tokenOffset = 0;
        try
        {
            while (reader.Read())
            {
                tokenOffset = checked((int)reader.TokenStartIndex);
                DataNode? node = null;
                switch (reader.TokenType)
                {
                    case JsonTokenType.Comment:
                        throw source.Error(tokenOffset, container?.Field ?? "$", "invalid JSON: comments are not allowed");
                    case JsonTokenType.PropertyName:
                        name = reader.GetString();
                        nameOffset = tokenOffset;
                        continue;
                    case JsonTokenType.StartObject:
                        node = container = new DataNode(source, container, JsonValueKind.Object, tokenOffset, name, nameOffset, string.Empty);
                        break;
                    case JsonTokenType.StartArray:
                        node = container = new DataNode(source, container, JsonValueKind.Array, tokenOffset, name, nameOffset, string.Empty);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        container!.End = checked((int)reader.BytesConsumed);
                        container = container.Parent;
                        continue;
                    case JsonTokenType.String:
                        node = new DataNode(source, container, JsonValueKind.String, tokenOffset, name, nameOffset, reader.GetString()!);
                        break;
                    case JsonTokenType.Number:
                        node = new DataNode(source, container, JsonValueKind.Number, tokenOffset, name, nameOffset, Encoding.UTF8.GetString(reader.ValueSpan));
                        break;
                    case JsonTokenType.True:
                        node = new DataNode(source, container, JsonValueKind.True, tokenOffset, name, nameOffset, string.Empty);
                        break;
                    case JsonTokenType.False:
                        node = new DataNode(source, container, JsonValueKind.False, tokenOffset, name, nameOffset, string.Empty);
                        break;
                    case JsonTokenType.Null:
                        node = new DataNode(source, container, JsonValueKind.Null, tokenOffset, name, nameOffset, string.Empty);
                        break;
                }

                if (node is { Kind: not (JsonValueKind.Object or JsonValueKind.Array) }) node.End = checked((int)reader.BytesConsumed);
                root ??= node;
                name = null;
                nameOffset = -1;
            }
        }
        catch (JsonException e)
        {
            var offset = source.OffsetOf(e.LineNumber ?? 0, e.BytePositionInLine ?? 0);
            throw source.Error(offset, container?.Field ?? "$", "invalid JSON: " + Describe(e.Message), e);
        }
        catch (InvalidOperationException e)
        {
            // The reader accepts an escaped lone surrogate such as "\uD800" but cannot turn it into a string.
            throw source.Error(tokenOffset, container?.Field ?? "$", "invalid JSON: " + Describe(e.Message), e);
        }

        // The reader fails on any input without a value, so a document read without error has a root.
        return root!;
    }

    private static string Describe(string readerMessage)
    {
        // The "change the reader options" advice is addressed to programmers; these files are strict JSON by design.
        var message = ReaderPosition.Replace(readerMessage, string.Empty).Replace(" Change the reader options.", string.Empty, StringComparison.Ordinal);
        return message.TrimEnd('.');
    }
}
