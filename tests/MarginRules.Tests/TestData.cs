using System.Collections.Immutable;
using MarginRules.Accounts;

namespace MarginRules.Tests;

/// <summary>Builders for accounts and markets, and the location of the bundled examples.</summary>
internal static class TestData
{
    public static string ExamplePolicy(string file) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "examples", "policies", file));

    public static string ExamplePath(params string[] parts) =>
        Path.Combine(new[] { AppContext.BaseDirectory, "examples" }.Concat(parts).ToArray());

    public static Market Market(params (string Symbol, decimal Price)[] quotes) =>
        new(quotes.Select(q => new KeyValuePair<string, AssetQuote>(q.Symbol, new AssetQuote(q.Price))));

    public static Account Account(string id, decimal wallet = 0m, Position[]? positions = null, Holding[]? holdings = null, Debt[]? debts = null, string[]? tags = null) =>
        new(id, wallet,
            (positions ?? []).ToImmutableArray(),
            (holdings ?? []).ToImmutableArray(),
            (debts ?? []).ToImmutableArray(),
            (tags ?? []).ToImmutableArray());
}
