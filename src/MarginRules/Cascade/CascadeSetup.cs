using System.Collections.Generic;
using MarginRules.Cascade.Shocks;

namespace MarginRules.Cascade;

/// <summary>Everything one cascade run needs: the shared market, the venues on it, and the shock.</summary>
public sealed record CascadeSetup
{
    /// <summary>The assets of the shared market.</summary>
    public required IReadOnlyList<AssetSetup> Assets { get; init; }

    /// <summary>Instruments marked at an asset's price.</summary>
    public IReadOnlyList<InstrumentSetup> Instruments { get; init; } = [];

    /// <summary>The venues; several venues share the market, so one venue's selling moves another's prices.</summary>
    public required IReadOnlyList<VenueSetup> Venues { get; init; }

    /// <summary>The shock path: step k (asset → relative move, −0.2 = −20%) applies at the start of round k.</summary>
    public required ShockPath Shock { get; init; }
}
