using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MarginRules.Accounts;
using MarginRules.Data.Csv;
using nietras.SeparatedValues;

namespace MarginRules.Data;

/// <summary>
/// Reads and writes <see cref="Account"/>s as CSV with one row per line item (an account row, then its positions, holdings
/// and debts), streaming so that a million-account file is read in constant memory per account.
/// </summary>
/// <remarks>The format and every rule it enforces are described in <c>docs/data-formats.md</c>, "CSV portfolios".</remarks>
public static class PortfolioCsv
{
    /// <summary>
    /// Reads a whole portfolio file into an <see cref="AccountTable"/>, one account at a time, so a million-account file
    /// is never held as records; when <paramref name="market"/> is given, every symbol and asset must be listed in it.
    /// </summary>
    /// <exception cref="DataFormatException">The file is not a valid portfolio; no account is returned when any row is invalid.</exception>
    public static IReadOnlyList<Account> Load(string path, Market? market = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return AccountTable.From(Stream(path, market));
    }

    /// <summary>
    /// Yields the accounts of a portfolio file as it reads it, each once its last row has been read; the file is opened when
    /// enumeration starts and every enumeration reads it again.
    /// </summary>
    /// <remarks>An error is raised when the reader reaches it, after the accounts before it have been yielded; use
    /// <see cref="Load"/> for all or nothing. Beyond the account being read, only the ids seen so far are kept.</remarks>
    /// <exception cref="DataFormatException">A row is invalid (raised during enumeration).</exception>
    public static IEnumerable<Account> Stream(string path, Market? market = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return PortfolioCsvReader.Read(() => PortfolioCsvReader.Options.FromFile(path), path, market);
    }

    /// <summary>Parses portfolio CSV text into an <see cref="AccountTable"/>; <paramref name="path"/> only names the file in errors.</summary>
    /// <exception cref="DataFormatException">The text is not a valid portfolio; no account is returned when any row is invalid.</exception>
    public static IReadOnlyList<Account> Parse(string csv, string path = "portfolio.csv", Market? market = null)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(path);
        return AccountTable.From(PortfolioCsvReader.Read(() => PortfolioCsvReader.Options.FromText(csv), path, market));
    }

    /// <summary>Writes accounts to a portfolio file (UTF-8, LF line ends), replacing it; numbers keep their scale, so loading the file gives equal accounts.</summary>
    /// <exception cref="ArgumentException">An account holds a value the format cannot carry: an empty id, symbol or asset, or a tag that is empty or contains <c>;</c>.</exception>
    public static void Write(string path, IEnumerable<Account> accounts)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(accounts);
        using var writer = Sep.New(',').Writer(o => o with { Escape = true }).ToFile(path);
        PortfolioCsvWriter.Write(writer, accounts);
    }
}
