using System.Collections.Generic;
using MarginRules.Language.Text;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace MarginRules.Data;

/// <summary>One JSON value with the byte offset it starts at and the path that leads to it, so every conversion can fail at the exact place.</summary>
/// <remarks>
/// Built once by <see cref="DataTree"/>; the typed <c>As…</c> readers are the only way the loaders look at values. The
/// command-line tool reads its own files (venues, markets, policy tests) through the same nodes, so every file the
/// product reads reports problems in one format.
/// </remarks>
internal sealed class DataNode
{
    private readonly List<DataNode> _children = new();

    /// <summary>Creates a node and appends it to its parent, which the reader has already created.</summary>
    public DataNode(DataSource source, DataNode? parent, JsonValueKind kind, int offset, string? name, int nameOffset, string text)
    {
        Source = source;
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
    public DataSource Source { get; }

    /// <summary>The object or array holding the value; null for the document's root.</summary>
    public DataNode? Parent { get; }

    /// <summary>The JSON kind of the value.</summary>
    public JsonValueKind Kind { get; }

    /// <summary>The UTF-8 byte offset of the value's first character (the quote of a string, the brace of an object).</summary>
    public int Offset { get; }

    /// <summary>The property name when the value is an object member; null for array elements and the root.</summary>
    public string? Name { get; }

    /// <summary>The UTF-8 byte offset just past the value's last character (the closing quote or brace).</summary>
    public int End { get; internal set; }

    /// <summary>The character offset of the value's first character in <see cref="DataSource.Text"/>.</summary>
    public int CharStart => Source.CharOffset(Offset);

    /// <summary>The character offset just past the value's last character in <see cref="DataSource.Text"/>.</summary>
    public int CharEnd => Source.CharOffset(End);

    /// <summary>The one-based line and column where the value starts.</summary>
    public LinePosition Position => Source.Position(Offset);

    /// <summary>The UTF-8 byte offset of the property name's opening quote; -1 when there is no name.</summary>
    public int NameOffset { get; }

    /// <summary>The position among the parent's members or elements; -1 for the root.</summary>
    public int Index { get; }

    /// <summary>The unescaped text of a string or the literal text of a number; empty for other kinds.</summary>
    public string Text { get; }

    /// <summary>The members of an object or the elements of an array, in document order.</summary>
    public IReadOnlyList<DataNode> Children => _children;

    /// <summary>The JSON path of the value, such as <c>accounts[3].positions[0].size</c>; <c>$</c> for the root.</summary>
    public string Field
    {
        get
        {
            if (Parent is null) return "$";
            var chain = new List<DataNode>();
            for (var n = this; n.Parent is not null; n = n.Parent) chain.Add(n);
            var sb = new StringBuilder();
            for (var i = chain.Count - 1; i >= 0; i--) AppendSegment(sb, chain[i]);
            return sb.ToString();
        }
    }

    /// <summary>The word used for the value in messages: its property name, else its path.</summary>
    public string Label => Name ?? Field;

    /// <summary>The path a member called <paramref name="name"/> of this object would have.</summary>
    public string MemberField(string name)
    {
        var sb = new StringBuilder();
        if (Parent is not null) sb.Append(Field);
        AppendName(sb, name);
        return sb.ToString();
    }

    /// <summary>An error at the value itself.</summary>
    public DataFormatException Error(string reason) => Source.Error(Offset, Field, reason);

    /// <summary>An error at a byte offset inside the value, such as a column of a shock written in a string.</summary>
    public DataFormatException ErrorAt(int byteOffset, string reason) => Source.Error(byteOffset, Field, reason);

    /// <summary>An error at the member's name rather than its value, for problems with the name.</summary>
    public DataFormatException NameError(string reason) => Source.Error(NameOffset >= 0 ? NameOffset : Offset, Field, reason);

    /// <summary>The error for a member this kind of object does not have, suggesting the closest known name.</summary>
    public DataFormatException UnknownField(IReadOnlyList<string> knownFields)
    {
        var name = Name ?? string.Empty;
        var suggestion = SpellingSuggestion.Closest(name, knownFields);
        return NameError(suggestion is not null
            ? $"unknown field \"{name}\"; did you mean \"{suggestion}\"?"
            : $"unknown field \"{name}\"; known fields are {string.Join(", ", knownFields.Select(f => $"\"{f}\""))}");
    }

    /// <summary>The error for a member name that is not one of <paramref name="known"/> (an account id, a parameter, …), suggesting the closest.</summary>
    public DataFormatException Unknown(string what, IReadOnlyCollection<string> known)
    {
        var name = Name ?? Text;
        var suggestion = SpellingSuggestion.Closest(name, known);
        return NameError(suggestion is not null
            ? $"unknown {what} \"{name}\"; did you mean \"{suggestion}\"?"
            : $"unknown {what} \"{name}\"; known: {string.Join(", ", known.Select(f => $"\"{f}\""))}");
    }

    /// <summary>The error for a required member this object lacks, placed at the object's opening brace.</summary>
    public DataFormatException MissingField(string name) => Source.Error(Offset, MemberField(name), $"missing field \"{name}\"");

    /// <summary>The members of an object with fixed field names; a repeated name fails at its second occurrence.</summary>
    public IReadOnlyList<DataNode> AsRecord()
    {
        Expect(JsonValueKind.Object, "an object");
        CheckUnique("field", allowEmpty: true);
        return _children;
    }

    /// <summary>The members of an object whose names must all be among <paramref name="knownFields"/>, unique and in any order.</summary>
    public IReadOnlyList<DataNode> AsRecord(IReadOnlyList<string> knownFields)
    {
        var members = AsRecord();
        foreach (var member in members)
        {
            if (!knownFields.Contains(member.Name!, System.StringComparer.Ordinal)) throw member.UnknownField(knownFields);
        }

        return members;
    }

    /// <summary>The members of an object keyed by free-form names such as asset symbols; names must be non-empty and unique.</summary>
    public IReadOnlyList<DataNode> AsMap(string keyWord)
    {
        Expect(JsonValueKind.Object, "an object");
        CheckUnique(keyWord, allowEmpty: false);
        return _children;
    }

    /// <summary>The member called <paramref name="name"/> of an object already read with <see cref="AsRecord()"/>, or null.</summary>
    public DataNode? Member(string name)
    {
        foreach (var member in _children)
        {
            if (member.Name == name) return member;
        }

        return null;
    }

    /// <summary>The elements of an array.</summary>
    public IReadOnlyList<DataNode> AsArray()
    {
        Expect(JsonValueKind.Array, "an array");
        return _children;
    }

    /// <summary>The value of a string.</summary>
    public string AsString()
    {
        Expect(JsonValueKind.String, "a string");
        return Text;
    }

    /// <summary>The value of a string that names something (an id, a symbol, an asset), which must not be empty.</summary>
    public string AsName()
    {
        var text = AsString();
        if (text.Trim().Length == 0) throw Error($"{Label} must not be empty");
        return text;
    }

    /// <summary>The value of <c>true</c> or <c>false</c>.</summary>
    public bool AsBoolean() => Kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error($"expected true or false, found {Describe(Kind)}"),
    };

    /// <summary>The exact decimal value of a JSON number or a numeric string, never passing through <see cref="double"/>.</summary>
    public decimal AsDecimal()
    {
        if (Kind == JsonValueKind.String)
        {
            if (ExactDecimal.IsNonFinite(Text)) throw Error($"\"{Text}\" is not a finite number");
            if (!ExactDecimal.IsNumberSyntax(Text)) throw Error($"\"{Text}\" is not a number");
        }
        else if (Kind != JsonValueKind.Number)
        {
            throw Error($"expected a number, found {Describe(Kind)}");
        }

        return ExactDecimal.TryParse(Text, out var value, out var problem) ? value : throw Error(problem!);
    }

    /// <summary>A decimal that must be zero or more: prices, quantities, margins.</summary>
    public decimal AsNonNegativeDecimal()
    {
        var value = AsDecimal();
        if (value < 0m) throw Error($"{Label} must not be negative, found {Text}");
        return value;
    }

    /// <summary>A whole number from zero to <see cref="int.MaxValue"/>, such as a count of rounds.</summary>
    public int AsCount()
    {
        var value = AsDecimal();
        if (value != decimal.Truncate(value)) throw Error($"{Label} must be a whole number, found {Text}");
        if (value < 0m) throw Error($"{Label} must not be negative, found {Text}");
        if (value > int.MaxValue) throw Error($"{Label} must be at most {int.MaxValue.ToString(CultureInfo.InvariantCulture)}, found {Text}");
        return (int)value;
    }

    /// <summary>A decimal that must be above zero, such as a price in a market file.</summary>
    public decimal AsPositiveDecimal()
    {
        var value = AsDecimal();
        return value > 0m ? value : throw Error($"{Label} must be positive, found {Text}");
    }

    /// <summary>A share from 0 to 1: a number, or a percentage string such as <c>"30%"</c>.</summary>
    public decimal AsShare()
    {
        var value = Kind == JsonValueKind.String && Text.TrimEnd().EndsWith("%", System.StringComparison.Ordinal) ? AsPercent() : AsDecimal();
        return value is >= 0m and <= 1m ? value : throw Error($"{Label} must be from 0 to 1 (0% to 100%), found {Text}");
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, such as a round limit or a seed.</summary>
    public decimal AsWhole(decimal min, decimal max)
    {
        var value = AsDecimal();
        if (value != decimal.Truncate(value) || value < min || value > max)
        {
            throw Error($"{Label} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, found {Text}");
        }

        return value;
    }

    /// <summary>True when the value is a number, or a string holding one.</summary>
    public bool IsNumber => Kind == JsonValueKind.Number || (Kind == JsonValueKind.String && ExactDecimal.IsNumberSyntax(Text));

    /// <summary>The value as a policy parameter override: a decimal for a number, a bool, or text as the command line takes it (<c>"30%"</c>).</summary>
    public object AsParameterValue() => Kind switch
    {
        JsonValueKind.Number => AsDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => Text,
        _ => throw Error($"expected a parameter value (a number, a string such as \"30%\", or true or false), found {Describe(Kind)}"),
    };

    /// <summary>The words for a JSON kind in messages: "an object", "a number", "null", ….</summary>
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

    private decimal AsPercent()
    {
        var number = Text.Trim();
        number = number.Substring(0, number.Length - 1).TrimEnd();
        if (!ExactDecimal.IsNumberSyntax(number)) throw Error($"\"{Text}\" is not a number");
        return ExactDecimal.TryParse(number, out var value, out var problem) ? value / 100m : throw Error(problem!);
    }

    private void CheckUnique(string keyWord, bool allowEmpty)
    {
        var seen = new Dictionary<string, DataNode>(System.StringComparer.Ordinal);
        foreach (var member in _children)
        {
            if (!allowEmpty && member.Name!.Length == 0) throw member.NameError($"{keyWord} name must not be empty");
            if (seen.TryGetValue(member.Name!, out var first))
            {
                var at = Source.Position(first.NameOffset);
                throw member.NameError($"duplicate {keyWord} \"{member.Name}\"; first defined at {at.Line}:{at.Column}");
            }

            seen.Add(member.Name!, member);
        }
    }

    private void Expect(JsonValueKind kind, string expected)
    {
        if (Kind != kind) throw Error($"expected {expected}, found {Describe(Kind)}");
    }

    private static void AppendSegment(StringBuilder sb, DataNode node)
    {
        if (node.Name is null) sb.Append('[').Append(node.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
        else AppendName(sb, node.Name);
    }

    // Plain names read as `a.b`; names a reader could not split on dots (`BTC-PERP`, `1INCH`) are quoted as `a["BTC-PERP"]`.
    private static void AppendName(StringBuilder sb, string name)
    {
        if (IsIdentifier(name))
        {
            if (sb.Length > 0) sb.Append('.');
            sb.Append(name);
        }
        else
        {
            sb.Append("[\"").Append(name.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"]");
        }
    }

    private static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || !(char.IsAsciiLetter(name[0]) || name[0] == '_')) return false;
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c == '_')) return false;
        }

        return true;
    }
}
