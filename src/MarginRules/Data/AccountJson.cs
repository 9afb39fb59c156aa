using System;
using MarginRules.Language.Text;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using MarginRules.Accounts;

namespace MarginRules.Data;

/// <summary>Loads <see cref="Account"/>s from JSON: a portfolio <c>{ "accounts": [ … ] }</c> or a single account object.</summary>
/// <remarks>The format and every rule it enforces are described in <c>docs/data-formats.md</c>.</remarks>
public static class AccountJson
{
    private static readonly string[] PortfolioFields = ["accounts"];
    private static readonly string[] AccountFields = ["id", "wallet", "positions", "holdings", "debts", "tags", "call_rounds", "rounds_since_liquidation"];
    private static readonly string[] PositionFields = ["symbol", "size", "entry_price", "isolated", "isolated_margin"];
    private static readonly string[] BalanceFields = ["asset", "quantity"];

    /// <summary>Reads and parses a portfolio file; when <paramref name="market"/> is given, every symbol and asset must be listed in it.</summary>
    /// <exception cref="DataFormatException">The file is not a valid portfolio; no account is returned when any is invalid.</exception>
    public static IReadOnlyList<Account> LoadPortfolio(string path, Market? market = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ParsePortfolio(File.ReadAllText(path), path, market);
    }

    /// <summary>Parses portfolio JSON; <paramref name="path"/> only names the file in errors.</summary>
    /// <exception cref="DataFormatException">The text is not a valid portfolio; no account is returned when any is invalid.</exception>
    public static IReadOnlyList<Account> ParsePortfolio(string json, string path = "portfolio.json", Market? market = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(path);
        var root = DataTree.Parse(new DataSource(json, path));
        ImmutableArray<Account>? accounts = null;
        foreach (var field in root.AsRecord())
        {
            if (field.Name != "accounts") throw field.UnknownField(PortfolioFields);
            accounts = ReadAccounts(field, market);
        }

        return accounts ?? throw root.MissingField("accounts");
    }

    /// <summary>Reads and parses a file holding one account object.</summary>
    /// <exception cref="DataFormatException">The file is not a valid account.</exception>
    public static Account LoadAccount(string path, Market? market = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return ParseAccount(File.ReadAllText(path), path, market);
    }

    /// <summary>Parses one account object; <paramref name="path"/> only names the file in errors.</summary>
    /// <exception cref="DataFormatException">The text is not a valid account.</exception>
    public static Account ParseAccount(string json, string path = "account.json", Market? market = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(path);
        return ReadAccount(DataTree.Parse(new DataSource(json, path)), market, out _);
    }

    private static ImmutableArray<Account> ReadAccounts(DataNode node, Market? market)
    {
        var elements = node.AsArray();
        var accounts = ImmutableArray.CreateBuilder<Account>(elements.Count);
        var ids = new Dictionary<string, DataNode>(StringComparer.Ordinal);
        foreach (var element in elements)
        {
            var account = ReadAccount(element, market, out var idNode);
            if (ids.TryGetValue(account.Id, out var first))
            {
                var at = first.Source.Position(first.Offset);
                throw idNode.Error($"duplicate account id \"{account.Id}\"; first used at {at.Line}:{at.Column}");
            }

            ids.Add(account.Id, idNode);
            accounts.Add(account);
        }

        return accounts.MoveToImmutable();
    }

    private static Account ReadAccount(DataNode node, Market? market, out DataNode idNode)
    {
        string? id = null;
        DataNode? idField = null;
        var wallet = 0m;
        var positions = ImmutableArray<Position>.Empty;
        var holdings = ImmutableArray<Holding>.Empty;
        var debts = ImmutableArray<Debt>.Empty;
        var tags = ImmutableArray<string>.Empty;
        var callRounds = 0;
        var sinceLiquidation = 0;
        foreach (var field in node.AsRecord())
        {
            switch (field.Name)
            {
                case "id": id = field.AsName(); idField = field; break;
                case "wallet": wallet = field.AsDecimal(); break;
                case "positions": positions = ReadAll(field, e => ReadPosition(e, market)); break;
                case "holdings": holdings = ReadAll(field, e => { var (asset, quantity) = ReadBalance(e, market); return new Holding(asset, quantity); }); break;
                case "debts": debts = ReadAll(field, e => { var (asset, quantity) = ReadBalance(e, market); return new Debt(asset, quantity); }); break;
                case "tags": tags = ReadAll(field, e => e.AsString()); break;
                case "call_rounds": callRounds = field.AsCount(); break;
                case "rounds_since_liquidation": sinceLiquidation = field.AsCount(); break;
                default: throw field.UnknownField(AccountFields);
            }
        }

        // The id's node is handed back so a portfolio can place a duplicate-id error on it.
        idNode = idField ?? throw node.MissingField("id");
        return new Account(id!, wallet, positions, holdings, debts, tags) { CallRounds = callRounds, RoundsSinceLiquidation = sinceLiquidation };
    }

    private static Position ReadPosition(DataNode node, Market? market)
    {
        string? symbol = null;
        decimal? size = null;
        decimal? entryPrice = null;
        var isolated = false;
        var isolatedMargin = 0m;
        foreach (var field in node.AsRecord())
        {
            switch (field.Name)
            {
                case "symbol": symbol = ReadListed(field, market); break;
                case "size": size = field.AsDecimal(); break;
                case "entry_price": entryPrice = field.AsNonNegativeDecimal(); break;
                case "isolated": isolated = field.AsBoolean(); break;
                case "isolated_margin": isolatedMargin = field.AsNonNegativeDecimal(); break;
                default: throw field.UnknownField(PositionFields);
            }
        }

        return new Position(
            symbol ?? throw node.MissingField("symbol"),
            size ?? throw node.MissingField("size"),
            entryPrice ?? throw node.MissingField("entry_price"),
            isolated,
            isolatedMargin);
    }

    // Holdings and debts share a shape: an asset the market lists and a quantity that is never negative.
    private static (string Asset, decimal Quantity) ReadBalance(DataNode node, Market? market)
    {
        string? asset = null;
        decimal? quantity = null;
        foreach (var field in node.AsRecord())
        {
            switch (field.Name)
            {
                case "asset": asset = ReadListed(field, market); break;
                case "quantity": quantity = field.AsNonNegativeDecimal(); break;
                default: throw field.UnknownField(BalanceFields);
            }
        }

        return (asset ?? throw node.MissingField("asset"), quantity ?? throw node.MissingField("quantity"));
    }

    private static string ReadListed(DataNode node, Market? market)
    {
        var symbol = node.AsName();
        if (market is null || market.TryGetQuote(symbol, out _)) return symbol;
        var suggestion = SpellingSuggestion.Closest(symbol, market.Quotes.Keys);
        throw node.Error(suggestion is null
            ? $"the market does not list \"{symbol}\""
            : $"the market does not list \"{symbol}\"; did you mean \"{suggestion}\"?");
    }

    private static ImmutableArray<T> ReadAll<T>(DataNode node, Func<DataNode, T> read)
    {
        var elements = node.AsArray();
        var items = ImmutableArray.CreateBuilder<T>(elements.Count);
        foreach (var element in elements) items.Add(read(element));
        return items.MoveToImmutable();
    }
}
