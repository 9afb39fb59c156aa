using System.Globalization;
using System.Text;
using CsCheck;
using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Engine;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade.Shocks;

namespace MarginRules.Tests.Cascade;

/// <summary>
/// <see cref="CascadeEngine.Sweep"/>: runs that share health certificates proved at a neighbouring shock's prices give
/// exactly what separate runs give, and do spare evaluations.
/// </summary>
public sealed class SweepTests
{
    private static readonly MarginPolicy Perps = MarginPolicy.Compile(TestData.ExamplePolicy("binance-btcusdt.margin"), "binance-btcusdt.margin");

    /// <summary>BTCUSDT accounts from about 2× to 50× leverage, long or short, entries up to 5% away from 40,000.</summary>
    private static readonly Gen<Account[]> Traders =
        Gen.Select(Gen.Int[-300, 300], Gen.Int[-5, 5], Gen.Int[2, 50])
            .Array[1, 80]
            .Select(xs => xs.Select((x, i) =>
            {
                var size = (x.Item1 == 0 ? 1 : x.Item1) / 100m;
                var notional = Math.Abs(size) * 40_000m;
                return TestData.Account($"t{i}", Math.Round(notional / x.Item3, 2), positions: [new Position("BTCUSDT", size, 40_000m * (1m + x.Item2 / 100m))]);
            }).ToArray());

    private static readonly Gen<Account[]> Banks =
        Gen.Select(Gen.Int[1_000, 10_000], Gen.Int[200, 1_100]).Array[0, 15]
            .Select(xs => xs.Select((x, i) => CascadeTestKit.BankAccount($"b{i}", x.Item1, Math.Round(x.Item1 * (1m - 100m / x.Item2), 2))).ToArray());

    /// <summary>One market and one set of venues, shocked by each move in turn: the shape of a shock sweep.</summary>
    private static CascadeSetup[] Points(Account[] traders, Account[] banks, int impact, decimal insurance, IReadOnlyList<decimal> moves)
    {
        IReadOnlyList<AssetSetup> assets =
        [
            new AssetSetup("BTC", 40_000m, new LinearImpact(impact / 1_000_000_000m / 40_000m)),
            new AssetSetup("RISK", 1m, new LinearImpact(impact / 10_000_000m)),
            CascadeTestKit.Usd,
        ];
        IReadOnlyList<InstrumentSetup> instruments = [new InstrumentSetup("BTCUSDT", "BTC")];
        IReadOnlyList<VenueSetup> venues = [new VenueSetup("perps", Perps, traders, insurance), new VenueSetup("banks", CascadeTestKit.Bank(), banks)];
        return moves.Select(m => new CascadeSetup
        {
            Assets = assets,
            Instruments = instruments,
            Venues = venues,
            Shock = new ShockPath(new Shock(new Dictionary<string, decimal> { ["BTC"] = m, ["RISK"] = m / 2m })),
        }).ToArray();
    }

    [Fact]
    public void A_sweep_gives_every_point_the_summary_of_its_own_run()
    {
        // Moves 0.4% apart, so each lies inside its neighbours' ±2% boxes and most points start from another's seed.
        var gen = Gen.Select(Traders, Banks, Gen.Int[0, 60], Gen.Int[0, 40_000], Gen.Int[1, 60], Gen.Int[4, 12]);
        gen.Sample((traders, banks, impact, insurance, firstTenths, count) =>
        {
            var moves = Enumerable.Range(0, count).Select(k => -(firstTenths + 4 * k) / 1_000m).ToArray();
            var points = Points(traders, banks, impact, insurance, moves);
            var options = new CascadeOptions { MaxDegreeOfParallelism = 1 };

            var swept = CascadeEngine.Sweep(points, options, maxDegreeOfParallelism: 2);
            for (var k = 0; k < points.Length; k++)
            {
                Text(swept[k]).ShouldBe(Text(CascadeEngine.Run(points[k], options).Summary), $"move {moves[k]}");
                Text(swept[k]).ShouldBe(Text(CascadeEngine.Run(points[k], options with { CertificateBand = 0m }).Summary), $"move {moves[k]} without certificates");
            }
        }, iter: 25);
    }

    [Fact]
    public void A_run_started_from_a_neighbours_seed_spares_round_1_and_ends_the_same()
    {
        // A calm population at −1%: every trader at 2–5× is far from its 0.4%–2.5% maintenance, so the seed proved at
        // −1.4% (inside ±2% of −1%) certifies them all and round 1 of the −1% run evaluates none of them.
        var traders = Enumerable.Range(0, 40).Select(i => TestData.Account($"t{i}", 10_000m, positions: [new Position("BTCUSDT", i % 2 == 0 ? 1m : -1m, 40_000m)])).ToArray();
        var points = Points(traders, [], impact: 20, insurance: 1_000m, [-0.014m, -0.01m]);
        var options = new CascadeOptions { MaxDegreeOfParallelism = 1 };

        var seed = new CascadeRun(points[0], options).Seed(default);
        var seeded = new CascadeRun(points[1], options, seed).Run(null, default);
        var alone = CascadeEngine.Run(points[1], options);

        seeded.Rounds[0].AccountsCertified.ShouldBe(40);
        seeded.Rounds[0].AccountsEvaluated.ShouldBe(0);
        alone.Rounds[0].AccountsEvaluated.ShouldBe(40);
        CascadeTestKit.Fingerprint(seeded).ShouldBe(CascadeTestKit.Fingerprint(alone));
    }

    [Fact]
    public void A_seed_whose_box_the_run_leaves_is_not_used()
    {
        // −1% against a seed proved at −10%: 0.99 × 40,000 lies outside 0.9 × 40,000 ± 2%, so every account is evaluated.
        var traders = Enumerable.Range(0, 10).Select(i => TestData.Account($"t{i}", 10_000m, positions: [new Position("BTCUSDT", 1m, 40_000m)])).ToArray();
        var points = Points(traders, [], impact: 0, insurance: 0m, [-0.10m, -0.01m]);
        var options = new CascadeOptions { MaxDegreeOfParallelism = 1 };

        var seed = new CascadeRun(points[0], options).Seed(default);
        var seeded = new CascadeRun(points[1], options, seed).Run(null, default);

        seeded.Rounds[0].AccountsCertified.ShouldBe(0);
        seeded.Rounds[0].AccountsEvaluated.ShouldBe(10);
    }

    private static string Text(CascadeSummary s)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{s.TotalLiquidated}|{s.AccountsLiquidated}|{s.BadDebt}|{s.InsuranceDrawn}|{s.AdlEvents}|{s.SocializedLoss}|{s.MarginCalls}|{s.Rounds}|{s.StopReason}|");
        foreach (var kv in s.FinalMove.OrderBy(k => k.Key, StringComparer.Ordinal)) sb.Append(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value};");
        foreach (var kv in s.Penalties.OrderBy(k => k.Key, StringComparer.Ordinal)) sb.Append(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value};");
        foreach (var kv in s.BadDebtByVenue.OrderBy(k => k.Key, StringComparer.Ordinal)) sb.Append(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value};");
        return sb.ToString();
    }
}
