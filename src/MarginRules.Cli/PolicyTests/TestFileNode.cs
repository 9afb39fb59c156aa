using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarginRules.Data;
using MarginRules.Language.Text;

namespace MarginRules.Cli.PolicyTests;

/// <summary>
/// One JSON value of a policy test file with its character span and JSON path, so every problem is reported at its
/// place as <c>file:line:col: error: reason (at field)</c>, the layout of the data loaders' <see cref="DataFormatException"/>.
/// </summary>
internal sealed class TestFileNode
{
    private static readonly Regex NumberSyntax = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);
    private readonly List<TestFileNode> _children = new();

    /// <summary>Creates a node and appends it to its parent.</summary>
    public TestFileNode(SourceText source, TestFileNode? parent, JsonValueKind kind, int start, string? name, int nameStart, string text)
    {
        Source = source;
        Parent = parent;
        Kind = kind;
        Start = start;
        End = start;
        Name = name;
        NameStart = nameStart;
        Text = text;
        Index = parent?._children.Count ?? -1;
        parent?._children.Add(this);
    }

    /// <summary>The test file's text and path.</summary>
    public SourceText Source { get; }

    /// <summary>The object or array holding the value; null for the root.</summary>
    public TestFileNode? Parent { get; }

    /// <summary>The JSON kind of the value.</summary>
    public JsonValueKind Kind { get; }

    /// <summary>The character offset of the value's first character.</summary>
    public int Start { get; }

    /// <summary>The character offset just past the value's last character.</summary>
    public int End { get; set; }

    /// <summary>The member name, or null for array elements and the root.</summary>
    public string? Name { get; }

    /// <summary>The character offset of the member name's opening quote; -1 without a name.</summary>
    public int NameStart { get; }

    /// <summary>The position among the parent's children.</summary>
    public int Index { get; }

    /// <summary>The unescaped text of a string or the literal text of a number.</summary>
    public string Text { get; }

    /// <summary>The members or elements, in document order.</summary>
    public IReadOnlyList<TestFileNode> Children => _children;

    /// <summary>The JSON path of the value, such as <c>tests[2].expect.maintenance</c>; <c>$</c> for the root.</summary>
    public string Field
    {
        get
        {
            if (Parent is null) return "$";
            var chain = new List<TestFileNode>();
            for (var n = this; n.Parent is not null; n = n.Parent) chain.Add(n);
            var sb = new StringBuilder();
            for (var i = chain.Count - 1; i >= 0; i--)
            {
                var n = chain[i];
                if (n.Name is null) sb.Append('[').Append(n.Index.ToString(CultureInfo.InvariantCulture)).Append(']');
                else if (IsIdentifier(n.Name)) sb.Append(sb.Length > 0 ? "." : string.Empty).Append(n.Name);
                else sb.Append("[\"").Append(n.Name.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append("\"]");
            }

            return sb.ToString();
        }
    }

    /// <summary>The one-based line and column of the value.</summary>
    public LinePosition Position => Source.GetPosition(Start);

    /// <summary>An error at the value.</summary>
    public DataFormatException Error(string reason) => ErrorAt(Start, reason);

    /// <summary>An error at the member's name, for problems with the name itself.</summary>
    public DataFormatException NameError(string reason) => ErrorAt(NameStart >= 0 ? NameStart : Start, reason);

    /// <summary>An error at a character offset inside the file, reported against this value's path.</summary>
    public DataFormatException ErrorAt(int offset, string reason)
    {
        var p = Source.GetPosition(offset);
        return new DataFormatException(Source.Path, p.Line, p.Column, Field, reason);
    }

    /// <summary>The members of an object, each checked against <paramref name="knownFields"/>; a repeated name is an error.</summary>
    public IEnumerable<TestFileNode> AsRecord(IReadOnlyList<string> knownFields)
    {
        foreach (var member in AsMap("field"))
        {
            if (!knownFields.Contains(member.Name!, StringComparer.Ordinal)) throw member.Unknown("field", knownFields);
            yield return member;
        }
    }

    /// <summary>The members of an object keyed by free-form names; names must be non-empty and unique.</summary>
    public IEnumerable<TestFileNode> AsMap(string keyWord)
    {
        Expect(JsonValueKind.Object, "an object");
        var seen = new Dictionary<string, TestFileNode>(StringComparer.Ordinal);
        foreach (var member in _children)
        {
            if (member.Name!.Length == 0) throw member.NameError($"{keyWord} name must not be empty");
            if (seen.TryGetValue(member.Name, out var first))
            {
                var at = Source.GetPosition(first.NameStart);
                throw member.NameError($"duplicate {keyWord} \"{member.Name}\"; first defined at {at.Line}:{at.Column}");
            }

            seen.Add(member.Name, member);
        }

        return _children;
    }

    /// <summary>The error for a member name that is not one of <paramref name="known"/>, with the closest as a suggestion.</summary>
    public DataFormatException Unknown(string what, IReadOnlyCollection<string> known)
    {
        var name = Name ?? Text;
        var suggestion = Suggestions.Closest(name, known);
        return NameError(suggestion is not null
            ? $"unknown {what} \"{name}\"; did you mean \"{suggestion}\"?"
            : $"unknown {what} \"{name}\"; known: {string.Join(", ", known.Select(f => $"\"{f}\""))}");
    }

    /// <summary>The elements of an array.</summary>
    public IReadOnlyList<TestFileNode> AsArray()
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

    /// <summary>The value of a string that must not be empty.</summary>
    public string AsName()
    {
        var text = AsString();
        if (text.Trim().Length == 0) throw Error($"{Name ?? Field} must not be empty");
        return text;
    }

    /// <summary>The value of <c>true</c> or <c>false</c>.</summary>
    public bool AsBoolean() => Kind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => throw Error($"expected true or false, found {Describe(Kind)}"),
    };

    /// <summary>True when the value is a number, or a string holding one.</summary>
    public bool IsNumber => Kind == JsonValueKind.Number || (Kind == JsonValueKind.String && NumberSyntax.IsMatch(Text));

    /// <summary>The decimal value of a JSON number or a string holding a JSON number, never passing through <see cref="double"/>.</summary>
    public decimal AsDecimal()
    {
        if (Kind == JsonValueKind.String && !NumberSyntax.IsMatch(Text)) throw Error($"\"{Text}\" is not a number");
        if (Kind is not (JsonValueKind.String or JsonValueKind.Number)) throw Error($"expected a number, found {Describe(Kind)}");
        return decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw Error($"number {Text} is outside the decimal range");
    }

    /// <summary>A decimal that must be zero or more.</summary>
    public decimal AsNonNegativeDecimal()
    {
        var value = AsDecimal();
        return value >= 0m ? value : throw Error($"{Name ?? Field} must not be negative, found {Text}");
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public decimal AsWhole(decimal min, decimal max)
    {
        var value = AsDecimal();
        if (value != decimal.Truncate(value) || value < min || value > max)
            throw Error($"{Name ?? Field} must be a whole number from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString(CultureInfo.InvariantCulture)}, found {Text}");
        return value;
    }

    /// <summary>The value as a parameter override: a decimal for a number, a bool, or text as the command line takes it (<c>"30%"</c>).</summary>
    public object AsParameterValue() => Kind switch
    {
        JsonValueKind.Number => AsDecimal(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => Text,
        _ => throw Error($"expected a number, a string or true/false, found {Describe(Kind)}"),
    };

    /// <summary>The words for a JSON kind in messages.</summary>
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

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
