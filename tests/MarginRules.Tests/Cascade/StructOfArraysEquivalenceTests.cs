using System.Globalization;
using System.Text;
using CsCheck;
using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade.Shocks;
using MarginRules.Tests.Cascade.Reference;

namespace MarginRules.Tests.Cascade;

/// <summary>
/// The struct-of-arrays engine against the record-based engine it replaced (kept in Reference/ as the oracle): on random
/// populations of perpetual, lending and broker accounts, every round, every final account and every summary number
/// must agree to the last decimal digit, whatever the thread count and partition size.
/// </summary>
public sealed class StructOfArraysEquivalenceTests
{
    private static readonly MarginPolicy Perps = MarginPolicy.Compile(TestData.ExamplePolicy("binance-btcusdt.margin"), "binance-btcusdt.margin");
    // Hyperliquid with 10 s rounds and a 5,000 partial threshold, so partial cuts and the cooldown after them, which
    // reads account.rounds_since_liquidation, happen on these small accounts.
    private static readonly MarginPolicy Hyper = MarginPolicy.Compile(TestData.ExamplePolicy("hyperliquid.margin"), "hyperliquid.margin", new CompileOptions
    {
        Parameters = new Dictionary<string, object> { ["round_seconds"] = 10m, ["partial_threshold"] = 5_000m },
    });

    // The Reg T policy with short stock, so that broker clients short MEME are bought in once their calls expire.
    private static readonly MarginPolicy RegT = MarginPolicy.Compile(TestData.ExamplePolicy("regt-finra-4210-shorts.margin"), "regt-finra-4210-shorts.margin");
    private static readonly string[] Coins = ["BTC", "ETH", "SOL"];
    private static readonly decimal[] CoinPrices = [40_000m, 2_000m, 100m];

    /// <summary>Perpetual accounts with one to three positions, long or short, leverage from about 2× to 50×, some isolated.</summary>
    private static readonly Gen<Account[]> Traders =
        Gen.Select(Gen.Int[1, 7], Gen.Int[-300, 300].Array[3], Gen.Int[-4, 4].Array[3], Gen.Int[2, 50], Gen.Bool)
            .Select((picks, sizes, entryMoves, leverage, isolated) => (picks, sizes, entryMoves, leverage, isolated))
            .Array[1, 60]
            .Select(xs => xs.Select((x, i) =>
            {
                var positions = new List<Position>();
                decimal notional = 0m;
                for (var a = 0; a < Coins.Length; a++)
                {
                    if ((x.picks & (1 << a)) == 0 || x.sizes[a] == 0) continue;
                    var size = x.sizes[a] * 100m / CoinPrices[a];
                    positions.Add(new Position(Coins[a] + "USDT", size, CoinPrices[a] * (1m + x.entryMoves[a] / 100m), x.isolated && a == 0));
                    notional += Math.Abs(size) * CoinPrices[a];
                }

                return TestData.Account($"t{i}", Math.Round(notional / x.leverage, 2) + 5m, positions: positions.ToArray());
            }).ToArray());

    /// <summary>
    /// Broker accounts: STOCK financed by USD debt at 1.2× to 3.5× leverage, or (every third) short MEME with 104% to
    /// 150% of the short's value in the wallet, so a rise in MEME calls them and buys them in; with off-venue reserves.
    /// </summary>
    private static readonly Gen<(Account Account, decimal Reserve)[]> Clients =
        Gen.Select(Gen.Int[10, 500], Gen.Int[120, 350], Gen.Int[0, 5_000], Gen.Int[0, 2])
            .Array[0, 25]
            .Select(xs => xs.Select((x, i) =>
            {
                decimal units = x.Item1, leverage = x.Item2 / 100m;
                if (x.Item4 == 0)
                    return (TestData.Account($"c{i}", Math.Round(units * 50m * (1m + (x.Item2 - 100) / 500m), 2), debts: [new Debt("MEME", units)]), (decimal)x.Item3);
                var debt = Math.Round(units * 100m * (1m - 1m / leverage), 2);
                return (TestData.Account($"c{i}", holdings: [new Holding("STOCK", units)], debts: [new Debt("USD", debt)]), (decimal)x.Item3);
            }).ToArray());

    private static CascadeSetup Setup(Account[] traders, (Account Account, decimal Reserve)[] clients, Account[] banks, int coinDrop, int stockDrop, int impact, decimal insurance, ulong seed) => new()
    {
        Assets = Coins.Select((c, a) => new AssetSetup(c, CoinPrices[a], new LinearImpact(impact / 1_000_000_000m / CoinPrices[a])))
            .Concat([new AssetSetup("STOCK", 100m, new LinearImpact(impact / 100_000_000m)), new AssetSetup("MEME", 50m, new LinearImpact(impact / 20_000_000m)), new AssetSetup("RISK", 1m, new LinearImpact(impact / 10_000_000m)), CascadeTestKit.Usd])
            .ToArray(),
        Instruments = Coins.Select(c => new InstrumentSetup(c + "USDT", c)).Concat(Coins.Select(c => new InstrumentSetup(c + "-PERP", c))).ToArray(),
        Venues =
        [
            new VenueSetup("perps", Perps, traders, insurance),
            new VenueSetup("broker", RegT, clients.Select(c => c.Account).ToArray())
            {
                Reserves = clients.ToDictionary(c => c.Account.Id, c => c.Reserve),
                Response = new MarginCallResponse(0.5m, 0.8m, seed),
            },
            new VenueSetup("banks", CascadeTestKit.Bank(), banks, insurance / 10m),
            new VenueSetup("hyper", Hyper, HyperAccounts(traders), insurance / 2m),
        ],
        Shock = new ShockPath(
            new Shock(Coins.Select(c => new KeyValuePair<string, decimal>(c, -coinDrop / 100m)).Append(new("STOCK", -stockDrop / 100m)).Append(new("MEME", stockDrop / 200m)).Append(new("RISK", -stockDrop / 200m))),
            new Shock(new Dictionary<string, decimal> { ["BTC"] = -coinDrop / 300m })),
    };

    /// <summary>The traders again on Hyperliquid, every third one liquidated one or two rounds before the run.</summary>
    private static Account[] HyperAccounts(Account[] traders) =>
        traders.Select((t, i) => t with
        {
            Id = "h" + t.Id,
            Positions = [.. t.Positions.Select(p => p with { Symbol = p.Symbol.Replace("USDT", "-PERP", StringComparison.Ordinal) })],
            RoundsSinceLiquidation = i % 3,
        }).ToArray();

    private static readonly Gen<Account[]> Banks =
        Gen.Select(Gen.Int[1_000, 10_000], Gen.Int[200, 1_100]).Array[0, 20]
            .Select(xs => xs.Select((x, i) => CascadeTestKit.BankAccount($"b{i}", x.Item1, Math.Round(x.Item1 * (1m - 100m / x.Item2), 2))).ToArray());

    [Fact]
    public void The_struct_of_arrays_engine_matches_the_record_engine_on_random_populations()
    {
        Gen.Select(Traders, Clients, Banks, Gen.Int[1, 40], Gen.Int[0, 60], Gen.Int[0, 40], Gen.Int[0, 3], Gen.ULong)
            .Sample((traders, clients, banks, coinDrop, stockDrop, impact, fund, seed) =>
            {
                var setup = Setup(traders, clients, banks, coinDrop, stockDrop, impact, fund * 2_000m, seed);
                var options = new CascadeOptions { MaxRounds = 25, MaxDegreeOfParallelism = 2, PartitionSize = 5 };
                var expected = Everything(new RecordCascadeRun(setup, options with { MaxDegreeOfParallelism = 1 }).Run(null, default));
                var actual = Everything(CascadeEngine.Run(setup, options));
                actual.ShouldBe(expected);
            }, iter: 80);
    }

    [Fact]
    public void The_random_populations_reach_liquidations_ADL_socialised_losses_and_calls()
    {
        // Guards the equivalence test against generators that never leave the quiet path: the same generators must
        // produce each of the engine's branches somewhere in a modest sample.
        var seen = new HashSet<string>();
        Gen.Select(Traders, Clients, Banks, Gen.Int[1, 40], Gen.Int[0, 60], Gen.Int[0, 40], Gen.Int[0, 3], Gen.ULong)
            .Sample((traders, clients, banks, coinDrop, stockDrop, impact, fund, seed) =>
            {
                var result = CascadeEngine.Run(Setup(traders, clients, banks, coinDrop, stockDrop, impact, fund * 2_000m, seed), new CascadeOptions { MaxRounds = 25 });
                var s = result.Summary;
                if (result.Rounds.Any(r => r.AccountsCertified > 0)) seen.Add("certified");
                if (s.AccountsLiquidated > 0) seen.Add("liquidation");
                if (s.AdlEvents > 0) seen.Add("adl");
                if (s.SocializedLoss > 0m) seen.Add("socialised");
                if (s.MarginCalls > 0) seen.Add("call");
                if (s.InsuranceDrawn > 0m) seen.Add("insurance");

                // No account holds MEME, so only a buy-in of a short trades it.
                if (result.Rounds.Any(r => r.LiquidatedNotional.GetValueOrDefault("MEME") > 0m)) seen.Add("buy-in");
            }, iter: 100, seed: "0000000000001");
        seen.OrderBy(x => x, StringComparer.Ordinal).ShouldBe(["adl", "buy-in", "call", "certified", "insurance", "liquidation", "socialised"]);
    }

    [Fact]
    public void Accounts_given_as_a_table_run_exactly_as_the_same_records()
    {
        // The engine copies a table's columns instead of reading records; every result, and every final account, must
        // be the same as for the records the table was built from.
        Gen.Select(Traders, Clients, Banks, Gen.Int[1, 40], Gen.Int[0, 60], Gen.Int[0, 40], Gen.Int[0, 3], Gen.ULong)
            .Sample((traders, clients, banks, coinDrop, stockDrop, impact, fund, seed) =>
            {
                var setup = Setup(traders, clients, banks, coinDrop, stockDrop, impact, fund * 2_000m, seed);
                var tables = setup with { Venues = setup.Venues.Select(v => v with { Accounts = AccountTable.From(v.Accounts) }).ToArray() };
                var options = new CascadeOptions { MaxRounds = 25, PartitionSize = 6 };
                Everything(CascadeEngine.Run(tables, options)).ShouldBe(Everything(CascadeEngine.Run(setup, options)));
            }, iter: 60);
    }

    [Fact]
    public void Health_certificates_change_no_result()
    {
        // The same runs with certificates off and with a wide band (proved rarely) and a narrow one (proved often).
        Gen.Select(Traders, Clients, Banks, Gen.Int[1, 40], Gen.Int[0, 60], Gen.Int[0, 40], Gen.Int[0, 3], Gen.ULong)
            .Sample((traders, clients, banks, coinDrop, stockDrop, impact, fund, seed) =>
            {
                var setup = Setup(traders, clients, banks, coinDrop, stockDrop, impact, fund * 2_000m, seed);
                var options = new CascadeOptions { MaxRounds = 25, PartitionSize = 7 };
                var expected = Everything(CascadeEngine.Run(setup, options with { CertificateBand = 0m }));
                Everything(CascadeEngine.Run(setup, options with { CertificateBand = 0.3m })).ShouldBe(expected);
                Everything(CascadeEngine.Run(setup, options with { CertificateBand = 0.001m })).ShouldBe(expected);
            }, iter: 60);
    }

    /// <summary>The fingerprint plus what it leaves out: ADL amounts, funds and net sales per round, call rounds, final prices and the summary.</summary>
    private static string Everything(CascadeResult r)
    {
        var sb = new StringBuilder(CascadeTestKit.Fingerprint(r));
        foreach (var round in r.Rounds)
        {
            // Not the evaluation counts: this engine also spares certified accounts and emptied accounts a price move
            // cannot affect, which the reference evaluates; every result must still agree.
            sb.Append(CultureInfo.InvariantCulture, $"{round.Number}|{round.AdlAmount}|");
            foreach (var kv in round.InsuranceFunds.OrderBy(k => k.Key, StringComparer.Ordinal)) sb.Append(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value};");
            foreach (var kv in round.NetSales.OrderBy(k => k.Key, StringComparer.Ordinal)) sb.Append(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value};");
            sb.Append('\n');
        }

        foreach (var venue in r.FinalAccounts.OrderBy(k => k.Key, StringComparer.Ordinal))
            foreach (var a in venue.Value)
                sb.Append(CultureInfo.InvariantCulture, $"{a.Id}:{a.CallRounds}:{a.RoundsSinceLiquidation}:{string.Join(',', a.Positions.Select(p => $"{p.Symbol}/{p.EntryPrice}/{p.Isolated}/{p.IsolatedMargin}"))}:{string.Join(',', a.Holdings.Select(h => h.Asset))}:{string.Join(',', a.Debts.Select(d => d.Asset))}\n");
        foreach (var kv in r.FinalPrices.OrderBy(k => k.Key, StringComparer.Ordinal)) sb.Append(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value};");
        var s = r.Summary;
        sb.Append(CultureInfo.InvariantCulture, $"\n{s.TotalLiquidated}|{s.AccountsLiquidated}|{s.BadDebt}|{s.InsuranceDrawn}|{s.AdlEvents}|{s.SocializedLoss}|{s.MarginCalls}|{s.Rounds}|{s.StopReason}");
        return sb.ToString();
    }
}

