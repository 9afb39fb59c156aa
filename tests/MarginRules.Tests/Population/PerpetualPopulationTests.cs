using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Population;

namespace MarginRules.Tests.Population;

/// <summary>Distribution checks on 50,000 generated perpetual-futures accounts (seed 20240601) and their health under the Binance example policy.</summary>
public sealed class PerpetualPopulationTests
{
    private const int N = 50_000;
    private static readonly Lazy<SyntheticPopulation> Generated =
        new(() => PopulationGenerator.Generate(new PopulationOptions(Venues.Perpetual(), N, 20240601)));

    private static IReadOnlyList<Account> Accounts => Generated.Value.Accounts;

    private static decimal Mark(Position p) => Venues.PerpetualMarket.Price(p.Symbol);

    // Margin balance as the example policy defines equity: wallet plus unrealised PnL at the mark.
    private static decimal MarginBalance(Account a) => a.Wallet + a.Positions.Sum(p => p.Size * (Mark(p) - p.EntryPrice));

    private static decimal Leverage(Account a) => a.Positions.Sum(p => Math.Abs(p.Size) * Mark(p)) / MarginBalance(a);

    [Fact]
    public void Median_leverage_is_in_the_body_of_the_mixture()
    {
        // Body: log-normal with median 5 and σ 0.45 for 92% of accounts; tail: log-uniform 20–100× for 8%, all above the body.
        // The mixture's median is the body's 0.5/0.92 = 54.35th percentile: z = 0.109, 5 × e^(0.45 × 0.109) = 5.25.
        // Its standard error for 50,000 accounts is about 0.015, so ±0.15 allows for rounding sizes to lots.
        var median = Venues.Median(Accounts.Select(Leverage));

        median.ShouldBeInRange(2m, 10m);
        ((double)median).ShouldBe(5.25, 0.15);
    }

    [Fact]
    public void The_tail_holds_the_configured_share_of_high_leverage_accounts()
    {
        // 8% tail plus the body's share above 20×: 0.92 × (1 − Φ(ln 4 / 0.45)) = 0.92 × 0.001 ≈ 0.1%.
        var share = Accounts.Count(a => Leverage(a) >= 20m) / (double)N;

        share.ShouldBe(0.081, 0.02);
        Accounts.Max(Leverage).ShouldBeLessThanOrEqualTo(101m); // 100× at most, plus a lot of rounding
    }

    [Fact]
    public void Shorts_are_the_configured_share_of_positions()
    {
        // Each position is short with probability 0.45; for 150,000 positions the standard error is 0.13%.
        var positions = Accounts.SelectMany(a => a.Positions).ToArray();
        var share = positions.Count(p => p.Size < 0m) / (double)positions.Length;

        positions.Length.ShouldBe(3 * N);
        share.ShouldBe(0.45, 0.02);
    }

    [Fact]
    public void Positions_are_cross_margin_with_rounded_sizes_and_prices()
    {
        var positions = Accounts.SelectMany(a => a.Positions).ToArray();

        positions.All(p => !p.Isolated && p.IsolatedMargin == 0m).ShouldBeTrue();
        positions.All(p => p.Size != 0m && p.Size.Scale == 3).ShouldBeTrue();
        positions.All(p => p.EntryPrice > 0m && p.EntryPrice.Scale == 2).ShouldBeTrue();
        Accounts.All(a => a.Wallet.Scale == 2 && a.Positions.Select(p => p.Symbol).Distinct().Count() == 3).ShouldBeTrue();
    }

    [Fact]
    public void Entry_prices_lie_around_the_mark()
    {
        // ln(entry / mark) is normal with σ = 3%, so the median distance is 0.674σ ≈ 2.0%; only gains above half the balance are pulled in.
        var distances = Accounts.SelectMany(a => a.Positions).Select(p => Math.Abs(p.EntryPrice / Mark(p) - 1m));

        ((double)Venues.Median(distances)).ShouldBe(0.0202, 0.002);
    }

    [Fact]
    public void Every_account_starts_at_least_10_percent_above_its_maintenance()
    {
        // Maintenance from the BTCUSDT brackets of examples/policies/binance-btcusdt.margin, computed here independently.
        (decimal Floor, decimal Rate, decimal Amount)[] brackets =
        [
            (0m, 0.004m, 0m), (50_000m, 0.005m, 50m), (250_000m, 0.01m, 1_300m), (1_000_000m, 0.025m, 16_300m),
            (10_000_000m, 0.05m, 266_300m), (20_000_000m, 0.10m, 1_266_300m), (50_000_000m, 0.125m, 2_516_300m),
            (100_000_000m, 0.15m, 5_016_300m), (200_000_000m, 0.25m, 25_016_300m), (300_000_000m, 0.50m, 100_016_300m),
        ];
        decimal Maintenance(decimal notional)
        {
            var b = brackets.Last(b => b.Floor <= notional);
            return notional * b.Rate - b.Amount;
        }

        foreach (var a in Accounts)
        {
            var maintenance = a.Positions.Sum(p => Maintenance(Math.Abs(p.Size) * Mark(p)));
            MarginBalance(a).ShouldBeGreaterThanOrEqualTo(maintenance * 1.10m, a.Id);
        }
    }

    [Fact]
    public void No_account_is_liquidatable_under_the_binance_example_policy()
    {
        var policy = MarginPolicy.Compile(TestData.ExamplePolicy("binance-btcusdt.margin"), "binance-btcusdt.margin");

        // Every 25th account: a 2,000-account sample spread over all blocks.
        foreach (var account in Accounts.Where((_, i) => i % 25 == 0))
        {
            var assessment = policy.Evaluate(account, Generated.Value.Market);
            assessment.Status.ShouldBe(MarginStatus.Healthy, account.Id);
            assessment.Equity.ShouldBe(MarginBalance(account), account.Id);
        }
    }

    [Fact]
    public void Margin_balances_are_heavy_tailed()
    {
        // Log-normal with median 2,000 and σ 1.5, clamped at 100: the 99th percentile is 2,000 × e^(1.5 × 2.326) = 65,600,
        // 33 times the median; a normal distribution's would be within a few standard deviations of it.
        var balances = Accounts.Select(MarginBalance).Order().ToArray();

        ((double)balances[N / 2]).ShouldBe(2_000, 100);
        ((double)balances[N * 99 / 100]).ShouldBe(65_600, 8_000);
        balances[0].ShouldBeGreaterThanOrEqualTo(99.99m);
    }
}
