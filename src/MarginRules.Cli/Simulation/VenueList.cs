using System;
using System.Collections.Generic;

namespace MarginRules.Cli.Simulation;

/// <summary>Loads the venue files named on the command line onto one market.</summary>
internal static class VenueList
{
    /// <summary>Loads every venue file, in order; venue names must be unique.</summary>
    /// <exception cref="UsageException">No venue file is named, one is missing, or two venues share a name.</exception>
    public static IReadOnlyList<SimulationVenue> Load(IReadOnlyList<string> files, SimulationMarket market)
    {
        if (files.Count == 0) throw new UsageException("error: name at least one venue file, such as examples/venues/binance-perps.json");
        var venues = new List<SimulationVenue>();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var venue = VenueFile.Load(file, market);
            if (names.TryGetValue(venue.Name, out var first))
            {
                throw new UsageException($"{file}: error: the venue name `{venue.Name}` is already used by {first}; give each venue its own \"name\"");
            }

            names.Add(venue.Name, file);
            venues.Add(venue);
        }

        return venues;
    }
}
