using System.Collections.Generic;
using MarginRules.Accounts;
using MarginRules.Cascade;

namespace MarginRules.Cli.Simulation;

/// <summary>A venue read from a venue file: its policy (with the file's parameter overrides), accounts, fund, reserves and response.</summary>
/// <param name="FilePath">The venue file as the user named it.</param>
/// <param name="Name">The venue's name in reports.</param>
/// <param name="PolicyPath">The policy file, relative to the working folder.</param>
/// <param name="PortfolioPath">The portfolio file, relative to the working folder.</param>
/// <param name="Setup">The venue as the cascade engine takes it.</param>
/// <param name="Parameters">The venue file's parameter overrides, by name.</param>
internal sealed record SimulationVenue(
    string FilePath,
    string Name,
    string PolicyPath,
    string PortfolioPath,
    VenueSetup Setup,
    IReadOnlyDictionary<string, object> Parameters)
{
    /// <summary>The compiled policy.</summary>
    public MarginPolicy Policy => Setup.Policy;

    /// <summary>The accounts before the shock.</summary>
    public IReadOnlyList<Account> Accounts => Setup.Accounts;

    /// <summary>The policy text, kept so a parameter sweep can compile it again with other values.</summary>
    public required string PolicyText { get; init; }

    /// <summary>True when the venue's policy declares a parameter called <paramref name="name"/>.</summary>
    public bool HasParameter(string name)
    {
        foreach (var p in Policy.Checked.Parameters)
        {
            if (p.Name == name) return true;
        }

        return false;
    }

    /// <summary>The venue with its policy compiled again with one more parameter override.</summary>
    /// <exception cref="PolicyCompilationException">The value does not fit the parameter.</exception>
    public SimulationVenue WithParameter(string name, object value)
    {
        var parameters = new Dictionary<string, object>(Parameters) { [name] = value };
        var policy = MarginPolicy.Compile(PolicyText, PolicyPath, new CompileOptions { Parameters = parameters });
        return this with { Setup = Setup with { Policy = policy }, Parameters = parameters };
    }
}
