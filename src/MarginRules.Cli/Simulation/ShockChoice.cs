using System.Collections.Generic;
using System.Linq;
using MarginRules.Cascade.Shocks;

namespace MarginRules.Cli.Simulation;

/// <summary>The shock a simulation runs: as the user gave it, and with the followers of the shocked assets moved too.</summary>
/// <param name="Text">The <c>--shock</c> value as typed.</param>
/// <param name="Given">The shock path the user wrote or the scenario holds.</param>
/// <param name="Path">The path the engine runs: <paramref name="Given"/> with followers added.</param>
/// <param name="Scenario">The scenario's name when the shock came from a scenario file.</param>
/// <param name="Description">The scenario's description, if any.</param>
internal sealed record ShockChoice(string Text, ShockPath Given, ShockPath Path, string? Scenario = null, string? Description = null)
{
    /// <summary>The assets the user shocked, in the order of their first appearance: the ones the summaries report on.</summary>
    public IReadOnlyList<string> GivenAssets => Given.Steps.SelectMany(s => s.Moves.Keys).Distinct().ToArray();

    /// <summary>Every asset the run shocks, followers included, in the order of their first appearance.</summary>
    public IReadOnlyList<string> ShockedAssets => Path.Steps.SelectMany(s => s.Moves.Keys).Distinct().ToArray();
}
