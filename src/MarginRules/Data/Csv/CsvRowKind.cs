namespace MarginRules.Data.Csv;

/// <summary>The value of a row's <c>kind</c> column: which part of an account the row carries.</summary>
internal enum CsvRowKind
{
    /// <summary>The account's own row: wallet, tags and call rounds.</summary>
    Account,

    /// <summary>One open position.</summary>
    Position,

    /// <summary>One collateral holding.</summary>
    Holding,

    /// <summary>One debt.</summary>
    Debt,
}
