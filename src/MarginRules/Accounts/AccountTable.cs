using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;

namespace MarginRules.Accounts;

/// <summary>
/// Accounts held as columns: one array per field, and every account's positions, holdings and debts in flat arrays.
/// A million accounts of three positions take about a third of the memory of the same <see cref="Account"/> records;
/// the cascade engine reads the columns directly. Ids are unique. Reading an element builds its record; the table is
/// immutable.
/// </summary>
public sealed class AccountTable : IReadOnlyList<Account>
{
    private AccountTable(Builder b)
    {
        Count = b.AccountCount;
        Ids = b.Ids;
        Wallets = b.Wallets;
        CallRoundsOf = b.CallRounds;
        SinceLiquidationOf = b.SinceLiquidation;
        TagsOf = b.Tags;
        PositionEnd = b.PositionEnd;
        HoldingEnd = b.HoldingEnd;
        DebtEnd = b.DebtEnd;
        PositionSymbol = b.PositionSymbol;
        PositionSize = b.PositionSize;
        PositionEntry = b.PositionEntry;
        PositionIsolated = b.PositionIsolated;
        PositionIsolatedMargin = b.PositionIsolatedMargin;
        HoldingAsset = b.HoldingAsset;
        HoldingQuantity = b.HoldingQuantity;
        DebtAsset = b.DebtAsset;
        DebtQuantity = b.DebtQuantity;
        Symbols = b.Symbols.ToArray();
    }

    /// <summary>The number of accounts.</summary>
    public int Count { get; }

    /// <summary>The account at an index, built as a record from the columns.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The index is outside the table.</exception>
    public Account this[int index]
    {
        get
        {
            if ((uint)index >= (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
            return new Account(Ids[index], Wallets[index], Positions(index), Holdings(index), Debts(index), TagsOf[index].IsDefault ? ImmutableArray<string>.Empty : TagsOf[index])
            {
                CallRounds = CallRoundsOf[index],
                RoundsSinceLiquidation = SinceLiquidationOf?[index] ?? 0,
            };
        }
    }

    /// <summary>Builds a table from records, one at a time, so a stream of accounts is never held as records.</summary>
    public static AccountTable From(IEnumerable<Account> accounts)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts is AccountTable table) return table;
        var builder = accounts is IReadOnlyCollection<Account> c ? new Builder(c.Count, c.Count) : new Builder();
        foreach (var a in accounts) builder.Add(a);
        return builder.Build();
    }

    /// <summary>Enumerates the accounts, building each record as it goes.</summary>
    public IEnumerator<Account> GetEnumerator()
    {
        for (var i = 0; i < Count; i++) yield return this[i];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // The columns, for the engine. Item k of account i is at PositionEnd[i - 1] (0 for the first) + k.
    internal string[] Ids { get; }

    internal decimal[] Wallets { get; }

    internal int[] CallRoundsOf { get; }

    // Null while every account has 0: most populations were never liquidated.
    internal int[]? SinceLiquidationOf { get; }

    internal ImmutableArray<string>[] TagsOf { get; }

    internal int[] PositionEnd { get; }

    internal int[] HoldingEnd { get; }

    internal int[] DebtEnd { get; }

    internal int[] PositionSymbol { get; }

    internal decimal[] PositionSize { get; }

    internal decimal[] PositionEntry { get; }

    internal bool[]? PositionIsolated { get; }

    internal decimal[]? PositionIsolatedMargin { get; }

    internal int[] HoldingAsset { get; }

    internal decimal[] HoldingQuantity { get; }

    internal int[] DebtAsset { get; }

    internal decimal[] DebtQuantity { get; }

    /// <summary>Every symbol and asset name the items use, indexed by the item columns.</summary>
    internal string[] Symbols { get; }

    internal int PositionStart(int i) => i == 0 ? 0 : PositionEnd[i - 1];

    internal int HoldingStart(int i) => i == 0 ? 0 : HoldingEnd[i - 1];

    internal int DebtStart(int i) => i == 0 ? 0 : DebtEnd[i - 1];

    private ImmutableArray<Position> Positions(int i)
    {
        int start = PositionStart(i), end = PositionEnd[i];
        if (start == end) return ImmutableArray<Position>.Empty;
        var builder = ImmutableArray.CreateBuilder<Position>(end - start);
        for (var k = start; k < end; k++)
            builder.Add(new Position(Symbols[PositionSymbol[k]], PositionSize[k], PositionEntry[k], PositionIsolated?[k] ?? false, PositionIsolatedMargin?[k] ?? 0m));
        return builder.MoveToImmutable();
    }

    private ImmutableArray<Holding> Holdings(int i)
    {
        int start = HoldingStart(i), end = HoldingEnd[i];
        if (start == end) return ImmutableArray<Holding>.Empty;
        var builder = ImmutableArray.CreateBuilder<Holding>(end - start);
        for (var k = start; k < end; k++) builder.Add(new Holding(Symbols[HoldingAsset[k]], HoldingQuantity[k]));
        return builder.MoveToImmutable();
    }

    private ImmutableArray<Debt> Debts(int i)
    {
        int start = DebtStart(i), end = DebtEnd[i];
        if (start == end) return ImmutableArray<Debt>.Empty;
        var builder = ImmutableArray.CreateBuilder<Debt>(end - start);
        for (var k = start; k < end; k++) builder.Add(new Debt(Symbols[DebtAsset[k]], DebtQuantity[k]));
        return builder.MoveToImmutable();
    }

    /// <summary>
    /// Fills a table one account at a time: <see cref="AddAccount"/>, then that account's items. Give the expected sizes
    /// up front for large populations; the columns otherwise grow by doubling.
    /// </summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, int> _symbolIndex = new(StringComparer.Ordinal);
        private HashSet<string>? _ids = new(StringComparer.Ordinal);
        private bool _built;

        /// <summary>Starts an empty table with room for the given numbers of accounts and positions.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A capacity is negative.</exception>
        public Builder(int accounts = 16, int positions = 16)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(accounts);
            ArgumentOutOfRangeException.ThrowIfNegative(positions);
            Ids = new string[accounts];
            Wallets = new decimal[accounts];
            CallRounds = new int[accounts];
            Tags = new ImmutableArray<string>[accounts];
            PositionEnd = new int[accounts];
            HoldingEnd = new int[accounts];
            DebtEnd = new int[accounts];
            PositionSymbol = new int[positions];
            PositionSize = new decimal[positions];
            PositionEntry = new decimal[positions];
        }

        internal int AccountCount { get; private set; }

        internal string[] Ids { get; private set; }

        internal decimal[] Wallets { get; private set; }

        internal int[] CallRounds { get; private set; }

        internal int[]? SinceLiquidation { get; private set; }

        internal ImmutableArray<string>[] Tags { get; private set; }

        internal int[] PositionEnd { get; private set; }

        internal int[] HoldingEnd { get; private set; }

        internal int[] DebtEnd { get; private set; }

        internal int[] PositionSymbol { get; private set; }

        internal decimal[] PositionSize { get; private set; }

        internal decimal[] PositionEntry { get; private set; }

        internal bool[]? PositionIsolated { get; private set; }

        internal decimal[]? PositionIsolatedMargin { get; private set; }

        internal int[] HoldingAsset { get; private set; } = [];

        internal decimal[] HoldingQuantity { get; private set; } = [];

        internal int[] DebtAsset { get; private set; } = [];

        internal decimal[] DebtQuantity { get; private set; } = [];

        internal List<string> Symbols { get; } = new();

        private int _positions;
        private int _holdings;
        private int _debts;

        /// <summary>Starts the next account; the items added after it belong to it. Ids are unique within a table.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="id"/> is null.</exception>
        /// <exception cref="ArgumentException">An earlier account has the same id.</exception>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="roundsSinceLiquidation"/> is negative.</exception>
        public Builder AddAccount(string id, decimal wallet, ImmutableArray<string> tags = default, int callRounds = 0, int roundsSinceLiquidation = 0)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(roundsSinceLiquidation);
            ArgumentNullException.ThrowIfNull(id);
            Usable();
            if (!_ids!.Add(id)) throw new ArgumentException($"account id `{id}` is given twice", nameof(id));
            if (AccountCount == Ids.Length) GrowAccounts();
            var i = AccountCount++;
            Ids[i] = id;
            Wallets[i] = wallet;
            CallRounds[i] = callRounds;
            if (roundsSinceLiquidation != 0)
            {
                SinceLiquidation ??= new int[Ids.Length];
                SinceLiquidation[i] = roundsSinceLiquidation;
            }

            Tags[i] = tags.IsDefaultOrEmpty ? default : tags;
            PositionEnd[i] = _positions;
            HoldingEnd[i] = _holdings;
            DebtEnd[i] = _debts;
            return this;
        }

        /// <summary>Adds a position to the last account.</summary>
        public Builder AddPosition(string symbol, decimal size, decimal entryPrice, bool isolated = false, decimal isolatedMargin = 0m)
        {
            var i = Last();
            if (_positions == PositionSize.Length)
            {
                var capacity = Grown(PositionSize.Length);
                PositionSymbol = Resized(PositionSymbol, capacity);
                PositionSize = Resized(PositionSize, capacity);
                PositionEntry = Resized(PositionEntry, capacity);
                if (PositionIsolated != null) PositionIsolated = Resized(PositionIsolated, capacity);
                if (PositionIsolatedMargin != null) PositionIsolatedMargin = Resized(PositionIsolatedMargin, capacity);
            }

            // Isolated margin is rare; a table without it does not pay for its two columns.
            if ((isolated || isolatedMargin != 0m) && PositionIsolated == null)
            {
                PositionIsolated = new bool[PositionSize.Length];
                PositionIsolatedMargin = new decimal[PositionSize.Length];
            }

            PositionSymbol[_positions] = Symbol(symbol);
            PositionSize[_positions] = size;
            PositionEntry[_positions] = entryPrice;
            if (PositionIsolated != null)
            {
                PositionIsolated[_positions] = isolated;
                PositionIsolatedMargin![_positions] = isolatedMargin;
            }

            PositionEnd[i] = ++_positions;
            return this;
        }

        /// <summary>Adds a collateral holding to the last account.</summary>
        public Builder AddHolding(string asset, decimal quantity)
        {
            var i = Last();
            if (_holdings == HoldingAsset.Length)
            {
                var capacity = Grown(HoldingAsset.Length);
                HoldingAsset = Resized(HoldingAsset, capacity);
                HoldingQuantity = Resized(HoldingQuantity, capacity);
            }

            HoldingAsset[_holdings] = Symbol(asset);
            HoldingQuantity[_holdings] = quantity;
            HoldingEnd[i] = ++_holdings;
            return this;
        }

        /// <summary>Adds a debt to the last account.</summary>
        public Builder AddDebt(string asset, decimal quantity)
        {
            var i = Last();
            if (_debts == DebtAsset.Length)
            {
                var capacity = Grown(DebtAsset.Length);
                DebtAsset = Resized(DebtAsset, capacity);
                DebtQuantity = Resized(DebtQuantity, capacity);
            }

            DebtAsset[_debts] = Symbol(asset);
            DebtQuantity[_debts] = quantity;
            DebtEnd[i] = ++_debts;
            return this;
        }

        /// <summary>Adds a whole account record with its items.</summary>
        public Builder Add(Account account)
        {
            ArgumentNullException.ThrowIfNull(account);
            AddAccount(account.Id, account.Wallet, account.Tags, account.CallRounds, account.RoundsSinceLiquidation);
            foreach (var p in account.Positions) AddPosition(p.Symbol, p.Size, p.EntryPrice, p.Isolated, p.IsolatedMargin);
            foreach (var h in account.Holdings) AddHolding(h.Asset, h.Quantity);
            foreach (var d in account.Debts) AddDebt(d.Asset, d.Quantity);
            return this;
        }

        /// <summary>The table; the builder cannot be used after it.</summary>
        public AccountTable Build()
        {
            Usable();
            _built = true;
            _ids = null;
            return new AccountTable(this);
        }

        private int Symbol(string name)
        {
            ArgumentNullException.ThrowIfNull(name);
            if (_symbolIndex.TryGetValue(name, out var index)) return index;
            index = Symbols.Count;
            Symbols.Add(name);
            _symbolIndex.Add(name, index);
            return index;
        }

        private int Last()
        {
            Usable();
            if (AccountCount == 0) throw new InvalidOperationException("add an account before its items");
            return AccountCount - 1;
        }

        private void Usable()
        {
            if (_built) throw new InvalidOperationException("the table was already built");
        }

        private void GrowAccounts()
        {
            var capacity = Grown(Ids.Length);
            Ids = Resized(Ids, capacity);
            Wallets = Resized(Wallets, capacity);
            CallRounds = Resized(CallRounds, capacity);
            if (SinceLiquidation != null) SinceLiquidation = Resized(SinceLiquidation, capacity);
            Tags = Resized(Tags, capacity);
            PositionEnd = Resized(PositionEnd, capacity);
            HoldingEnd = Resized(HoldingEnd, capacity);
            DebtEnd = Resized(DebtEnd, capacity);
        }

        private static int Grown(int length) => Math.Max(16, length <= int.MaxValue / 2 ? length * 2 : int.MaxValue);

        private static T[] Resized<T>(T[] array, int capacity)
        {
            Array.Resize(ref array, capacity);
            return array;
        }
    }
}
