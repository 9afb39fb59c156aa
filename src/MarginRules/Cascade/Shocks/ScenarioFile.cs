using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MarginRules.Cascade.Shocks;

/// <summary>
/// A JSON file of named stress scenarios:
/// <c>{ "scenarios": [ { "name": "…", "description": "…", "steps": [ { "ETH": -0.25 }, { "ETH": "-18%" } ] } ] }</c>.
/// A move is a JSON number holding a fraction (−0.25) or a string holding a percentage ("-25%").
/// </summary>
public sealed class ScenarioFile
{
    private ScenarioFile(string filePath, IReadOnlyList<Scenario> scenarios)
    {
        FilePath = filePath;
        Scenarios = scenarios;
    }

    /// <summary>The file as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The scenarios in file order.</summary>
    public IReadOnlyList<Scenario> Scenarios { get; }

    /// <summary>Reads and checks a scenario file.</summary>
    /// <param name="path">The file to read.</param>
    /// <param name="knownAssets">When given, the asset symbols steps may name (ordinal, case-sensitive); others are errors.</param>
    /// <exception cref="ScenarioFormatException">The file is not valid JSON or not a valid scenario file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ScenarioFile Load(string path, IReadOnlyCollection<string>? knownAssets = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path, knownAssets);
    }

    /// <summary>Checks scenario JSON already in memory; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="ScenarioFormatException">The text is not valid JSON or not a valid scenario file.</exception>
    public static ScenarioFile Parse(string json, string path, IReadOnlyCollection<string>? knownAssets = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(path);
        return new ScenarioFile(path, new ScenarioParser(json, path, knownAssets).Parse());
    }

    /// <summary>The scenario with a name, ignoring case.</summary>
    /// <exception cref="KeyNotFoundException">No scenario has the name; the message suggests the closest one.</exception>
    public Scenario Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var found = Scenarios.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase));
        if (found is not null) return found;

        var closest = NameSuggestion.Closest(name, Scenarios.Select(s => s.Name));
        var hint = closest is not null
            ? $"; did you mean `{closest}`?"
            : "; it has " + string.Join(", ", Scenarios.Select(s => $"`{s.Name}`"));
        throw new KeyNotFoundException($"{FilePath} has no scenario `{name}`{hint}");
    }
}
