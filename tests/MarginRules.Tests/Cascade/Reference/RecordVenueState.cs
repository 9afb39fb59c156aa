using System.Collections.Generic;
using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Cascade;

namespace MarginRules.Tests.Cascade.Reference;

/// <summary>The mutable state of one venue during a run. Accounts are immutable records; a changed account is replaced.</summary>
internal sealed class RecordVenueState
{
    public RecordVenueState(int index, VenueSetup setup, Account[] accounts, decimal[] reserves, ulong[] assetMasks)
    {
        Index = index;
        Setup = setup;
        Accounts = accounts;
        Reserves = reserves;
        AssetMasks = assetMasks;
        Status = new MarginStatus[accounts.Length];
        Dirty = new bool[accounts.Length];
        Liquidated = new bool[accounts.Length];
        for (var i = 0; i < Dirty.Length; i++) Dirty[i] = true;
    }

    public int Index { get; }

    public VenueSetup Setup { get; }

    public MarginPolicy Policy => Setup.Policy;

    public Account[] Accounts { get; }

    /// <summary>Off-venue cash each account holder can deposit on a call.</summary>
    public decimal[] Reserves { get; }

    /// <summary>Bit a is set when the account touches asset a (through a position's underlying, a holding or a debt).</summary>
    public ulong[] AssetMasks { get; }

    /// <summary>The status at the last evaluation.</summary>
    public MarginStatus[] Status { get; }

    /// <summary>True when the account must be evaluated this round: its state changed or a price it depends on moved.</summary>
    public bool[] Dirty { get; }

    /// <summary>True once the account has been liquidated at least once.</summary>
    public bool[] Liquidated { get; }

    /// <summary>Accounts liquidated this round, for the bad-debt step.</summary>
    public List<int> LiquidatedThisRound { get; } = new();

    public List<(int Account, decimal Amount)> IsolatedShortfalls { get; } = new();
}
