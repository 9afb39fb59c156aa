using System.Collections.Immutable;
using System.Diagnostics;
using MarginRules.Accounts;
using MarginRules.Assessment;

namespace MarginRules.Benchmarks;

/// <summary>
/// `planner` mode: the cost of planning one liquidation (<c>MarginPolicy.PlanLiquidation</c>) on liquidatable accounts,
/// in ns and bytes per plan, on one thread: Binance BTCUSDT (3 positions, size all), Aave v3 (holdings, size amount,
/// debts repaid) and Compound III (size whole). The cascade plans once per liquidated account, so this is its cost
/// per liquidation beyond the evaluation.
/// </summary>
internal static class PlannerRun
{
    private const int Rounds = 7;

    private static readonly string[] Coins = ["BTC", "ETH", "SOL", "BNB", "XRP"];
    private static readonly decimal[] CoinPrices = [40_000m, 2_000m, 100m, 300m, 0.5m];

    /// <summary>Runs the mode; an optional first argument is the number of accounts per policy (default 100,000).</summary>
    public static int Run(ReadOnlySpan<string> args)
    {
        var count = args.Length > 0 ? int.Parse(args[0]) : 100_000;
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        Measure("binance-btcusdt", Perpetuals(count, 42), Perpetual(0.8m));
        Measure("aave-v3", Lending(count, 43, ["WETH", "WBTC", "USDC", "wstETH", "DAI"], [2_000m, 40_000m, 1m, 2_200m, 1m], "USDC", 0.7m), LendingMarket(["WETH", "WBTC", "USDC", "wstETH", "DAI"], [2_000m, 40_000m, 1m, 2_200m, 1m]));
        Measure("compound-v3", Lending(count, 44, ["WETH", "WBTC", "COMP", "UNI", "LINK"], [2_000m, 40_000m, 50m, 6m, 7m], "USDC", 0.75m), LendingMarket(["WETH", "WBTC", "COMP", "UNI", "LINK", "USDC"], [2_000m, 40_000m, 50m, 6m, 7m, 1m]));
        return 0;
    }

    private static void Measure(string name, Account[] candidates, Market market)
    {
        var policy = MarginPolicy.Compile(File.ReadAllText(PolicyPath(name + ".margin")), name + ".margin");
        var frame = policy.CreateFrame();
        var accounts = candidates.Where(a => policy.Assess(a, market, frame) == MarginStatus.Liquidatable).ToArray();

        // Warm-up: one pass, so the JIT has settled (tiered compilation) before the timed rounds.
        long checksum = 0;
        foreach (var a in accounts)
        {
            policy.Assess(a, market, frame);
            checksum += policy.PlanLiquidation(a, market, frame).Steps.Count;
        }

        var times = new double[Rounds];
        var bytes = new double[Rounds];
        for (var round = 0; round < Rounds; round++)
        {
            long ticks = 0, allocated = 0;
            foreach (var a in accounts)
            {
                policy.Assess(a, market, frame);
                var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                var start = Stopwatch.GetTimestamp();
                var plan = policy.PlanLiquidation(a, market, frame);
                ticks += Stopwatch.GetTimestamp() - start;
                allocated += GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                checksum += plan.Steps.Count;
            }

            times[round] = ticks * 1e9 / Stopwatch.Frequency / accounts.Length;
            bytes[round] = (double)allocated / accounts.Length;
        }

        Array.Sort(times);
        Console.WriteLine($"{name}: {accounts.Length:N0} liquidatable of {candidates.Length:N0}; plan: median {times[Rounds / 2]:N0} ns, " +
                          $"fastest {times[0]:N0} ns, {bytes.Min():N0} bytes per plan (checksum {checksum})");
    }

    private static string PolicyPath(string file)
    {
        var dir = AppContext.BaseDirectory;
        while (dir != null && !File.Exists(Path.Combine(dir, "examples", "policies", file))) dir = Path.GetDirectoryName(dir);
        return Path.Combine(dir ?? throw new InvalidOperationException("examples/ not found"), "examples", "policies", file);
    }

    /// <summary>The perpetual market after a uniform move by <paramref name="factor"/>.</summary>
    private static Market Perpetual(decimal factor) =>
        new(Coins.Select((c, i) => new KeyValuePair<string, AssetQuote>(c + "USDT", new AssetQuote(CoinPrices[i] * factor))));

    private static Market LendingMarket(string[] assets, decimal[] prices) =>
        new(assets.Select((a, i) => new KeyValuePair<string, AssetQuote>(a, new AssetQuote(prices[i]))));

    /// <summary>
    /// Cross-margin accounts with 3 long positions at 10–60× leverage (as in the cascade mode's population, levered up),
    /// so that a 20% drop leaves most of them liquidatable.
    /// </summary>
    private static Account[] Perpetuals(int count, int seed)
    {
        var random = new Random(seed);
        var result = new Account[count];
        for (var i = 0; i < count; i++)
        {
            var positions = ImmutableArray.CreateBuilder<Position>(3);
            decimal notional = 0m;
            var picks = new HashSet<int>();
            while (picks.Count < 3) picks.Add(random.Next(Coins.Length));
            foreach (var a in picks)
            {
                var value = Math.Round((decimal)Math.Exp(random.NextDouble() * 6 + 6), 2);
                var size = Math.Max(0.0001m, Math.Round(value / CoinPrices[a], 4));
                positions.Add(new Position(Coins[a] + "USDT", size, Math.Round(CoinPrices[a] * (decimal)(0.97 + random.NextDouble() * 0.06), 2)));
                notional += size * CoinPrices[a];
            }

            var wallet = Math.Round(notional / (decimal)(10 + random.NextDouble() * 50), 2);
            result[i] = new Account($"a{i}", wallet, positions.MoveToImmutable(), [], [], []);
        }

        return result;
    }

    /// <summary>Borrowers with one to three collateral holdings and one or two debts at a loan-to-value around <paramref name="ltv"/>.</summary>
    private static Account[] Lending(int count, int seed, string[] assets, decimal[] prices, string debtAsset, decimal ltv)
    {
        var random = new Random(seed);
        var result = new Account[count];
        for (var i = 0; i < count; i++)
        {
            var holdings = ImmutableArray.CreateBuilder<Holding>();
            decimal value = 0m;
            var picks = new HashSet<int>();
            var n = random.Next(1, 4);
            while (picks.Count < n) picks.Add(random.Next(assets.Length));
            foreach (var a in picks)
            {
                var quantity = Math.Round((decimal)Math.Exp(random.NextDouble() * 6 + 6) / prices[a], 6);
                holdings.Add(new Holding(assets[a], quantity));
                value += quantity * prices[a];
            }

            var borrowed = Math.Round(value * ltv * (decimal)(1 + random.NextDouble() * 0.3), 2);
            ImmutableArray<Debt> debts = random.Next(2) == 0 || debtAsset != "USDC" || !assets.Contains("DAI")
                ? [new Debt(debtAsset, borrowed)]
                : [new Debt(debtAsset, Math.Round(borrowed * 0.6m, 2)), new Debt("DAI", Math.Round(borrowed * 0.4m, 2))];
            result[i] = new Account($"b{i}", 0m, [], holdings.ToImmutable(), debts, []);
        }

        return result;
    }
}
