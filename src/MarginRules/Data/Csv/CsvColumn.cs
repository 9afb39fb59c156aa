namespace MarginRules.Data.Csv;

/// <summary>The ten columns of a portfolio CSV file, in the order <see cref="PortfolioCsv.Write"/> writes them.</summary>
internal enum CsvColumn
{
    /// <summary>The account id; every row names the account it belongs to.</summary>
    Account,

    /// <summary>What the row holds: <c>account</c>, <c>position</c>, <c>holding</c> or <c>debt</c>.</summary>
    Kind,

    /// <summary>The instrument of a position, or the asset of a holding or debt.</summary>
    Symbol,

    /// <summary>The signed size of a position, or the quantity of a holding or debt.</summary>
    Quantity,

    /// <summary>The entry price of a position.</summary>
    EntryPrice,

    /// <summary>Whether a position is isolated.</summary>
    Isolated,

    /// <summary>The margin assigned to an isolated position.</summary>
    IsolatedMargin,

    /// <summary>The account's wallet balance.</summary>
    Wallet,

    /// <summary>The account's tags, separated by semicolons.</summary>
    Tags,

    /// <summary>The rounds the account's margin call has been outstanding.</summary>
    CallRounds,
}
