using System;
using MarginRules.Language.Text;
using System.Globalization;
using MarginRules.Accounts;

namespace MarginRules.Data.Csv;

/// <summary>One field of a CSV row with what is needed to place an error on it; the typed <c>As…</c> readers mirror the JSON loaders' rules.</summary>
/// <remarks>A view into the reader's buffer, valid only until the next row is read.</remarks>
internal readonly ref struct CsvField
{
    private readonly ReadOnlySpan<char> _row;
    private readonly int _offset;
    private readonly int _rowLine;
    private readonly int _columnShift;
    private readonly string _path;

    /// <summary>Creates the view of the field that starts <paramref name="offset"/> characters into <paramref name="row"/>.</summary>
    /// <param name="raw">The field as written, quotes included.</param>
    /// <param name="name">The column name, used as the error's field and in messages.</param>
    /// <param name="row">The whole row as written, to count line breaks inside quoted fields before this one.</param>
    /// <param name="offset">Where the field starts in <paramref name="row"/>.</param>
    /// <param name="rowLine">The one-based line the row starts on.</param>
    /// <param name="columnShift">Subtracted from columns on the row's first line: 1 when a byte order mark precedes the header.</param>
    /// <param name="path">The file named in errors.</param>
    public CsvField(ReadOnlySpan<char> raw, string name, ReadOnlySpan<char> row, int offset, int rowLine, int columnShift, string path)
    {
        Raw = raw;
        Name = name;
        _row = row;
        _offset = offset;
        _rowLine = rowLine;
        _columnShift = columnShift;
        _path = path;
    }

    /// <summary>The field as written, quotes included.</summary>
    public ReadOnlySpan<char> Raw { get; }

    /// <summary>The column name.</summary>
    public string Name { get; }

    /// <summary>True when the field holds no value: nothing written, or a quoted empty value <c>""</c>.</summary>
    public bool IsEmpty => Raw.IsEmpty || Raw.SequenceEqual("\"\"");

    /// <summary>The value with RFC 4180 quoting removed; the reader has already rejected malformed quoting.</summary>
    public ReadOnlySpan<char> Text
    {
        get
        {
            if (Raw.IsEmpty || Raw[0] != '"') return Raw;
            var inner = Raw[1..^1];
            return inner.Contains("\"\"", StringComparison.Ordinal) ? inner.ToString().Replace("\"\"", "\"", StringComparison.Ordinal) : inner;
        }
    }

    /// <summary>The one-based line and column where the field starts.</summary>
    public (int Line, int Column) Position
    {
        get
        {
            // Only a quoted field can hold a line break, so this loop finds one only in rows that span lines.
            var line = _rowLine;
            var lineStart = 0;
            for (var i = 0; i < _offset; i++)
            {
                var c = _row[i];
                if (c == '\n' || (c == '\r' && (i + 1 >= _row.Length || _row[i + 1] != '\n')))
                {
                    line++;
                    lineStart = i + 1;
                }
            }

            return (line, _offset - lineStart + 1 - (line == _rowLine ? _columnShift : 0));
        }
    }

    /// <summary>Fails unless the field is unquoted without any quote, or wholly quoted with inner quotes doubled (RFC 4180).</summary>
    public void ExpectWellQuoted()
    {
        var raw = Raw;
        if (raw.IsEmpty) return;
        if (raw[0] != '"')
        {
            if (raw.Contains('"')) throw Error("a quote inside an unquoted field; quote the whole field and double the quotes inside it");
            return;
        }

        for (var i = 1; i < raw.Length; i++)
        {
            if (raw[i] != '"') continue;
            if (i + 1 < raw.Length && raw[i + 1] == '"')
            {
                i++;
                continue;
            }

            if (i == raw.Length - 1) return;
            throw Error("text after the closing quote of a quoted field");
        }

        throw Error("a quoted field is never closed");
    }

    /// <summary>An error at the start of the field.</summary>
    public DataFormatException Error(string reason)
    {
        var (line, column) = Position;
        return new DataFormatException(_path, line, column, Name, reason);
    }

    /// <summary>The error for an empty field that the row's kind requires.</summary>
    public DataFormatException Missing(CsvRowKind kind) =>
        Error($"{PortfolioCsvLayout.RowOf(kind)} needs a value for \"{Name}\"");

    /// <summary>Fails when a column the row's kind does not use holds a value, so a value in the wrong column is never ignored.</summary>
    public void ExpectEmpty(CsvRowKind kind)
    {
        if (IsEmpty) return;
        var owner = Name is "wallet" or "tags" or "call_rounds" ? "; it belongs on the account row" : string.Empty;
        throw Error($"\"{Name}\" must be empty in {PortfolioCsvLayout.RowOf(kind)}{owner}");
    }

    /// <summary>A name (symbol or asset) that must be present and, when a market is given, listed by it.</summary>
    public string AsListedName(CsvRowKind kind, Market? market, NamePool names)
    {
        var text = Text;
        if (text.IsEmpty) throw Missing(kind);
        var name = names.Get(text);
        if (market is null || market.TryGetQuote(name, out _)) return name;
        var suggestion = SpellingSuggestion.Closest(name, market.Quotes.Keys);
        throw Error(suggestion is null
            ? $"the market does not list \"{name}\""
            : $"the market does not list \"{name}\"; did you mean \"{suggestion}\"?");
    }

    /// <summary>The exact decimal value of the field, never passing through <see cref="double"/>.</summary>
    public decimal AsDecimal() =>
        CsvNumber.TryParse(Text, out var value, out var problem) ? value : throw Error(problem!);

    /// <summary>A decimal that must be zero or more: prices, quantities, margins.</summary>
    public decimal AsNonNegativeDecimal()
    {
        var value = AsDecimal();
        if (value < 0m) throw Error($"{Name} must not be negative, found {Text.ToString()}");
        return value;
    }

    /// <summary>A whole number from zero to <see cref="int.MaxValue"/>, such as a count of rounds.</summary>
    public int AsCount()
    {
        var value = AsDecimal();
        if (value != decimal.Truncate(value)) throw Error($"{Name} must be a whole number, found {Text.ToString()}");
        if (value < 0m) throw Error($"{Name} must not be negative, found {Text.ToString()}");
        if (value > int.MaxValue) throw Error($"{Name} must be at most {int.MaxValue.ToString(CultureInfo.InvariantCulture)}, found {Text.ToString()}");
        return (int)value;
    }

    /// <summary><c>true</c> or <c>false</c> in any letter case, since spreadsheets write <c>TRUE</c> and <c>FALSE</c>.</summary>
    public bool AsBoolean()
    {
        var text = Text;
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        throw Error($"expected true or false, found \"{text.ToString()}\"");
    }
}
