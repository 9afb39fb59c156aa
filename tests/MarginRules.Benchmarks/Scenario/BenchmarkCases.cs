using System.Collections.Immutable;
using MarginRules.Accounts;

namespace MarginRules.Benchmarks.Scenario;

/// <summary>The fixed accounts the benchmark runs and the contestants are checked against before anything is timed.</summary>
public static class BenchmarkCases
{
    /// <summary>
    /// The timed case: five positions, longs and shorts, one in each of the first five brackets, and just under water.
    /// Every symbol is margined with the BTCUSDT schedule so one table is exercised across five brackets.
    /// </summary>
    /// <remarks>
    /// <code>
    /// symbol    size        entry      mark        notional        bracket  MM = notional × rate − amount     upnl = size × (mark − entry)
    /// BTCUSDT   0.35        95,100.00  97,250.50       34,037.675  1        34,037.675 × 0.40% − 0      =     136.1507     752.675
    /// ETHUSDT   −48          3,290.00   3,412.75      163,812      2        163,812 × 0.50% − 50        =     769.06    −5,892
    /// SOLUSDT   3,200          171.80     187.42      599,744      3        599,744 × 1.00% − 1,300     =   4,697.44    49,984
    /// BNBUSDT   −9,500         640.10     652.30    6,196,850      4        6,196,850 × 2.50% − 16,300  = 138,621.25  −115,900
    /// XRPUSDT   6,400,000        2.2870     2.3145 14,812,800      5        14,812,800 × 5.00% − 266,300 = 474,340     176,000
    /// maintenance = 618,563.9007; equity = 500,000 + 104,944.675 = 604,944.675 &lt; maintenance, so liquidatable.
    /// </code>
    /// </remarks>
    public static BenchmarkCase FivePositions { get; } = new(
        "five positions, brackets 1-5",
        new Account("bench-5", 500_000m) with
        {
            Positions =
            [
                new Position("BTCUSDT", 0.35m, 95_100.00m),
                new Position("ETHUSDT", -48m, 3_290.00m),
                new Position("SOLUSDT", 3_200m, 171.80m),
                new Position("BNBUSDT", -9_500m, 640.10m),
                new Position("XRPUSDT", 6_400_000m, 2.2870m),
            ],
        },
        new Market(new Dictionary<string, AssetQuote>
        {
            ["BTCUSDT"] = new(97_250.50m),
            ["ETHUSDT"] = new(3_412.75m),
            ["SOLUSDT"] = new(187.42m),
            ["BNBUSDT"] = new(652.30m),
            ["XRPUSDT"] = new(2.3145m),
        }),
        (618_563.9007m, 604_944.675m, true));

    /// <summary>
    /// A check-only case: notionals exactly on bracket floors (floors are inclusive), the top bracket, a zero-size
    /// position, and an account that is not liquidatable.
    /// </summary>
    /// <remarks>
    /// <code>
    /// BTCUSDT marked at 100,000 and every entry at the mark, so upnl is 0 and equity is the wallet, 60,000,000.
    /// size 0.5    notional     50,000 floor of bracket 2:      50,000 × 0.50% − 50          =        200
    /// size −2.5   notional    250,000 floor of bracket 3:     250,000 × 1.00% − 1,300       =      1,200
    /// size 10     notional  1,000,000 floor of bracket 4:   1,000,000 × 2.50% − 16,300      =      8,700
    /// size −3,000 notional 300,000,000 floor of bracket 10: 300,000,000 × 50.00% − 100,016,300 = 49,983,700
    /// size 0      notional          0 bracket 1:                    0 × 0.40% − 0           =          0
    /// maintenance = 49,993,800 &lt; equity 60,000,000, so not liquidatable.
    /// </code>
    /// </remarks>
    public static BenchmarkCase BracketFloors { get; } = new(
        "notionals on bracket floors",
        new Account("floors", 60_000_000m) with
        {
            Positions =
            [
                new Position("BTCUSDT", 0.5m, 100_000m),
                new Position("BTCUSDT", -2.5m, 100_000m),
                new Position("BTCUSDT", 10m, 100_000m),
                new Position("BTCUSDT", -3_000m, 100_000m),
                new Position("BTCUSDT", 0m, 100_000m),
            ],
        },
        new Market(new Dictionary<string, AssetQuote> { ["BTCUSDT"] = new(100_000m) }),
        (49_993_800m, 60_000_000m, false));

    /// <summary>Every case, the timed one first.</summary>
    public static ImmutableArray<BenchmarkCase> All { get; } = [FivePositions, BracketFloors];
}
