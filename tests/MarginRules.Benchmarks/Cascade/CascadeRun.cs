using System.Diagnostics;
using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade.Shocks;

namespace MarginRules.Benchmarks.Cascade;

/// <summary>
/// `cascade` mode: the engine on a synthetic perpetual population of N accounts × 3 positions over 5 assets, a −20%
/// shock on every asset, plus the hand-written single-pass floor and a 100-shock sweep.
/// </summary>
internal static class CascadeRun
{
    private static readonly string[] Assets = ["BTC", "ETH", "SOL", "BNB", "XRP"];
    private static readonly decimal[] Prices = [40_000m, 2_000m, 100m, 300m, 0.5m];

    public static int Run(ReadOnlySpan<string> args)
    {
        var accounts = args.Length > 0 ? int.Parse(args[0]) : 1_000_000;
        var sweepAccounts = args.Length > 1 ? int.Parse(args[1]) : 100_000;
        var band = args.Length > 2 ? decimal.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : new CascadeOptions().CertificateBand;
        var policy = MarginPolicy.Compile(File.ReadAllText(PolicyPath()), "binance-btcusdt.margin");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");

        var sw = Stopwatch.StartNew();
        var population = Population(accounts, 42);
        Console.WriteLine($"generated {accounts:N0} accounts as an AccountTable in {sw.ElapsedMilliseconds} ms");

        // The cascade runs first, on the columnar population, so the peak working set it reports is the run's own;
        // the single-pass figures below need records and are taken after it. A run on 20,000 other accounts first
        // JIT-compiles the engine and the policy to their final tier, so the figures are steady-state ones.
        CascadeEngine.Run(Setup(policy, Population(20_000, 3), -0.20m), new CascadeOptions { CertificateBand = band });
        GC.Collect();
        var before = GC.GetTotalMemory(true);
        sw.Restart();
        var clock = new RoundClock();
        var gen2Before = GC.CollectionCount(2);
        var pausedBefore = GC.GetTotalPauseDuration();
        var result = CascadeEngine.Run(Setup(policy, population, -0.20m), new CascadeOptions { CertificateBand = band }, clock);
        var elapsed = sw.ElapsedMilliseconds;
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"cascade −20%: {elapsed} ms, {result.Summary.Rounds} rounds ({result.Summary.StopReason}), " +
                          $"{result.Summary.AccountsLiquidated:N0} liquidated, BTC move {result.Summary.FinalMove["BTC"]:P2}, " +
                          $"peak working set {peak / 1_048_576} MB (heap before run {before / 1_048_576} MB), " +
                          $"{GC.CollectionCount(2) - gen2Before} gen-2 collections, GC pauses {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:N0} ms");
        foreach (var r in result.Rounds)
            Console.WriteLine($"  round {r.Number}: evaluated {r.AccountsEvaluated:N0}, certified {r.AccountsCertified:N0}, liquidations {r.Liquidations:N0}, bad debt {r.BadDebt:N0}, " +
                              $"fund drawn {r.InsuranceDrawn:N0}, ADL events {r.AdlEvents:N0}, socialised {r.SocializedLoss:N0}, {clock.RoundMilliseconds[r.Number - 1]} ms, " +
                              $"heap {clock.HeapMegabytes[r.Number - 1]} MB, peak so far {clock.PeakMegabytes[r.Number - 1]} MB");
        result = null;
        if (Environment.GetEnvironmentVariable("PROFILE_CASCADE") == "1") return 0;
        if (Environment.GetEnvironmentVariable("PROFILE_SWEEP") == "1")
        {
            var sample = Population(sweepAccounts, 7);
            var sampleShocks = Environment.GetEnvironmentVariable("PROFILE_SHOCK") is { } one ? Enumerable.Repeat(decimal.Parse(one, System.Globalization.CultureInfo.InvariantCulture), 12).ToArray() : new[] { -0.004m, -0.02m, -0.06m, -0.1m, -0.14m, -0.2m, -0.3m, -0.4m };
            foreach (var shock in sampleShocks)
            {
                sw.Restart();
                var rounds = new RoundClock();
                var r = CascadeEngine.Run(Setup(policy, sample, shock), new CascadeOptions { MaxDegreeOfParallelism = 1, CertificateBand = band }, rounds);
                Console.WriteLine($"shock {shock:P1}: {sw.ElapsedMilliseconds} ms, {r.Summary.Rounds} rounds, {r.Summary.AccountsLiquidated:N0} liquidated, evaluated {string.Join("/", r.Rounds.Select(x => x.AccountsEvaluated))}, " +
                                  $"certified {string.Join("/", r.Rounds.Select(x => x.AccountsCertified))}, ADL {string.Join("/", r.Rounds.Select(x => x.AdlEvents))}, ms {string.Join("/", rounds.RoundMilliseconds)}");
            }

            return 0;
        }

        var records = population.ToArray();
        var market = Market(1m);
        sw.Restart();
        var floor = HandWrittenPass(records, market);
        Console.WriteLine($"hand-written tiered pass over {accounts:N0} × 3 positions (1 thread): {sw.ElapsedMilliseconds} ms (checksum {floor})");

        var frame = policy.CreateFrame();
        sw.Restart();
        var liquidatable = 0;
        foreach (var a in records) if (policy.Assess(a, market, frame) == Assessment.MarginStatus.Liquidatable) liquidatable++;
        Console.WriteLine($"compiled policy pass (1 thread): {sw.ElapsedMilliseconds} ms ({liquidatable} liquidatable before the shock)");

        // One health-certificate attempt per account at the shocked prices, to set against the evaluation it can save.
        var shocked = Market(0.8m);
        var certifier = new Evaluation.HealthCertifier(policy.Checked);
        var box = Evaluation.HealthCertifier.CreateBox(shocked, 0.02m);
        var scratch = certifier.CreateScratch();
        sw.Restart();
        var certified = 0;
        foreach (var a in records) if (certifier.Certify(a, box, scratch)) certified++;
        Console.WriteLine($"health certificates (±2%) at −20% (1 thread): {sw.ElapsedMilliseconds} ms ({certified:N0} certified)");
        if (Environment.GetEnvironmentVariable("PROFILE_CERT") == "1")
        {
            for (var k = 0; k < 5; k++) foreach (var a in records) certifier.Certify(a, box, scratch);
            return 0;
        }

        records = null;
        var small = Population(sweepAccounts, 7);
        sw.Restart();
        var shocks = Enumerable.Range(1, 100).Select(i => -i * 0.004m).ToArray();
        var outcomes = new int[shocks.Length];
        Parallel.For(0, shocks.Length, i =>
            outcomes[i] = CascadeEngine.Run(Setup(policy, small, shocks[i]), new CascadeOptions { MaxDegreeOfParallelism = 1, CertificateBand = band }).Summary.AccountsLiquidated);
        Console.WriteLine($"sweep of 100 shocks (−0.4% … −40%) over {sweepAccounts:N0} accounts, independent runs: {sw.ElapsedMilliseconds} ms " +
                          $"(liquidated at −20%: {outcomes[49]:N0})");

        // The same points through CascadeEngine.Sweep, which shares certificates between points over one market and venue.
        sw.Restart();
        var shared = Setup(policy, small, 0m);
        var points = shocks.Select(s => shared with { Shock = new ShockPath(new Shock(Assets.Select(a => new KeyValuePair<string, decimal>(a, s)))) }).ToArray();
        var summaries = CascadeEngine.Sweep(points, new CascadeOptions { MaxDegreeOfParallelism = 1, CertificateBand = band });
        Console.WriteLine($"sweep of 100 shocks (−0.4% … −40%) over {sweepAccounts:N0} accounts, CascadeEngine.Sweep: {sw.ElapsedMilliseconds} ms " +
                          $"(liquidated at −20%: {summaries[49].AccountsLiquidated:N0})");
        return 0;
    }

    private static string PolicyPath()
    {
        var dir = AppContext.BaseDirectory;
        while (dir != null && !File.Exists(Path.Combine(dir, "examples", "policies", "binance-btcusdt.margin"))) dir = Path.GetDirectoryName(dir);
        return Path.Combine(dir ?? throw new InvalidOperationException("examples/ not found"), "examples", "policies", "binance-btcusdt.margin");
    }

    private static Market Market(decimal factor) =>
        new(Assets.Select((a, i) => new KeyValuePair<string, AssetQuote>(a + "USDT", new AssetQuote(Prices[i] * factor)))
            .Concat(Assets.Select((a, i) => new KeyValuePair<string, AssetQuote>(a, new AssetQuote(Prices[i] * factor)))));

    private static CascadeSetup Setup(MarginPolicy policy, AccountTable accounts, decimal shock) => new()
    {
        Assets = Assets.Select((a, i) => new AssetSetup(a, Prices[i], new LinearImpact(0.00000000002m / Prices[i]))).ToArray(),
        Instruments = Assets.Select(a => new InstrumentSetup(a + "USDT", a)).ToArray(),
        Venues = [new VenueSetup("perps", policy, accounts, 10_000_000m)],
        Shock = new ShockPath(new Shock(Assets.Select(a => new KeyValuePair<string, decimal>(a, shock)))),
    };

    /// <summary>
    /// Cross-margin accounts with 3 positions each, leverage mostly 2–10× with a tail to 50×, a third short, as columns.
    /// Blocks of 4,096 accounts draw from their own seed, so the population is the same one the benchmark always used.
    /// </summary>
    private static AccountTable Population(int count, int seed)
    {
        var table = new AccountTable.Builder(count, 3 * count);
        var sizes = new decimal[3];
        var entries = new decimal[3];
        var symbols = new string[3];
        for (var block = 0; block < (count + 4095) / 4096; block++)
        {
            var random = new Random(seed * 7919 + block);
            for (var i = block * 4096; i < Math.Min(count, (block + 1) * 4096); i++)
            {
                decimal notional = 0m;
                var picks = new HashSet<int>();
                while (picks.Count < 3) picks.Add(random.Next(Assets.Length));
                var n = 0;
                foreach (var a in picks)
                {
                    var value = Math.Round((decimal)Math.Exp(random.NextDouble() * 6 + 6), 2);
                    var size = Math.Round(value / Prices[a], 4);
                    if (size == 0m) size = 0.0001m;
                    var sign = random.NextDouble() < 0.33 ? -1m : 1m;
                    symbols[n] = Assets[a] + "USDT";
                    sizes[n] = sign * size;
                    entries[n++] = Math.Round(Prices[a] * (decimal)(0.97 + random.NextDouble() * 0.06), 2);
                    notional += size * Prices[a];
                }

                var leverage = random.NextDouble() < 0.9 ? 2 + random.NextDouble() * 8 : 10 + random.NextDouble() * 40;
                table.AddAccount($"a{i}", Math.Round(notional / (decimal)leverage, 2) + 50m);
                for (var k = 0; k < 3; k++) table.AddPosition(symbols[k], sizes[k], entries[k]);
            }
        }

        return table.Build();
    }

    /// <summary>The floor: the same tiered maintenance in plain decimal C#, one pass, one thread.</summary>
    private static decimal HandWrittenPass(Account[] accounts, Market market)
    {
        decimal[] floors = [0m, 50_000m, 250_000m, 1_000_000m, 10_000_000m, 20_000_000m, 50_000_000m, 100_000_000m, 200_000_000m, 300_000_000m];
        decimal[] rates = [0.004m, 0.005m, 0.01m, 0.025m, 0.05m, 0.10m, 0.125m, 0.15m, 0.25m, 0.50m];
        decimal[] amounts = [0m, 50m, 1_300m, 16_300m, 266_300m, 1_266_300m, 2_516_300m, 5_016_300m, 25_016_300m, 100_016_300m];
        decimal total = 0m;
        foreach (var a in accounts)
        {
            decimal mm = 0m, equity = a.Wallet;
            foreach (var p in a.Positions)
            {
                var mark = market.Price(p.Symbol);
                var notional = Math.Abs(p.Size) * mark;
                var k = Array.BinarySearch(floors, notional);
                if (k < 0) k = ~k - 1;
                mm += notional * rates[k] - amounts[k];
                equity += p.Size * (mark - p.EntryPrice);
            }

            if (equity < mm) total += 1m;
        }

        return total;
    }
}
