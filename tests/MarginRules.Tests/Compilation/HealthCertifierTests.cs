using CsCheck;
using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Evaluation;
using Xunit.Abstractions;

namespace MarginRules.Tests.Compilation;

/// <summary>
/// The health certificate the cascade engine uses to skip accounts: whenever it certifies an account for a box of
/// prices and wallets, the compiled policy must find the account healthy, without error, everywhere in that box.
/// </summary>
public sealed class HealthCertifierTests(ITestOutputHelper output)
{
    // Widest first: each account is checked at the widest band it is certified for, where an unsound bound shows first.
    private static readonly decimal[] Bands = [0.3m, 0.1m, 0.05m, 0.02m, 0.01m, 0.003m, 0.001m, 0.0001m];

    [Fact]
    public void A_certified_account_is_healthy_at_every_corner_and_inside_its_box()
    {
        long attempts = 0, certified = 0, points = 0;
        Gen.Select(PolicyGenerator.Policy, AccountGenerator.Market, AccountGenerator.Account.Array[4], Gen.ULong)
            .Sample((text, market, accounts, seed) =>
            {
                var policy = MarginPolicy.Compile(text, "generated.margin");
                var certifier = new HealthCertifier(policy.Checked);
                var scratch = certifier.CreateScratch();
                var frame = policy.CreateFrame();
                var random = new Random((int)(seed % int.MaxValue));
                var symbols = market.Quotes.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
                foreach (var account in accounts)
                {
                    Interlocked.Increment(ref attempts);
                    var band = Bands.FirstOrDefault(b => certifier.Certify(account, HealthCertifier.CreateBox(market, b), scratch));
                    if (band == 0m) continue;
                    Interlocked.Increment(ref certified);

                    // Every corner of the box (each price and the wallet at either end), then random inner points.
                    var corners = 1 << (symbols.Length + 1);
                    for (var k = 0; k < corners + 8; k++)
                    {
                        var (point, wallet) = k < corners ? Corner(market, symbols, account.Wallet, band, k) : Inside(market, account.Wallet, band, random);
                        MarginStatus status;
                        try
                        {
                            status = policy.Assess(account with { Wallet = wallet }, point, frame);
                        }
                        catch (PolicyEvaluationException e)
                        {
                            throw new ShouldAssertException($"certified for ±{band}, but fails at a point of the box: {e.Message}");
                        }

                        status.ShouldBe(MarginStatus.Healthy, $"certified for ±{band}, but not healthy at a point of the box");
                        Interlocked.Increment(ref points);
                    }
                }
            }, iter: 300);

        output.WriteLine($"{attempts} attempts, {certified} certified, {points} points checked");

        // Guards against a certifier that never certifies, which would pass trivially.
        certified.ShouldBeGreaterThan(attempts / 10);
    }

    [Fact]
    public void Certificates_of_perpetual_and_broker_accounts_hold_at_every_corner()
    {
        // Realistic accounts where the certificate's edge is set by the policy's own numbers: Binance BTCUSDT cross
        // accounts (long and short, 2× to 60×, across the bracket boundaries) and Reg T clients (1.2× to 4×).
        var perps = MarginPolicy.Compile(TestData.ExamplePolicy("binance-btcusdt.margin"), "binance-btcusdt.margin");
        var broker = MarginPolicy.Compile(TestData.ExamplePolicy("regt-finra-4210.margin"), "regt-finra-4210.margin");
        var market = TestData.Market(("BTCUSDT", 40_000m), ("ETHUSDT", 2_000m), ("STOCK", 100m), ("USD", 1m));
        var traders = Gen.Select(Gen.Int[-2_000, 2_000].Array[2], Gen.Int[-5, 5].Array[2], Gen.Int[2, 60])
            .Select((sizes, moves, leverage) =>
            {
                var positions = new[] { new Position("BTCUSDT", sizes[0] / 100m, 40_000m * (1m + moves[0] / 100m)), new Position("ETHUSDT", sizes[1] / 10m, 2_000m * (1m + moves[1] / 100m)) };
                var notional = positions.Sum(p => Math.Abs(p.Size) * market.Price(p.Symbol));
                return TestData.Account("t", Math.Round(notional / leverage, 2), positions);
            });
        var clients = Gen.Select(Gen.Int[1, 5_000], Gen.Int[120, 400])
            .Select((units, leverage) => TestData.Account("c", 0m, holdings: [new Holding("STOCK", units)], debts: [new Debt("USD", Math.Round(units * 100m * (1m - 100m / leverage), 2))]));

        long certified = 0;
        foreach (var (policy, accounts) in new[] { (perps, traders), (broker, clients) })
        {
            var certifier = new HealthCertifier(policy.Checked);
            var scratch = certifier.CreateScratch();
            var frame = policy.CreateFrame();
            var symbols = market.Quotes.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray();
            accounts.Sample(account =>
            {
                var band = Bands.FirstOrDefault(b => certifier.Certify(account, HealthCertifier.CreateBox(market, b), scratch));
                if (band == 0m) return;
                certified++;
                for (var k = 0; k < 1 << (symbols.Length + 1); k++)
                {
                    var (point, wallet) = Corner(market, symbols, account.Wallet, band, k);
                    policy.Assess(account with { Wallet = wallet }, point, frame).ShouldBe(MarginStatus.Healthy, $"certified for ±{band}, but not healthy at corner {k}");
                }
            }, iter: 400, threads: 1);
        }

        certified.ShouldBeGreaterThan(400);
    }

    /// <summary>Corner k of the box: bit i of k puts symbol i's price at the upper end, the last bit the wallet.</summary>
    private static (Market Market, decimal Wallet) Corner(Market market, string[] symbols, decimal wallet, decimal band, int k)
    {
        decimal End(decimal value, int bit) => (k & (1 << bit)) != 0 ? HealthCertifier.Upper(value, band) : HealthCertifier.Lower(value, band);
        var quotes = symbols.Select((symbol, i) => KeyValuePair.Create(symbol, market.Quotes[symbol] with { Price = End(market.Quotes[symbol].Price, i) }));
        return (new Market(quotes), End(wallet, symbols.Length));
    }

    /// <summary>A random point between the ends for every price and the wallet.</summary>
    private static (Market Market, decimal Wallet) Inside(Market market, decimal wallet, decimal band, Random random)
    {
        decimal Pick(decimal value)
        {
            var lo = HealthCertifier.Lower(value, band);
            var hi = HealthCertifier.Upper(value, band);
            return Math.Clamp(lo + (hi - lo) * (random.Next(1001) / 1000m), lo, hi);
        }

        var quotes = market.Quotes.Select(q => KeyValuePair.Create(q.Key, q.Value with { Price = Pick(q.Value.Price) }));
        return (new Market(quotes), Pick(wallet));
    }

    [Fact]
    public void The_certificate_of_one_long_position_ends_where_interval_bounds_meet()
    {
        // Binance BTCUSDT: 1 BTC long at 40,000 with a 4,000 wallet, marked at 40,000. Notional stays under 50,000 for
        // every band below 25%, so the bracket is 0.40% with no maintenance amount.
        // Over the box, p ∈ [40,000(1 − b), 40,000(1 + b)] and wallet w ∈ [4,000(1 − b), 4,000(1 + b)], so
        // equity = w + p − 40,000 is at least 4,000 − 4,000b − 40,000b = 4,000 − 44,000b, and
        // maintenance = 0.004p is at most 160 + 160b. The certificate needs the first to be at least the second:
        // 3,840 ≥ 44,160b, so b ≤ 0.0869565… . (The interval evaluation cannot see that equity and maintenance move
        // together, so this is a little earlier than the worst corner alone would require.)
        var policy = MarginPolicy.Compile(TestData.ExamplePolicy("binance-btcusdt.margin"), "binance-btcusdt.margin");
        var certifier = new HealthCertifier(policy.Checked);
        var account = TestData.Account("long", 4_000m, [new Position("BTCUSDT", 1m, 40_000m)]);
        var market = TestData.Market(("BTCUSDT", 40_000m));
        var scratch = certifier.CreateScratch();

        certifier.Certify(account, HealthCertifier.CreateBox(market, 0.02m), scratch).ShouldBeTrue();
        certifier.Certify(account, HealthCertifier.CreateBox(market, 0.0869m), scratch).ShouldBeTrue();
        certifier.Certify(account, HealthCertifier.CreateBox(market, 0.0870m), scratch).ShouldBeFalse();
        certifier.Certify(account, HealthCertifier.CreateBox(market, 0.15m), scratch).ShouldBeFalse();
    }

    [Fact]
    public void An_account_whose_evaluation_can_fail_in_the_box_is_not_certified()
    {
        // margin_ratio divides by equity when equity > 0. With a 200 wallet on 1 BTC long at 40,000, a ±1% box takes
        // equity from −200 to 600: the division may see any positive equity down to 0 and the account may be
        // liquidated, so there is no certificate; a market without the symbol fails outright.
        var policy = MarginPolicy.Compile(TestData.ExamplePolicy("binance-btcusdt.margin"), "binance-btcusdt.margin");
        var certifier = new HealthCertifier(policy.Checked);
        var scratch = certifier.CreateScratch();
        var thin = TestData.Account("thin", 200m, [new Position("BTCUSDT", 1m, 40_000m)]);
        certifier.Certify(thin, HealthCertifier.CreateBox(TestData.Market(("BTCUSDT", 40_000m)), 0.01m), scratch).ShouldBeFalse();

        var unlisted = TestData.Account("unlisted", 10_000m, [new Position("ETHUSDT", 1m, 2_000m)]);
        certifier.Certify(unlisted, HealthCertifier.CreateBox(TestData.Market(("BTCUSDT", 40_000m)), 0.01m), scratch).ShouldBeFalse();

        // An empty account with a zero wallet has equity and maintenance exactly 0 everywhere: healthy, certified.
        certifier.Certify(TestData.Account("empty"), HealthCertifier.CreateBox(TestData.Market(("BTCUSDT", 40_000m)), 0.01m), scratch).ShouldBeTrue();
    }

    [Fact]
    public void A_cell_by_column_number_is_certified_only_when_the_number_is_one_whole_column()
    {
        // Two contracts of ESZ at 1, whose row is 100, -50, 300 per contract: maintenance = max(0, 200, -100, 600) =
        // 600 under a wallet of 1,000 (upnl 0), so a 1% box is certified. A column number computed from the wallet,
        // 1,000 / 1,000 = 1 at the center, spans [0.99, 1.01] over the box: it may not be whole, so no certificate.
        const string fixedColumns = """
            policy "arrays" currency USD
            table arrays by symbol {
              columns s1: price, s2: price, s3: price
              "ESZ": 100, -50, 300
            }
            fn scenario(k: count): money = sum(p in positions: p.size * arrays[p.symbol][k])
            equity = account.wallet + sum(p in positions: p.upnl)
            maintenance = max(0, scenario(1), scenario(2), scenario(3))
            """;
        var account = TestData.Account("a", 1_000m, [new Position("ESZ", 2m, 1m)]);
        var box = HealthCertifier.CreateBox(TestData.Market(("ESZ", 1m)), 0.01m);

        var certifier = new HealthCertifier(MarginPolicy.Compile(fixedColumns, "arrays.margin").Checked);
        certifier.Certify(account, box, certifier.CreateScratch()).ShouldBeTrue();

        var computed = fixedColumns + "\nexport chosen = scenario(account.wallet / 1_000 USD)\n";
        var uncertain = new HealthCertifier(MarginPolicy.Compile(computed, "arrays.margin").Checked);
        uncertain.Certify(account, box, uncertain.CreateScratch()).ShouldBeFalse();
    }
}
