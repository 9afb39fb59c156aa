using System.Collections.Generic;
using System.Collections.Immutable;
using MarginRules.Accounts;

namespace MarginRules.Data.Csv;

/// <summary>The rows read so far for the account being read; reused from one account to the next so reading allocates only the accounts.</summary>
internal sealed class AccountRows
{
    private readonly List<Position> _positions = new();
    private readonly List<Holding> _holdings = new();
    private readonly List<Debt> _debts = new();
    private (int Line, int Column) _firstKind;
    private (int Line, int Column)? _accountRow;
    private decimal _wallet;
    private ImmutableArray<string> _tags = ImmutableArray<string>.Empty;
    private int _callRounds;

    /// <summary>The id of the account being read.</summary>
    public string Id { get; private set; } = string.Empty;

    /// <summary>Where the account's row of kind <c>account</c> is, or null before it has been read.</summary>
    public (int Line, int Column)? AccountRow => _accountRow;

    /// <summary>Forgets the previous account and starts one whose first row has its <c>kind</c> field at <paramref name="firstKind"/>.</summary>
    public void Start(string id, (int Line, int Column) firstKind)
    {
        Id = id;
        _firstKind = firstKind;
        _accountRow = null;
        _wallet = 0m;
        _tags = ImmutableArray<string>.Empty;
        _callRounds = 0;
        _positions.Clear();
        _holdings.Clear();
        _debts.Clear();
    }

    /// <summary>Records the values of the account row, whose <c>kind</c> field is at <paramref name="at"/>.</summary>
    public void SetAccount((int Line, int Column) at, decimal wallet, ImmutableArray<string> tags, int callRounds)
    {
        _accountRow = at;
        _wallet = wallet;
        _tags = tags;
        _callRounds = callRounds;
    }

    /// <summary>Adds a position row.</summary>
    public void Add(Position position) => _positions.Add(position);

    /// <summary>Adds a holding row.</summary>
    public void Add(Holding holding) => _holdings.Add(holding);

    /// <summary>Adds a debt row.</summary>
    public void Add(Debt debt) => _debts.Add(debt);

    /// <summary>The account from its rows, each kind in file order.</summary>
    /// <exception cref="DataFormatException">The account had no row of kind <c>account</c>; the error is placed on its first row.</exception>
    public Account Build(string path)
    {
        if (_accountRow is null)
        {
            throw new DataFormatException(path, _firstKind.Line, _firstKind.Column, "kind",
                $"account \"{Id}\" has no row of kind \"account\"; its rows start here");
        }

        return new Account(Id, _wallet, [.. _positions], [.. _holdings], [.. _debts], _tags) { CallRounds = _callRounds };
    }
}
