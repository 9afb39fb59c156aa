using System.Collections.Immutable;
using MarginRules.Accounts;
using MarginRules.Assessment;

namespace MarginRules.Tests;

/// <summary>Builders for accounts and markets, the location of the bundled examples, and the two evaluators.</summary>
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

    /// <summary>Theory data for tests run once with the reference evaluator (true) and once compiled (false).</summary>
    public static TheoryData<bool> Evaluators() => new() { true, false };

    /// <summary>Compiles the policy with the chosen evaluator and returns the liquidation it plans; fails if there is none.</summary>
    public static LiquidationInstruction Liquidate(string policy, Account account, Market market, bool reference) =>
        MarginPolicy.Compile(policy, options: new CompileOptions { UseReferenceEvaluator = reference })
            .Evaluate(account, market).Liquidation.ShouldNotBeNull();
}
