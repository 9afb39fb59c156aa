using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using MarginRules.Data;
using MarginRules.Language.Text;

namespace MarginRules.Cli.Simulation;

/// <summary>One JSON value of a simulation file with the place it starts, so every conversion can fail at that place.</summary>
internal sealed class JsonEntry
{
    private readonly List<JsonEntry> _children = [];

    /// <summary>Creates an entry and appends it to its parent.</summary>
    public JsonEntry(JsonPositions file, JsonEntry? parent, JsonValueKind kind, int offset, string? name, int nameOffset, string text)
    {
        File = file;
        Parent = parent;
        Kind = kind;
        Offset = offset;
        Name = name;
        NameOffset = nameOffset;
        Text = text;
        Index = parent?._children.Count ?? -1;
        parent?._children.Add(this);
    }

    /// <summary>The file the value is in.</summary>
    public JsonPositions File { get; }

    /// <summary>The object or array holding the value; null for the root.</summary>
    public JsonEntry? Parent { get; }

    /// <summary>The JSON kind of the value.</summary>
    public JsonValueKind Kind { get; }

    /// <summary>The UTF-8 byte offset where the value starts.</summary>
    public int Offset { get; }

    /// <summary>The member name, or null for array elements and the root.</summary>
    public string? Name { get; }

    /// <summary>The UTF-8 byte offset of the member name, or -1.</summary>
    public int NameOffset { get; }

    /// <summary>The position among the parent's children.</summary>
    public int Index { get; }

    /// <summary>The unescaped text of a string, the literal text of a number, or the keyword.</summary>
    public string Text { get; }

    /// <summary>The members or elements, in document order.</summary>
    public IReadOnlyList<JsonEntry> Children => _children;

    /// <summary>The JSON path of the value, such as <c>assets.BTC.impact.lambda</c>; <c>$</c> for the root.</summary>
    public string Field
    {
        get
        {
            if (Parent is null) return "$";
            var sb = new StringBuilder();
            var chain = new List<JsonEntry>();
            for (var e = this; e.Parent is not null; e = e.Parent) chain.Add(e);
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                var e = chain[i];
                if (e.Name is null) sb.Append('[').Append(e.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                else if (e.Name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_')) sb.Append(sb.Length > 0 ? "." : string.Empty).Append(e.Name);
                else sb.Append("[\"").Append(e.Name).Append("\"]");
            }

            return sb.ToString();
        }
    }

    /// <summary>The one-based line and column of the value.</summary>
    public (int Line, int Column) Position => File.Position(Offset);

    /// <summary>An error at the value.</summary>
    public DataFormatException Error(string reason) => File.Error(Offset, Field, reason);

    /// <summary>An error at the member's name, for problems with the name itself.</summary>
    public DataFormatException NameError(string reason) => File.Error(NameOffset >= 0 ? NameOffset : Offset, Field, reason);

    /// <summary>The error for a member this object does not have, suggesting the closest known one.</summary>
    public DataFormatException UnknownField(IReadOnlyList<string> known)
    {
        var suggestion = SpellingSuggestion.Closest(Name ?? string.Empty, known);
        return NameError(suggestion is not null
            ? $"unknown field \"{Name}\"; did you mean \"{suggestion}\"?"
            : $"unknown field \"{Name}\"; known fields are {string.Join(", ", known.Select(f => $"\"{f}\""))}");
    }

    /// <summary>The error for a required member that is missing, at the object's opening brace.</summary>
    public DataFormatException MissingField(string name) =>
        File.Error(Offset, Parent is null ? name : $"{Field}.{name}", $"missing field \"{name}\"");

    /// <summary>The members of an object; a repeated name fails at its second occurrence.</summary>
    public IReadOnlyList<JsonEntry> AsObject()
    {
        Expect(JsonValueKind.Object, "an object");
        var seen = new Dictionary<string, JsonEntry>(StringComparer.Ordinal);
        foreach (var member in _children)
        {
            if (seen.TryGetValue(member.Name!, out var first))
            {
                var (line, column) = File.Position(first.NameOffset);
                throw member.NameError($"\"{member.Name}\" is given twice; first at {line}:{column}");
            }

            if (member.Name!.Length == 0) throw member.NameError("a name must not be empty");
            seen.Add(member.Name, member);
        }

        return _children;
    }

    /// <summary>The elements of an array.</summary>
    public IReadOnlyList<JsonEntry> AsArray()
    {
        Expect(JsonValueKind.Array, "an array");
        return _children;
    }

    /// <summary>A non-empty string.</summary>
    public string AsName()
    {
        Expect(JsonValueKind.String, "a string");
        if (Text.Length == 0) throw Error($"{Name ?? Field} must not be empty");
        return Text;
    }

    /// <summary>The exact decimal value of a number, or of a string holding one; <c>"30%"</c> reads as 0.3.</summary>
    public decimal AsDecimal()
    {
        if (Kind is not (JsonValueKind.Number or JsonValueKind.String)) throw Error($"expected a number, found {Describe(Kind)}");
        var text = Text.Trim();
        var percent = Kind == JsonValueKind.String && text.EndsWith('%');
        if (percent) text = text[..^1].TrimEnd();
        if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Error(Kind == JsonValueKind.String ? $"\"{Text}\" is not a number" : $"{Text} does not fit a decimal");
        }

        return percent ? value / 100m : value;
    }

    /// <summary>A number that must be zero or more.</summary>
    public decimal AsNonNegative()
    {
        var value = AsDecimal();
        return value >= 0m ? value : throw Error($"{Name ?? Field} must not be negative, found {Text}");
    }

    /// <summary>A number that must be above zero.</summary>
    public decimal AsPositive()
    {
        var value = AsDecimal();
        return value > 0m ? value : throw Error($"{Name ?? Field} must be positive, found {Text}");
    }

    /// <summary>A share from 0 to 1 (a number, or a percentage string such as <c>"30%"</c>).</summary>
    public decimal AsShare()
    {
        var value = AsDecimal();
        return value is >= 0m and <= 1m ? value : throw Error($"{Name ?? Field} must be from 0 to 1 (0% to 100%), found {Text}");
    }

    /// <summary>A whole number from 0 to <see cref="ulong.MaxValue"/>, such as a seed.</summary>
    public ulong AsSeed()
    {
        if (Kind != JsonValueKind.Number || !ulong.TryParse(Text, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            throw Error($"{Name ?? Field} must be a whole number from 0 to {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}, found {Text}");
        }

        return value;
    }

    /// <summary>Describes a kind for messages.</summary>
    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => "null",
    };

    private void Expect(JsonValueKind kind, string expected)
    {
        if (Kind != kind) throw Error($"expected {expected}, found {Describe(Kind)}");
    }
}
