using System;
using MarginRules.Language.Text;
using System.Collections.Generic;
using System.Collections.Immutable;
using MarginRules.Accounts;
using nietras.SeparatedValues;

namespace MarginRules.Data.Csv;

/// <summary>Turns the rows of a portfolio CSV file into accounts, one account at a time, checking every rule in <c>docs/data-formats.md</c>.</summary>
internal sealed class PortfolioCsvReader
{
    private readonly string _path;
    private readonly Market? _market;
    private readonly NamePool _names = new();
    private readonly AccountRows _rows = new();

    // Every id read so far, to reject an account whose rows are split: the only state that grows with the file.
    private readonly Dictionary<string, (int Line, int Column)> _firstUse = new(StringComparer.Ordinal);
    private CsvHeader? _header;
    private int[] _offsets = [];
    private bool _reading;

    private PortfolioCsvReader(string path, Market? market)
    {
        _path = path;
        _market = market;
    }

    /// <summary>Options that read commas only (Sep would otherwise guess the separator) and leave header and field counts to this reader.</summary>
    public static SepReaderOptions Options { get; } = Sep.New(',').Reader(o => o with { HasHeader = false, DisableColCountCheck = true });

    /// <summary>Yields each account once its last row has been read; <paramref name="open"/> is called when enumeration starts.</summary>
    public static IEnumerable<Account> Read(Func<SepReader> open, string path, Market? market)
    {
        using var sep = open();
        var reader = new PortfolioCsvReader(path, market);
        foreach (var row in sep)
        {
            var completed = reader.Accept(row);
            if (completed is not null) yield return completed;
        }

        var last = reader.Finish();
        if (last is not null) yield return last;
    }

    private Account? Accept(SepReader.Row row)
    {
        if (_header is null)
        {
            _header = CsvHeader.Read(row, _path);
            _offsets = new int[_header.Count];
            return null;
        }

        var span = row.Span;
        var line = row.LineNumberFrom;
        if (row.ColCount == 1 && span.IsEmpty)
        {
            throw new DataFormatException(_path, line, 1, "$", $"empty line; every line after the header is a row of {_header.Count} fields");
        }

        CheckShape(row, line);
        var offset = 0;
        for (var i = 0; i < _offsets.Length; i++)
        {
            _offsets[i] = offset;
            offset += row[i].Span.Length + 1;
        }

        var accountField = Field(row, line, CsvColumn.Account);
        var id = accountField.Text;
        if (id.IsEmpty) throw accountField.Error("account must not be empty");
        var kindField = Field(row, line, CsvColumn.Kind);

        Account? completed = null;
        if (!_reading || !id.SequenceEqual(_rows.Id))
        {
            // The previous account ends here, so its missing-row error comes before anything about this row.
            if (_reading) completed = _rows.Build(_path);
            var name = id.ToString();
            if (_firstUse.TryGetValue(name, out var first))
            {
                throw accountField.Error(
                    $"account \"{name}\" appears again after other accounts; the rows of an account must be contiguous (first used at {first.Line}:{first.Column})");
            }

            _firstUse.Add(name, accountField.Position);
            _rows.Start(name, kindField.Position);
            _reading = true;
        }

        var kind = ReadKind(kindField);
        switch (kind)
        {
            case CsvRowKind.Account: ReadAccount(row, line, kindField); break;
            case CsvRowKind.Position: ReadPosition(row, line); break;
            case CsvRowKind.Holding: _rows.Add(new Holding(Field(row, line, CsvColumn.Symbol).AsListedName(kind, _market, _names), ReadBalance(row, line, kind))); break;
            default: _rows.Add(new Debt(Field(row, line, CsvColumn.Symbol).AsListedName(kind, _market, _names), ReadBalance(row, line, kind))); break;
        }

        return completed;
    }

    private Account? Finish()
    {
        if (_header is null) throw new DataFormatException(_path, 1, 1, "$", $"the file is empty; the first line must be the header {PortfolioCsvLayout.Header}");
        return _reading ? _rows.Build(_path) : null;
    }

    // Quoting first: an unclosed quote swallows the rest of the file into one field, which would otherwise read as a short row.
    private void CheckShape(SepReader.Row row, int line)
    {
        var span = row.Span;
        var count = _header!.Count;
        var quoted = span.Contains('"');
        var offset = 0;
        for (var i = 0; i < row.ColCount; i++)
        {
            var raw = row[i].Span;
            if (quoted) new CsvField(raw, i < count ? _header.Names[i] : "$", span, offset, line, 0, _path).ExpectWellQuoted();
            if (i == count) throw new CsvField(raw, "$", span, offset, line, 0, _path).Error($"expected {count} fields, found {row.ColCount}");
            offset += raw.Length + 1;
        }

        if (row.ColCount < count)
        {
            throw new CsvField([], _header.Names[row.ColCount], span, span.Length, line, 0, _path).Error($"expected {count} fields, found {row.ColCount}");
        }
    }

    private CsvField Field(SepReader.Row row, int line, CsvColumn column)
    {
        var index = _header!.IndexOf(column);
        return new CsvField(row[index].Span, PortfolioCsvLayout.Name(column), row.Span, _offsets[index], line, 0, _path);
    }

    private static CsvRowKind ReadKind(CsvField field)
    {
        var text = field.Text;
        if (PortfolioCsvLayout.TryParseKind(text, out var kind)) return kind;
        const string Expected = "expected \"account\", \"position\", \"holding\" or \"debt\"";
        if (text.IsEmpty) throw field.Error($"kind must not be empty; {Expected}");
        var written = text.ToString();
        var suggestion = SpellingSuggestion.Closest(written, PortfolioCsvLayout.KindNames);
        throw field.Error(suggestion is not null ? $"unknown kind \"{written}\"; did you mean \"{suggestion}\"?" : $"unknown kind \"{written}\"; {Expected}");
    }

    private void ReadAccount(SepReader.Row row, int line, CsvField kindField)
    {
        if (_rows.AccountRow is { } first)
        {
            throw kindField.Error($"a second account row for \"{_rows.Id}\"; the first is at {first.Line}:{first.Column}");
        }

        foreach (var unused in (ReadOnlySpan<CsvColumn>)[CsvColumn.Symbol, CsvColumn.Quantity, CsvColumn.EntryPrice, CsvColumn.Isolated, CsvColumn.IsolatedMargin])
        {
            Field(row, line, unused).ExpectEmpty(CsvRowKind.Account);
        }

        var wallet = Field(row, line, CsvColumn.Wallet);
        var tags = Field(row, line, CsvColumn.Tags);
        var callRounds = Field(row, line, CsvColumn.CallRounds);
        _rows.SetAccount(
            kindField.Position,
            wallet.IsEmpty ? 0m : wallet.AsDecimal(),
            tags.IsEmpty ? ImmutableArray<string>.Empty : ReadTags(tags),
            callRounds.IsEmpty ? 0 : callRounds.AsCount());
    }

    private void ReadPosition(SepReader.Row row, int line)
    {
        const CsvRowKind Kind = CsvRowKind.Position;
        var symbol = Field(row, line, CsvColumn.Symbol).AsListedName(Kind, _market, _names);
        var quantity = Field(row, line, CsvColumn.Quantity);
        var size = quantity.IsEmpty ? throw quantity.Missing(Kind) : quantity.AsDecimal();
        var entry = Field(row, line, CsvColumn.EntryPrice);
        var entryPrice = entry.IsEmpty ? throw entry.Missing(Kind) : entry.AsNonNegativeDecimal();
        var isolatedField = Field(row, line, CsvColumn.Isolated);
        var isolated = !isolatedField.IsEmpty && isolatedField.AsBoolean();
        var margin = Field(row, line, CsvColumn.IsolatedMargin);
        var isolatedMargin = margin.IsEmpty ? 0m : margin.AsNonNegativeDecimal();
        ExpectNoAccountValues(row, line, Kind);
        _rows.Add(new Position(symbol, size, entryPrice, isolated, isolatedMargin));
    }

    // Holdings and debts share a shape: an asset and a quantity that is never negative; the symbol is read by the caller first.
    private decimal ReadBalance(SepReader.Row row, int line, CsvRowKind kind)
    {
        var quantity = Field(row, line, CsvColumn.Quantity);
        var value = quantity.IsEmpty ? throw quantity.Missing(kind) : quantity.AsNonNegativeDecimal();
        foreach (var unused in (ReadOnlySpan<CsvColumn>)[CsvColumn.EntryPrice, CsvColumn.Isolated, CsvColumn.IsolatedMargin])
        {
            Field(row, line, unused).ExpectEmpty(kind);
        }

        ExpectNoAccountValues(row, line, kind);
        return value;
    }

    private void ExpectNoAccountValues(SepReader.Row row, int line, CsvRowKind kind)
    {
        Field(row, line, CsvColumn.Wallet).ExpectEmpty(kind);
        Field(row, line, CsvColumn.Tags).ExpectEmpty(kind);
        Field(row, line, CsvColumn.CallRounds).ExpectEmpty(kind);
    }

    private ImmutableArray<string> ReadTags(CsvField field)
    {
        var text = field.Text;
        var tags = ImmutableArray.CreateBuilder<string>(text.Count(PortfolioCsvLayout.TagSeparator) + 1);
        foreach (var range in text.Split(PortfolioCsvLayout.TagSeparator))
        {
            var tag = text[range];
            if (tag.IsEmpty) throw field.Error($"tags must not contain an empty tag; separate tags with a single \"{PortfolioCsvLayout.TagSeparator}\"");
            tags.Add(_names.Get(tag));
        }

        return tags.MoveToImmutable();
    }
}
