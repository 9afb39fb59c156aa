using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using System.Text.Json;

namespace MarginRules.Cascade.Shocks;

/// <summary>
/// Reads a scenario file token by token with <see cref="Utf8JsonReader"/>, which keeps every token's byte offset, so
/// that checks beyond JSON syntax (names, assets, moves) report a line and column too; a DOM would lose them.
/// </summary>
internal sealed class ScenarioParser
{
    private static readonly ImmutableArray<string> ScenarioProperties = ["name", "description", "steps"];

    private readonly byte[] _utf8;
    private readonly string _path;
    private readonly IReadOnlyCollection<string>? _knownAssets;
    private readonly HashSet<string>? _known;
    private readonly List<int> _lineStarts = [0];
    private readonly Dictionary<string, int> _nameLines = new(StringComparer.OrdinalIgnoreCase);

    public ScenarioParser(string json, string path, IReadOnlyCollection<string>? knownAssets)
    {
        // Editors do not count a byte-order mark as a column.
        _utf8 = Encoding.UTF8.GetBytes(json.StartsWith('\uFEFF') ? json[1..] : json);
        _path = path;
        _knownAssets = knownAssets;
        _known = knownAssets is null ? null : new HashSet<string>(knownAssets, StringComparer.Ordinal);
        for (var i = 0; i < _utf8.Length; i++)
        {
            if (_utf8[i] == (byte)'\n') _lineStarts.Add(i + 1);
        }
    }

    public IReadOnlyList<Scenario> Parse()
    {
        if (_utf8.AsSpan().Trim(" \t\r\n"u8).IsEmpty)
        {
            throw Error(0, "$", "the file is empty; expected { \"scenarios\": [ … ] }");
        }

        var reader = new Utf8JsonReader(_utf8, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        Read(ref reader, "$");
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(reader.TokenStartIndex, "$", "expected a JSON object with a `scenarios` array");
        }

        var rootStart = reader.TokenStartIndex;
        IReadOnlyList<Scenario>? scenarios = null;
        while (Next(ref reader, "$") == JsonTokenType.PropertyName)
        {
            var property = reader.GetString()!;
            var field = "$." + property;
            if (property != "scenarios")
            {
                throw Error(reader.TokenStartIndex, field, $"unknown property `{property}`; the file holds only `scenarios`");
            }

            if (scenarios is not null) throw Error(reader.TokenStartIndex, field, "`scenarios` is given twice");
            Read(ref reader, field);
            scenarios = ReadScenarios(ref reader, field);
        }

        if (scenarios is null) throw Error(rootStart, "$", "missing `scenarios`; expected { \"scenarios\": [ … ] }");

        // Anything after the root object other than whitespace and comments makes the reader throw here.
        try
        {
            reader.Read();
        }
        catch (JsonException e)
        {
            throw FromJson(e, "$");
        }

        return scenarios;
    }

    private ImmutableArray<Scenario> ReadScenarios(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Error(reader.TokenStartIndex, field, "`scenarios` must be an array of scenario objects");
        }

        var arrayStart = reader.TokenStartIndex;
        var scenarios = ImmutableArray.CreateBuilder<Scenario>();
        while (Next(ref reader, field) != JsonTokenType.EndArray)
        {
            scenarios.Add(ReadScenario(ref reader, $"{field}[{scenarios.Count}]"));
        }

        if (scenarios.Count == 0) throw Error(arrayStart, field, "`scenarios` is empty; add at least one scenario");
        return scenarios.ToImmutable();
    }

    private Scenario ReadScenario(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(reader.TokenStartIndex, field, "expected a scenario object with `name` and `steps`");
        }

        var objectStart = reader.TokenStartIndex;
        string? name = null, description = null;
        long nameAt = 0;
        ImmutableArray<Shock>? steps = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref reader, field) == JsonTokenType.PropertyName)
        {
            var property = reader.GetString()!;
            var propertyField = $"{field}.{property}";
            if (!ScenarioProperties.Contains(property))
            {
                var closest = NameSuggestion.Closest(property, ScenarioProperties);
                var hint = closest is not null ? $"did you mean `{closest}`?" : "a scenario has `name`, `description` and `steps`";
                throw Error(reader.TokenStartIndex, propertyField, $"unknown property `{property}`; {hint}");
            }

            if (!seen.Add(property)) throw Error(reader.TokenStartIndex, propertyField, $"`{property}` is given twice");
            Read(ref reader, propertyField);
            switch (property)
            {
                case "name":
                    if (reader.TokenType != JsonTokenType.String) throw Error(reader.TokenStartIndex, propertyField, "`name` must be a string");
                    name = reader.GetString()!;
                    nameAt = reader.TokenStartIndex;
                    if (string.IsNullOrWhiteSpace(name)) throw Error(nameAt, propertyField, "`name` cannot be empty");
                    break;
                case "description":
                    if (reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null))
                    {
                        throw Error(reader.TokenStartIndex, propertyField, "`description` must be a string");
                    }

                    description = reader.GetString();
                    break;
                default:
                    steps = ReadSteps(ref reader, propertyField);
                    break;
            }
        }

        if (name is null) throw Error(objectStart, field, "the scenario has no `name`");
        if (steps is null) throw Error(objectStart, field, $"scenario `{name}` has no `steps`");

        var (line, _) = Position(nameAt);
        if (_nameLines.TryGetValue(name, out var firstLine))
        {
            throw Error(nameAt, field + ".name", $"scenario name `{name}` is already used on line {firstLine}");
        }

        _nameLines.Add(name, line);
        return new Scenario(name, description, new ShockPath(steps.Value));
    }

    private ImmutableArray<Shock> ReadSteps(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Error(reader.TokenStartIndex, field, "`steps` must be an array of steps, as in [ { \"ETH\": -0.25 } ]");
        }

        var arrayStart = reader.TokenStartIndex;
        var steps = ImmutableArray.CreateBuilder<Shock>();
        while (Next(ref reader, field) != JsonTokenType.EndArray)
        {
            steps.Add(ReadStep(ref reader, $"{field}[{steps.Count}]"));
        }

        if (steps.Count == 0) throw Error(arrayStart, field, "`steps` is empty; give at least one step");
        return steps.ToImmutable();
    }

    private Shock ReadStep(ref Utf8JsonReader reader, string field)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw Error(reader.TokenStartIndex, field, "a step must be an object of moves by asset, as in { \"ETH\": -0.25 }");
        }

        var moves = new List<KeyValuePair<string, decimal>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (Next(ref reader, field) == JsonTokenType.PropertyName)
        {
            var asset = reader.GetString()!;
            var assetField = $"{field}.{asset}";
            if (_known is not null && !_known.Contains(asset))
            {
                throw Error(reader.TokenStartIndex, assetField, NameSuggestion.UnknownAsset(asset, _knownAssets!));
            }

            if (!seen.Add(asset)) throw Error(reader.TokenStartIndex, assetField, $"`{asset}` is given twice in one step");
            Read(ref reader, assetField);
            moves.Add(new(asset, ReadMove(ref reader, assetField)));
        }

        return new Shock(moves);
    }

    private decimal ReadMove(ref Utf8JsonReader reader, string field)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                var written = Encoding.UTF8.GetString(reader.ValueSpan);
                if (!reader.TryGetDecimal(out var fraction))
                {
                    throw Error(reader.TokenStartIndex, field, $"bad number `{written}`; expected a fraction such as -0.25");
                }

                if (fraction <= -1m)
                {
                    throw Error(reader.TokenStartIndex, field, MoveText.TooLarge(written) + " (a number is a fraction: -0.25 is -25%)");
                }

                return fraction;
            case JsonTokenType.String:
                if (!MoveText.TryParse(reader.GetString()!, out var move, out var problem))
                {
                    throw Error(reader.TokenStartIndex, field, problem);
                }

                return move;
            default:
                throw Error(reader.TokenStartIndex, field, "expected a move as a number (-0.25) or a percentage string (\"-25%\")");
        }
    }

    private JsonTokenType Next(ref Utf8JsonReader reader, string field)
    {
        Read(ref reader, field);
        return reader.TokenType;
    }

    private void Read(ref Utf8JsonReader reader, string field)
    {
        try
        {
            // With the whole file as the final block the reader throws on a truncated document, so Read only
            // returns false after the root value, which Parse checks separately.
            reader.Read();
        }
        catch (JsonException e)
        {
            throw FromJson(e, field);
        }
    }

    private ScenarioFormatException FromJson(JsonException e, string field)
    {
        var line = (int)(e.LineNumber ?? 0);
        var lineStart = _lineStarts[Math.Min(line, _lineStarts.Count - 1)];
        var offset = lineStart + (e.BytePositionInLine ?? 0);

        // System.Text.Json appends its own 0-based position; ours replaces it.
        var message = e.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut >= 0) message = message[..cut];
        return Error(offset, field, "invalid JSON: " + message);
    }

    private ScenarioFormatException Error(long offset, string field, string problem)
    {
        var (line, column) = Position(offset);
        return new ScenarioFormatException(_path, line, column, field, problem);
    }

    private (int Line, int Column) Position(long offset)
    {
        var at = (int)Math.Min(offset, _utf8.Length);
        var index = _lineStarts.BinarySearch(at);
        var line = index >= 0 ? index : ~index - 1;
        var start = _lineStarts[line];
        return (line + 1, Encoding.UTF8.GetCharCount(_utf8, start, at - start) + 1);
    }
}
