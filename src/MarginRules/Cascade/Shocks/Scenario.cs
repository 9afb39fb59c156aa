namespace MarginRules.Cascade.Shocks;

/// <summary>A named stress scenario from a scenario file: a path of shocks, one per step.</summary>
/// <param name="Name">The scenario's name, unique within its file ignoring case.</param>
/// <param name="Description">A free-text description; null when the file gives none.</param>
/// <param name="Steps">The shocks, step <c>k</c> applying at the start of round <c>k</c>.</param>
public sealed record Scenario(string Name, string? Description, ShockPath Steps);
