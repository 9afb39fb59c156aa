using System;
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
    private readonly int[] _instrumentUnderlying;
    private readonly IReadOnlyList<Account> _source;
    private readonly AccountTable? _table;
    private readonly IReadOnlyList<Account>? _records;

    /// <summary>
    /// Copies a venue's accounts into arrays, from records or straight from an <see cref="AccountTable"/>'s columns,
    /// checking that every position's instrument and every holding's and debt's asset is listed and that ids are unique.
    /// </summary>
    /// <exception cref="CascadeException">An account is invalid for this market.</exception>
    public VenueState(int index, VenueSetup setup, Dictionary<string, int> instrumentIndex, Dictionary<string, int> assetIndex, string[] instruments, string[] assets, int[] instrumentUnderlying)
    {
        _instrumentUnderlying = instrumentUnderlying;
        Index = index;
        Setup = setup;
        _source = setup.Accounts;
        _table = setup.Accounts as AccountTable;
        _instruments = instruments;
        _assets = assets;
        var n = _source.Count;
        Count = n;
        Wallets = new decimal[n];
        CallRounds = new int[n];
        LastLiquidation = new int[n];
        Reserves = new decimal[n];
        AssetMasks = new ulong[n];
        Status = new MarginStatus[n];
        Dirty = new bool[n];
        Touched = new bool[n];
        ItemsChanged = new bool[n];
        Certificates = new int[n];
        CertifiedWalletLow = new double[n];
        CertifiedWalletHigh = new double[n];
        CertifiedRankBounds = setup.Policy.Checked.Adl != null ? new double[n] : null;
        RankedInRound = setup.Policy.Checked.Adl != null ? new int[n] : null;
        OwedShortfall = setup.Policy.Checked.Adl != null ? new bool[n] : null;
        PositionStart = new int[n];
        PositionCount = new int[n];
        HoldingStart = new int[n];
        HoldingCount = new int[n];
        DebtStart = new int[n];
        DebtCount = new int[n];

        // A table is sized from its columns; records are read twice rather than copied.
        int positions = 0, holdings = 0, debts = 0;
        var isolated = false;
        var records = _table == null ? _source : null;
        if (_table != null)
        {
            if (n > 0) (positions, holdings, debts) = (_table.PositionEnd[n - 1], _table.HoldingEnd[n - 1], _table.DebtEnd[n - 1]);
            isolated = _table.PositionIsolated != null;
        }
        else
        {
            foreach (var a in records!)
            {
                positions += a.Positions.Length;
                holdings += a.Holdings.Length;
                debts += a.Debts.Length;
                foreach (var p in a.Positions) isolated |= p.Isolated || p.IsolatedMargin != 0m;
            }
        }

        _records = records;
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

        // A table's ids are unique by construction; records are checked here.
        var ids = _table == null ? new HashSet<string>(n, StringComparer.Ordinal) : null;
        if (_table != null) FillFromTable(_table, instrumentIndex, assetIndex);
        else FillFromRecords(records!, instrumentIndex, assetIndex);
        for (var i = 0; i < n; i++)
        {
            var id = Id(i);
            if (ids != null && !ids.Add(id)) throw new CascadeException($"venue `{setup.Name}` has two accounts with id `{id}`");
            Reserves[i] = setup.Reserves != null && setup.Reserves.TryGetValue(id, out var r) ? r : 0m;
            Dirty[i] = true;
            NarrowMask(i);
        }
    }

    private void FillFromRecords(IReadOnlyList<Account> accounts, Dictionary<string, int> instrumentIndex, Dictionary<string, int> assetIndex)
    {
        int positions = 0, holdings = 0, debts = 0;
        for (var i = 0; i < accounts.Count; i++)
        {
            var a = accounts[i];
            Wallets[i] = a.Wallet;
            CallRounds[i] = a.CallRounds;
            if (a.RoundsSinceLiquidation < 0)
                throw new CascadeException($"venue `{Setup.Name}`, account `{a.Id}`: rounds since liquidation is {a.RoundsSinceLiquidation}; it must be 0 or more");
            LastLiquidation[i] = LastLiquidationOf(a.RoundsSinceLiquidation);
            PositionStart[i] = positions;
            PositionCount[i] = a.Positions.Length;
            foreach (var p in a.Positions)
            {
                PositionInstrument[positions] = Instrument(instrumentIndex, p.Symbol, a.Id);
                PositionSize[positions] = p.Size;
                PositionEntry[positions] = p.EntryPrice;
                if (PositionIsolated != null)
                {
                    PositionIsolated[positions] = p.Isolated;
                    PositionIsolatedMargin![positions] = p.IsolatedMargin;
                }

                positions++;
            }

            HoldingStart[i] = holdings;
            HoldingCount[i] = a.Holdings.Length;
            foreach (var h in a.Holdings)
            {
                HoldingAsset[holdings] = Asset(assetIndex, h.Asset, a.Id);
                HoldingQuantity[holdings++] = h.Quantity;
            }

            DebtStart[i] = debts;
            DebtCount[i] = a.Debts.Length;
            foreach (var d in a.Debts)
            {
                DebtAsset[debts] = Asset(assetIndex, d.Asset, a.Id);
                DebtQuantity[debts++] = d.Quantity;
            }
        }
    }

    private void FillFromTable(AccountTable table, Dictionary<string, int> instrumentIndex, Dictionary<string, int> assetIndex)
    {
        // Each of the table's names is looked up once; an unlisted one is reported with the first account that uses it.
        var symbols = table.Symbols;
        var asInstrument = new int[symbols.Length];
        var asAsset = new int[symbols.Length];
        for (var s = 0; s < symbols.Length; s++)
        {
            asInstrument[s] = instrumentIndex.TryGetValue(symbols[s], out var k) ? k : -1;
            asAsset[s] = assetIndex.TryGetValue(symbols[s], out var a) ? a : -1;
        }

        Array.Copy(table.Wallets, Wallets, Count);
        Array.Copy(table.CallRoundsOf, CallRounds, Count);
        if (table.SinceLiquidationOf is { } since)
            for (var i = 0; i < Count; i++) LastLiquidation[i] = LastLiquidationOf(since[i]);
        else
            Array.Fill(LastLiquidation, NeverLiquidated);
        Array.Copy(table.PositionSize, PositionSize, PositionSize.Length);
        Array.Copy(table.PositionEntry, PositionEntry, PositionEntry.Length);
        if (PositionIsolated != null)
        {
            Array.Copy(table.PositionIsolated!, PositionIsolated, PositionIsolated.Length);
            Array.Copy(table.PositionIsolatedMargin!, PositionIsolatedMargin!, PositionIsolatedMargin!.Length);
        }

        Array.Copy(table.HoldingQuantity, HoldingQuantity, HoldingQuantity.Length);
        Array.Copy(table.DebtQuantity, DebtQuantity, DebtQuantity.Length);
        for (var i = 0; i < Count; i++)
        {
            PositionStart[i] = table.PositionStart(i);
            PositionCount[i] = table.PositionEnd[i] - PositionStart[i];
            for (var k = PositionStart[i]; k < table.PositionEnd[i]; k++)
                PositionInstrument[k] = asInstrument[table.PositionSymbol[k]] is var m && m >= 0 ? m : Instrument(instrumentIndex, symbols[table.PositionSymbol[k]], table.Ids[i]);
            HoldingStart[i] = table.HoldingStart(i);
            HoldingCount[i] = table.HoldingEnd[i] - HoldingStart[i];
            for (var k = HoldingStart[i]; k < table.HoldingEnd[i]; k++)
                HoldingAsset[k] = asAsset[table.HoldingAsset[k]] is var m && m >= 0 ? m : Asset(assetIndex, symbols[table.HoldingAsset[k]], table.Ids[i]);
            DebtStart[i] = table.DebtStart(i);
            DebtCount[i] = table.DebtEnd[i] - DebtStart[i];
            for (var k = DebtStart[i]; k < table.DebtEnd[i]; k++)
                DebtAsset[k] = asAsset[table.DebtAsset[k]] is var m && m >= 0 ? m : Asset(assetIndex, symbols[table.DebtAsset[k]], table.Ids[i]);
        }
    }

    private int Instrument(Dictionary<string, int> instrumentIndex, string symbol, string id) =>
        instrumentIndex.TryGetValue(symbol, out var k)
            ? k
            : throw new CascadeException($"venue `{Setup.Name}`, account `{id}`: position on `{symbol}`, which the market does not list as an instrument");

    private int Asset(Dictionary<string, int> assetIndex, string asset, string id) =>
        assetIndex.TryGetValue(asset, out var a) ? a : throw new CascadeException($"venue `{Setup.Name}`, account `{id}`: unknown asset `{asset}`");

    /// <summary>The account's id.</summary>
    public string Id(int i) => _table != null ? _table.Ids[i] : _records![i].Id;

    private ImmutableArray<string> Tags(int i)
    {
        if (_records != null) return _records[i].Tags;
        var tags = _table!.TagsOf[i];
        return tags.IsDefault ? ImmutableArray<string>.Empty : tags;
    }

    public int Index { get; }

    public VenueSetup Setup { get; }

    public MarginPolicy Policy => Setup.Policy;

    /// <summary>The number of accounts.</summary>
    public int Count { get; }

    public decimal[] Wallets { get; }

    public int[] CallRounds { get; }

    /// <summary>Stands for "never" in <see cref="LastLiquidation"/>.</summary>
    public const int NeverLiquidated = int.MinValue;

    /// <summary>
    /// The round of the account's last liquidation, or <see cref="NeverLiquidated"/>. An account that arrives with
    /// <see cref="Account.RoundsSinceLiquidation"/> k &gt; 0 was liquidated in "round" 1 − k, so round 1 reads k.
    /// </summary>
    public int[] LastLiquidation { get; }

    /// <summary>The round being run, or the one after the last once the run is over: what <see cref="View"/> counts from.</summary>
    public int Round { get; set; } = 1;

    /// <summary>Rounds since the account's last liquidation as of <see cref="Round"/>; 0 if it never was. It stops at int.MaxValue.</summary>
    public int RoundsSinceLiquidation(int i) =>
        LastLiquidation[i] == NeverLiquidated ? 0 : (int)Math.Min((long)Round - LastLiquidation[i], int.MaxValue);

    private static int LastLiquidationOf(int roundsSince) => roundsSince == 0 ? NeverLiquidated : 1 - roundsSince;

    /// <summary>Off-venue cash each account holder can deposit on a call.</summary>
    public decimal[] Reserves { get; }

    /// <summary>Bit a is set when the account touches asset a (through a position's underlying, a holding or a debt).</summary>
    public ulong[] AssetMasks { get; }

    /// <summary>The status at the last evaluation.</summary>
    public MarginStatus[] Status { get; }

    /// <summary>True when the account must be evaluated this round because its own state changed.</summary>
    public bool[] Dirty { get; }

    /// <summary>True once the run has liquidated the account: a count it arrived with puts its last liquidation at round 0 or before.</summary>
    public bool LiquidatedInRun(int i) => LastLiquidation[i] >= 1;

    /// <summary>True once any field of the account changed; an untouched account given as a record is handed back as that record.</summary>
    public bool[] Touched { get; }

    /// <summary>True once a position, holding or debt of the account changed.</summary>
    public bool[] ItemsChanged { get; }

    /// <summary>
    /// Per account: the entry (1-based) of the prices its health certificate was proved at, one per round after a
    /// planted seed's; 0 for none, −1 for an account found healthy at its last evaluation and due a certificate at the next.
    /// </summary>
    public int[] Certificates { get; }

    /// <summary>
    /// Per certified account, the lowest wallet (as a double) its certificate accepts: the certifier's
    /// <c>WalletAcceptLow</c>, inside the wallet interval it proved the account healthy over.
    /// </summary>
    public double[] CertifiedWalletLow { get; }

    /// <summary>Per certified account, the highest wallet (as a double) its certificate accepts, as the lowest.</summary>
    public double[] CertifiedWalletHigh { get; }

    /// <summary>
    /// Per account, true while ADL settles a shortfall owed to it, so it is not ranked to pay its own; a flag array
    /// rather than a set, as a million-account round can owe hundreds of thousands. Null without ADL.
    /// </summary>
    public bool[]? OwedShortfall { get; }

    /// <summary>Per account, the round whose map step ranked it for ADL from its evaluation; null without ADL.</summary>
    public int[]? RankedInRound { get; }

    /// <summary>
    /// Per certified account, a double none of its ADL ranks exceeds inside the certificate (infinity when unbounded);
    /// null without ADL.
    /// </summary>
    public double[]? CertifiedRankBounds { get; }

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

    /// <summary>The ADL heap's array, kept from round to round.</summary>
    public AdlCandidate[] AdlBuffer { get; set; } = [];

    /// <summary>Certified accounts waiting to be ranked for ADL, highest rank bound first (as negated doubles); reused every round.</summary>
    public PriorityQueue<int, double> WaitingForRank { get; } = new();

    /// <summary>Accounts whose positions ADL closed this round, to compact afterwards; an account may appear more than once.</summary>
    public List<int> AdlTouched { get; } = new();

    /// <summary>This round's isolated closes beyond their margin (account, shortfall), for the bad-debt step, in account order.</summary>
    public List<(int Account, decimal Amount)> IsolatedShortfalls { get; } = new();

    /// <summary>Accounts liquidated this round, for the bad-debt step.</summary>
    public List<int> LiquidatedThisRound { get; } = new();

    /// <summary>Records that the account's wallet or call rounds changed.</summary>
    public void Touch(int i) => Touched[i] = true;

    /// <summary>Records that the account's positions, holdings or debts changed.</summary>
    public void TouchItems(int i)
    {
        Touch(i);
        ItemsChanged[i] = true;
        Certificates[i] = 0;
    }

    /// <summary>
    /// The account as a record, for the compiled policy and the result: the caller's own record while the account is
    /// untouched, else a record built from the arrays (sharing the caller's collections while its items are unchanged).
    /// Built afresh at every call and never kept, so the run holds no records of its own.
    /// </summary>
    public Account View(int i)
    {
        if (_records != null)
        {
            var original = _records[i];
            var since = RoundsSinceLiquidation(i);
            if (!Touched[i] && original.RoundsSinceLiquidation == since) return original;
            if (!ItemsChanged[i]) return original with { Wallet = Wallets[i], CallRounds = CallRounds[i], RoundsSinceLiquidation = since };
        }

        return new Account(Id(i), Wallets[i], Positions(i), Holdings(i), Debts(i), Tags(i))
        {
            CallRounds = CallRounds[i],
            RoundsSinceLiquidation = RoundsSinceLiquidation(i),
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
