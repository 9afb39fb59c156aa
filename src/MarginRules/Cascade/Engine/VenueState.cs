using System.Collections.Generic;
using System.Collections.Immutable;
using MarginRules.Accounts;
using MarginRules.Assessment;

namespace MarginRules.Cascade.Engine;

/// <summary>
/// The mutable state of one venue during a run, as struct-of-arrays: one array per account field, and the positions,
/// holdings and debts of all accounts in flat arrays where account i owns the slots from its start to start + count.
/// Items are only ever removed, so an account's slots never move; removal compacts within them.
/// </summary>
internal sealed class VenueState
{
    private readonly string[] _instruments;
    private readonly string[] _assets;
    private readonly Account?[] _views;
    private readonly int[] _instrumentUnderlying;

    public VenueState(int index, VenueSetup setup, Account[] accounts, decimal[] reserves, ulong[] assetMasks, Dictionary<string, int> instrumentIndex, Dictionary<string, int> assetIndex, string[] instruments, string[] assets, int[] instrumentUnderlying)
    {
        _instrumentUnderlying = instrumentUnderlying;
        Index = index;
        Setup = setup;
        Originals = accounts;
        Reserves = reserves;
        AssetMasks = assetMasks;
        _instruments = instruments;
        _assets = assets;
        var n = accounts.Length;
        Wallets = new decimal[n];
        CallRounds = new int[n];
        Status = new MarginStatus[n];
        Dirty = new bool[n];
        Liquidated = new bool[n];
        Touched = new bool[n];
        _views = new Account?[n];
        ItemsChanged = new bool[n];
        Certificates = new int[n];
        CertifiedWalletLow = new decimal[n];
        CertifiedWalletHigh = new decimal[n];
        CertifiedRankBounds = setup.Policy.Checked.Adl != null ? new decimal[n] : null;
        RankedInRound = setup.Policy.Checked.Adl != null ? new int[n] : null;
        PositionStart = new int[n];
        PositionCount = new int[n];
        HoldingStart = new int[n];
        HoldingCount = new int[n];
        DebtStart = new int[n];
        DebtCount = new int[n];

        int positions = 0, holdings = 0, debts = 0;
        var isolated = false;
        foreach (var a in accounts)
        {
            positions += a.Positions.Length;
            holdings += a.Holdings.Length;
            debts += a.Debts.Length;
            foreach (var p in a.Positions) isolated |= p.Isolated || p.IsolatedMargin != 0m;
        }

        PositionInstrument = new int[positions];
        PositionSize = new decimal[positions];
        PositionEntry = new decimal[positions];

        // Isolated margin is rare; a venue without it does not pay for the two arrays.
        PositionIsolated = isolated ? new bool[positions] : null;
        PositionIsolatedMargin = isolated ? new decimal[positions] : null;
        HoldingAsset = new int[holdings];
        HoldingQuantity = new decimal[holdings];
        DebtAsset = new int[debts];
        DebtQuantity = new decimal[debts];

        positions = holdings = debts = 0;
        for (var i = 0; i < n; i++)
        {
            var a = accounts[i];
            Wallets[i] = a.Wallet;
            CallRounds[i] = a.CallRounds;
            Dirty[i] = true;
            PositionStart[i] = positions;
            PositionCount[i] = a.Positions.Length;
            foreach (var p in a.Positions)
            {
                PositionInstrument[positions] = instrumentIndex[p.Symbol];
                PositionSize[positions] = p.Size;
                PositionEntry[positions] = p.EntryPrice;
                if (isolated)
                {
                    PositionIsolated![positions] = p.Isolated;
                    PositionIsolatedMargin![positions] = p.IsolatedMargin;
                }

                positions++;
            }

            HoldingStart[i] = holdings;
            HoldingCount[i] = a.Holdings.Length;
            foreach (var h in a.Holdings)
            {
                HoldingAsset[holdings] = assetIndex[h.Asset];
                HoldingQuantity[holdings++] = h.Quantity;
            }

            DebtStart[i] = debts;
            DebtCount[i] = a.Debts.Length;
            foreach (var d in a.Debts)
            {
                DebtAsset[debts] = assetIndex[d.Asset];
                DebtQuantity[debts++] = d.Quantity;
            }
        }
    }

    public int Index { get; }

    public VenueSetup Setup { get; }

    public MarginPolicy Policy => Setup.Policy;

    public int Count => Originals.Length;

    /// <summary>The accounts as set up: their ids and tags, and the answer for every account the run never touched.</summary>
    public Account[] Originals { get; }

    public decimal[] Wallets { get; }

    public int[] CallRounds { get; }

    /// <summary>Off-venue cash each account holder can deposit on a call.</summary>
    public decimal[] Reserves { get; }

    /// <summary>Bit a is set when the account touches asset a (through a position's underlying, a holding or a debt).</summary>
    public ulong[] AssetMasks { get; }

    /// <summary>The status at the last evaluation.</summary>
    public MarginStatus[] Status { get; }

    /// <summary>True when the account must be evaluated this round because its own state changed.</summary>
    public bool[] Dirty { get; }

    /// <summary>True once the account has been liquidated at least once.</summary>
    public bool[] Liquidated { get; }

    /// <summary>True once any field of the account changed; untouched accounts are read from <see cref="Originals"/>.</summary>
    public bool[] Touched { get; }

    /// <summary>True once a position, holding or debt of the account changed.</summary>
    public bool[] ItemsChanged { get; }

    /// <summary>
    /// Per account: the round whose prices its health certificate was proved at; 0 for none, −1 for an account found
    /// healthy at its last evaluation and due a certificate at the next.
    /// </summary>
    public int[] Certificates { get; }

    /// <summary>The lowest wallet each certificate holds for.</summary>
    public decimal[] CertifiedWalletLow { get; }

    /// <summary>The highest wallet each certificate holds for.</summary>
    public decimal[] CertifiedWalletHigh { get; }

    /// <summary>Per account, the round whose map step ranked it for ADL from its evaluation; null without ADL.</summary>
    public int[]? RankedInRound { get; }

    /// <summary>Per certified account, a value none of its ADL ranks exceeds inside the certificate; null without ADL.</summary>
    public decimal[]? CertifiedRankBounds { get; }

    public int[] PositionStart { get; }

    public int[] PositionCount { get; }

    public int[] PositionInstrument { get; }

    public decimal[] PositionSize { get; }

    public decimal[] PositionEntry { get; }

    public bool[]? PositionIsolated { get; }

    public decimal[]? PositionIsolatedMargin { get; }

    public int[] HoldingStart { get; }

    public int[] HoldingCount { get; }

    public int[] HoldingAsset { get; }

    public decimal[] HoldingQuantity { get; }

    public int[] DebtStart { get; }

    public int[] DebtCount { get; }

    public int[] DebtAsset { get; }

    public decimal[] DebtQuantity { get; }

    /// <summary>Accounts liquidated this round, for the bad-debt step.</summary>
    public List<int> LiquidatedThisRound { get; } = new();

    /// <summary>Records that the account's wallet or call rounds changed.</summary>
    public void Touch(int i)
    {
        Touched[i] = true;
        _views[i] = null;
    }

    /// <summary>Records that the account's positions, holdings or debts changed.</summary>
    public void TouchItems(int i)
    {
        Touch(i);
        ItemsChanged[i] = true;
        Certificates[i] = 0;
    }

    /// <summary>
    /// The account as a record, for the compiled policy and the result: the original record while untouched, else a
    /// record built from the arrays that shares the original's collections while they are unchanged.
    /// </summary>
    public Account View(int i)
    {
        var original = Originals[i];
        if (!Touched[i]) return original;

        // Kept until the account changes again, so an emptied account re-evaluated on every price move costs nothing.
        return _views[i] ??= !ItemsChanged[i]
            ? original with { Wallet = Wallets[i], CallRounds = CallRounds[i] }
            : original with
            {
                Wallet = Wallets[i],
                CallRounds = CallRounds[i],
                Positions = Positions(i),
                Holdings = Holdings(i),
                Debts = Debts(i),
            };
    }

    private ImmutableArray<Position> Positions(int i)
    {
        if (PositionCount[i] == 0) return ImmutableArray<Position>.Empty;
        var builder = ImmutableArray.CreateBuilder<Position>(PositionCount[i]);
        for (int k = PositionStart[i], end = k + PositionCount[i]; k < end; k++)
        {
            builder.Add(new Position(_instruments[PositionInstrument[k]], PositionSize[k], PositionEntry[k],
                PositionIsolated?[k] ?? false, PositionIsolatedMargin?[k] ?? 0m));
        }

        return builder.MoveToImmutable();
    }

    private ImmutableArray<Holding> Holdings(int i)
    {
        if (HoldingCount[i] == 0) return ImmutableArray<Holding>.Empty;
        var builder = ImmutableArray.CreateBuilder<Holding>(HoldingCount[i]);
        for (int k = HoldingStart[i], end = k + HoldingCount[i]; k < end; k++) builder.Add(new Holding(_assets[HoldingAsset[k]], HoldingQuantity[k]));
        return builder.MoveToImmutable();
    }

    private ImmutableArray<Debt> Debts(int i)
    {
        if (DebtCount[i] == 0) return ImmutableArray<Debt>.Empty;
        var builder = ImmutableArray.CreateBuilder<Debt>(DebtCount[i]);
        for (int k = DebtStart[i], end = k + DebtCount[i]; k < end; k++) builder.Add(new Debt(_assets[DebtAsset[k]], DebtQuantity[k]));
        return builder.MoveToImmutable();
    }

    /// <summary>Drops the account's positions of size 0, keeping the others in order.</summary>
    public void CompactPositions(int i)
    {
        var start = PositionStart[i];
        var kept = start;
        for (int k = start, end = start + PositionCount[i]; k < end; k++)
        {
            if (PositionSize[k] == 0m) continue;
            if (kept != k)
            {
                PositionInstrument[kept] = PositionInstrument[k];
                PositionSize[kept] = PositionSize[k];
                PositionEntry[kept] = PositionEntry[k];
                if (PositionIsolated != null)
                {
                    PositionIsolated[kept] = PositionIsolated[k];
                    PositionIsolatedMargin![kept] = PositionIsolatedMargin[k];
                }
            }

            kept++;
        }

        PositionCount[i] = kept - start;
        NarrowMask(i);
    }

    /// <summary>Drops the account's holdings and debts of quantity 0, keeping the others in order.</summary>
    public void CompactCollateral(int i)
    {
        HoldingCount[i] = Compact(HoldingAsset, HoldingQuantity, HoldingStart[i], HoldingCount[i]);
        DebtCount[i] = Compact(DebtAsset, DebtQuantity, DebtStart[i], DebtCount[i]);
        NarrowMask(i);
    }

    /// <summary>
    /// Recomputes the assets the account's items touch once items are gone, so a price move no longer re-evaluates an
    /// account it cannot affect (an emptied account above all). The engine adds every asset back for policies that
    /// read the market by symbol.
    /// </summary>
    public void NarrowMask(int i)
    {
        ulong mask = 0;
        for (int k = PositionStart[i], end = k + PositionCount[i]; k < end; k++) mask |= 1UL << _instrumentUnderlying[PositionInstrument[k]];
        for (int k = HoldingStart[i], end = k + HoldingCount[i]; k < end; k++) mask |= 1UL << HoldingAsset[k];
        for (int k = DebtStart[i], end = k + DebtCount[i]; k < end; k++) mask |= 1UL << DebtAsset[k];
        AssetMasks[i] = mask;
    }

    private static int Compact(int[] assets, decimal[] quantities, int start, int count)
    {
        var kept = start;
        for (var k = start; k < start + count; k++)
        {
            if (quantities[k] == 0m) continue;
            assets[kept] = assets[k];
            quantities[kept++] = quantities[k];
        }

        return kept - start;
    }
}
