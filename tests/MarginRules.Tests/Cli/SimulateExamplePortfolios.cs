using System.Globalization;
using System.Text;

namespace MarginRules.Tests.Cli;

/// <summary>
/// Generates the bundled simulation portfolios (examples/portfolios/*.json) from fixed seeds, so the checked-in files
/// can be regenerated and compared. Prices are the starting prices of examples/markets/crypto.json. Every account is
/// healthy at those prices; leverage and health factors are spread so that a crash liquidates them in waves.
/// </summary>
internal static class SimulateExamplePortfolios
{
    public const decimal Btc = 60_000m;
    public const decimal Eth = 3_000m;
    public const decimal Sol = 150m;

    /// <summary>The file name and generated text of every bundled portfolio.</summary>
    public static IReadOnlyList<(string File, string Json)> All() =>
    [
        ("binance-perps.json", BinancePerps()),
        ("aave-lending.json", AaveLending()),
        ("regt-broker.json", RegTBroker()),
    ];

    /// <summary>
    /// 300 cross-margin perpetual accounts, each with one BTCUSDT (65%) or ETHUSDT (35%) position, 85% long. Notional
    /// is log-uniform from 5,000 to 2,000,000; leverage (notional ÷ equity) is uniform in 1.5–4 for 40% of the
    /// accounts, 4–8 for 45% and 8–14 for 15%, so every account's equity is at least 1/14 of its notional, far above
    /// the 0.4%–2.5% maintenance rates of the brackets those notionals fall in.
    /// </summary>
    public static string BinancePerps()
    {
        var random = new SplitMix(20240312);
        var lines = new List<string>();
        for (var i = 1; i <= 300; i++)
        {
            var btc = random.Next() < 0.65;
            var price = btc ? Btc : Eth;
            var notional = LogUniform(random, 5_000, 2_000_000);
            var u = random.Next();
            var leverage = u < 0.35 ? Uniform(random, 1.5, 3.5) : u < 0.85 ? Uniform(random, 3.5, 5.5) : Uniform(random, 5.5, 10);
            var sign = random.Next() < 0.85 ? 1m : -1m;
            var size = Math.Max(0.001m, Math.Round(notional / price, 3)) * sign;
            var entry = Math.Round(price * (1m + (0.04m * ((decimal)random.Next() - 0.5m))), 1);
            var upnl = size * (price - entry);
            var wallet = Math.Round((Math.Abs(size) * price / leverage) - upnl, 2);
            lines.Add($"{{\"id\":\"bn-{i:000}\",\"wallet\":{N(wallet)},\"positions\":[{{\"symbol\":\"{(btc ? "BTCUSDT" : "ETHUSDT")}\",\"size\":{N(size)},\"entry_price\":{N(entry)}}}]}}");
        }

        return Portfolio(lines);
    }

    /// <summary>
    /// 300 Aave borrowers: WETH (55%), WBTC (30%) or both (15%) as collateral, log-uniform from 5,000 to 1,500,000;
    /// USDC (70%) or DAI debt. Health factors are uniform in 1.15–1.4 for 35%, 1.4–2 for 40% and 2–4 for 25%, all
    /// above the highest a borrower can open at (liquidation threshold ÷ LTV: 1.139 for WBTC).
    /// </summary>
    public static string AaveLending()
    {
        var random = new SplitMix(20200312);
        var lines = new List<string>();
        for (var i = 1; i <= 300; i++)
        {
            var collateral = LogUniform(random, 5_000, 1_500_000);
            var u = random.Next();
            var wethShare = u < 0.55 ? 1m : u < 0.85 ? 0m : 0.5m;
            var weth = Math.Round(collateral * wethShare / Eth, 4);
            var wbtc = Math.Round(collateral * (1m - wethShare) / Btc, 5);
            var v = random.Next();
            var hf = v < 0.35 ? Uniform(random, 1.15, 1.4) : v < 0.75 ? Uniform(random, 1.4, 2) : Uniform(random, 2, 4);

            // Liquidation thresholds of the policy's reserve table: WETH 86%, WBTC 82%.
            var weighted = (weth * Eth * 0.86m) + (wbtc * Btc * 0.82m);
            var debt = Math.Round(weighted / hf, 2);
            var debtAsset = random.Next() < 0.7 ? "USDC" : "DAI";
            var holdings = new List<string>();
            if (weth > 0m) holdings.Add($"{{\"asset\":\"WETH\",\"quantity\":{N(weth)}}}");
            if (wbtc > 0m) holdings.Add($"{{\"asset\":\"WBTC\",\"quantity\":{N(wbtc)}}}");
            lines.Add($"{{\"id\":\"av-{i:000}\",\"holdings\":[{string.Join(",", holdings)}],\"debts\":[{{\"asset\":\"{debtAsset}\",\"quantity\":{N(debt)}}}]}}");
        }

        return Portfolio(lines);
    }

    /// <summary>
    /// 200 Reg T margin accounts long BTC, ETH and SOL on a USDC loan, with equity from 35% to 90% of market value
    /// (the venue sets the maintenance rate to 30%). 60% keep an off-venue reserve of up to 20% of their market value, carried
    /// in a <c>reserve:</c> tag, which they may deposit on a call.
    /// </summary>
    public static string RegTBroker()
    {
        var random = new SplitMix(19871019);
        var lines = new List<string>();
        for (var i = 1; i <= 200; i++)
        {
            var value = LogUniform(random, 10_000, 500_000);
            var btcShare = (decimal)random.Next();
            var solShare = (1m - btcShare) * 0.3m * (decimal)random.Next();
            var btc = Math.Round(value * btcShare / Btc, 5);
            var sol = Math.Round(value * solShare / Sol, 2);
            var eth = Math.Round(value * (1m - btcShare - solShare) / Eth, 4);
            var marketValue = (btc * Btc) + (eth * Eth) + (sol * Sol);
            var equityRatio = Uniform(random, 0.35, 0.90);
            var loan = Math.Round(marketValue * (1m - equityRatio), 2);
            var holdings = new List<string>();
            if (btc > 0m) holdings.Add($"{{\"asset\":\"BTC\",\"quantity\":{N(btc)}}}");
            if (eth > 0m) holdings.Add($"{{\"asset\":\"ETH\",\"quantity\":{N(eth)}}}");
            if (sol > 0m) holdings.Add($"{{\"asset\":\"SOL\",\"quantity\":{N(sol)}}}");
            var tags = random.Next() < 0.6 ? $",\"tags\":[\"reserve:{N(Math.Round(marketValue * 0.2m * (decimal)random.Next(), 2))}\"]" : string.Empty;
            lines.Add($"{{\"id\":\"rt-{i:000}\",\"holdings\":[{string.Join(",", holdings)}],\"debts\":[{{\"asset\":\"USDC\",\"quantity\":{N(loan)}}}]{tags}}}");
        }

        return Portfolio(lines);
    }

    private static string Portfolio(List<string> lines)
    {
        var sb = new StringBuilder("{\"accounts\": [\n");
        for (var i = 0; i < lines.Count; i++) sb.Append("  ").Append(lines[i]).Append(i + 1 < lines.Count ? ",\n" : "\n");
        return sb.Append("]}\n").ToString();
    }

    private static decimal LogUniform(SplitMix random, double low, double high) =>
        Math.Round((decimal)Math.Exp(Math.Log(low) + (random.Next() * (Math.Log(high) - Math.Log(low)))), 2);

    private static decimal Uniform(SplitMix random, double low, double high) => Math.Round((decimal)(low + (random.Next() * (high - low))), 4);

    private static string N(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);

    /// <summary>SplitMix64 (Steele, Lea &amp; Flood 2014): the same stream on every platform and .NET version, unlike <see cref="Random"/>'s unspecified algorithm.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong _state = seed;

        /// <summary>A uniform double in [0, 1) from the top 53 bits.</summary>
        public double Next()
        {
            var z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            z ^= z >> 31;
            return (z >> 11) * (1.0 / (1UL << 53));
        }
    }
}
