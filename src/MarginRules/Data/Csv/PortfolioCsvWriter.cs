using System;
using System.Collections.Generic;
using System.Globalization;
using MarginRules.Accounts;
using nietras.SeparatedValues;

namespace MarginRules.Data.Csv;

/// <summary>Writes accounts in the portfolio CSV format: an account row, then its positions, holdings and debts.</summary>
internal static class PortfolioCsvWriter
{
    /// <summary>Writes every account to <paramref name="writer"/>, which has the ten columns in <see cref="CsvColumn"/> order.</summary>
    /// <exception cref="ArgumentException">An account holds a value the format cannot carry, such as an empty tag.</exception>
    public static void Write(SepWriter writer, IEnumerable<Account> accounts)
    {
        writer.Header.Add(PortfolioCsvLayout.ColumnNames.AsSpan());
        foreach (var account in accounts)
        {
            ArgumentNullException.ThrowIfNull(account, nameof(accounts));
            RequireName(account.Id, "account id", account.Id);
            using (var row = NewRow(writer, account.Id, CsvRowKind.Account))
            {
                Empty(row, CsvColumn.Symbol, CsvColumn.IsolatedMargin);
                Number(row, CsvColumn.Wallet, account.Wallet);
                row[(int)CsvColumn.Tags].Set(Tags(account));
                row[(int)CsvColumn.CallRounds].Set(CultureInfo.InvariantCulture, $"{account.CallRounds}");
            }

            foreach (var position in account.Positions)
            {
                RequireName(position.Symbol, "position symbol", account.Id);
                using var row = NewRow(writer, account.Id, CsvRowKind.Position);
                row[(int)CsvColumn.Symbol].Set(position.Symbol);
                Number(row, CsvColumn.Quantity, position.Size);
                Number(row, CsvColumn.EntryPrice, position.EntryPrice);
                row[(int)CsvColumn.Isolated].Set(position.Isolated ? "true" : "false");
                Number(row, CsvColumn.IsolatedMargin, position.IsolatedMargin);
                Empty(row, CsvColumn.Wallet, CsvColumn.CallRounds);
            }

            foreach (var holding in account.Holdings) Balance(writer, account.Id, CsvRowKind.Holding, holding.Asset, holding.Quantity);
            foreach (var debt in account.Debts) Balance(writer, account.Id, CsvRowKind.Debt, debt.Asset, debt.Quantity);
        }
    }

    private static SepWriter.Row NewRow(SepWriter writer, string id, CsvRowKind kind)
    {
        var row = writer.NewRow();
        row[(int)CsvColumn.Account].Set(id);
        row[(int)CsvColumn.Kind].Set(PortfolioCsvLayout.Name(kind));
        return row;
    }

    private static void Balance(SepWriter writer, string id, CsvRowKind kind, string asset, decimal quantity)
    {
        RequireName(asset, $"{PortfolioCsvLayout.Name(kind)} asset", id);
        using var row = NewRow(writer, id, kind);
        row[(int)CsvColumn.Symbol].Set(asset);
        Number(row, CsvColumn.Quantity, quantity);
        Empty(row, CsvColumn.EntryPrice, CsvColumn.CallRounds);
    }

    // Sep requires every column of a row to be set; a row kind leaves the columns it does not use empty.
    private static void Empty(SepWriter.Row row, CsvColumn first, CsvColumn last)
    {
        for (var column = first; column <= last; column++) row[(int)column].Set(ReadOnlySpan<char>.Empty);
    }

    // decimal formats without an exponent and keeps its scale, so 40000.10 is read back as 40000.10.
    private static void Number(SepWriter.Row row, CsvColumn column, decimal value) =>
        row[(int)column].Set(CultureInfo.InvariantCulture, $"{value}");

    private static string Tags(Account account)
    {
        foreach (var tag in account.Tags)
        {
            if (tag.Length == 0 || tag.Contains(PortfolioCsvLayout.TagSeparator))
            {
                throw new ArgumentException(
                    $"account \"{account.Id}\" has the tag \"{tag}\", which the CSV format cannot hold: tags are non-empty and separated by \"{PortfolioCsvLayout.TagSeparator}\"",
                    "accounts");
            }
        }

        return string.Join(PortfolioCsvLayout.TagSeparator, account.Tags);
    }

    private static void RequireName(string name, string what, string id)
    {
        if (string.IsNullOrEmpty(name)) throw new ArgumentException($"account \"{id}\" has an empty {what}, which a portfolio file cannot hold", "accounts");
    }
}
