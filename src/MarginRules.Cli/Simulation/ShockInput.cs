using System.Collections.Generic;
using System.IO;
using System.Linq;
using MarginRules.Cascade.Shocks;
using MarginRules.Data;

namespace MarginRules.Cli.Simulation;

/// <summary>Reads the <c>--shock</c> option: a spec such as <c>BTC=-20%,ETH=-25%</c>, or a scenario file as <c>file.json</c> or <c>file.json#name</c>.</summary>
internal static class ShockInput
{
    /// <summary>Resolves the option's text against the market's assets.</summary>
    /// <exception cref="UsageException">The spec is malformed or names an unknown asset (with the column), or the scenario is missing.</exception>
    /// <exception cref="DataFormatException">The scenario file is invalid (with file, line and column).</exception>
    public static ShockChoice Resolve(string text, SimulationMarket market, string option = "--shock")
    {
        var hash = text.LastIndexOf('#');
        var file = hash >= 0 ? text[..hash] : text;
        if (file.EndsWith(".json", System.StringComparison.OrdinalIgnoreCase) || File.Exists(file))
        {
            var scenario = LoadScenario(file, hash >= 0 ? text[(hash + 1)..] : null, market);
            return new ShockChoice(text, scenario.Steps, market.WithFollowers(scenario.Steps), scenario.Name, scenario.Description);
        }

        var path = ParseSpec(text, market.AssetSymbols, option);
        return new ShockChoice(text, path, market.WithFollowers(path));
    }

    /// <summary>Parses a shock spec, turning its errors into one usage line with the column.</summary>
    /// <exception cref="UsageException">The spec is malformed or names an unknown asset.</exception>
    public static ShockPath ParseSpec(string text, IReadOnlyCollection<string> assets, string option)
    {
        try
        {
            return ShockSpec.Parse(text, assets);
        }
        catch (ShockSpecException e)
        {
            throw new UsageException($"error: {option} `{text}`: column {e.Column}: {e.Problem}");
        }
    }

    private static Scenario LoadScenario(string file, string? name, SimulationMarket market)
    {
        if (!File.Exists(file)) throw new UsageException($"{file}: error: no such file");
        ScenarioFile scenarios;
        try
        {
            scenarios = ScenarioFile.Load(file, market.AssetSymbols);
        }
        catch (ScenarioFormatException e)
        {
            throw new DataFormatException(e.FilePath, e.Line, e.Column, e.Field, e.Problem);
        }

        if (name is not null)
        {
            try
            {
                return scenarios.Find(name);
            }
            catch (KeyNotFoundException e)
            {
                throw new UsageException($"error: {e.Message}");
            }
        }

        if (scenarios.Scenarios.Count == 1) return scenarios.Scenarios[0];
        var names = string.Join(", ", scenarios.Scenarios.Select(s => $"`{s.Name}`"));
        throw new UsageException(scenarios.Scenarios.Count == 0
            ? $"{file}: error: the file holds no scenarios"
            : $"error: {file} holds {scenarios.Scenarios.Count} scenarios ({names}); pick one as {file}#NAME");
    }
}
