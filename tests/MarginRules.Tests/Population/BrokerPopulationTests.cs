using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Population;

namespace MarginRules.Tests.Population;

/// <summary>Distribution checks on 50,000 generated broker margin accounts (seed 4210) and their health under the Reg T / FINRA 4210 example policy.</summary>
public sealed class BrokerPopulationTests
{
    private const int N = 50_000;
    private static readonly Lazy<SyntheticPopulation> Generated =
        new(() => PopulationGenerator.Generate(new PopulationOptions(Venues.Broker(), N, 4210)));

    private static IReadOnlyList<Account> Accounts => Generated.Value.Accounts;

    private static decimal LongValue(Account a) => a.Holdings.Sum(h => h.Quantity * Venues.BrokerMarket.Price(h.Asset));

    // Equity over long market value, as the example policy's equity_ratio with a zero wallet.
    private static decimal EquityRatio(Account a) => (LongValue(a) - a.Debts.Sum(d => d.Quantity)) / LongValue(a);

    [Fact]
    public void Equity_ratios_lie_between_the_bounds_around_the_median()
    {
        var ratios = Accounts.Select(EquityRatio).ToArray();

        // Loans are rounded down to cents, which can only raise a ratio, by at most 0.01 / 1,000 on the smallest accounts.
        ratios.Min().ShouldBeGreaterThanOrEqualTo(0.30m);
        ratios.Max().ShouldBeLessThanOrEqualTo(0.9501m);

        // Median 0.55; standard error 1/(2 f √N) ≈ 0.0017 with f(0.55) = φ(0) × 0.65/(0.25 × 0.40) ≈ 2.6.
        ((double)Venues.Median(ratios)).ShouldBe(0.55, 0.01);
    }

    [Fact]
    public void Accounts_hold_whole_shares_of_distinct_stocks_financed_by_a_usd_loan()
    {
        Accounts.All(a => a.Holdings.Length is >= 1 and <= 5 && a.Holdings.Select(h => h.Asset).Distinct().Count() == a.Holdings.Length).ShouldBeTrue();
        Accounts.All(a => a.Holdings.All(h => h.Quantity >= 1m && h.Quantity == decimal.Truncate(h.Quantity))).ShouldBeTrue();
        Accounts.All(a => a.Debts.Length == 1 && a.Debts[0].Asset == "USD" && a.Debts[0].Quantity > 0m).ShouldBeTrue();
    }

    [Fact]
    public void Long_values_follow_the_log_normal_median()
    {
        // Median 25,000 (whole shares shift it slightly up); standard error 25,000 × 1.4 × √(π/2) / √N ≈ 196.
        ((double)Venues.Median(Accounts.Select(LongValue))).ShouldBe(25_000, 1_000);
    }

    [Fact]
    public void No_account_has_a_call_or_is_liquidatable_under_the_regt_example_policy()
    {
        var policy = MarginPolicy.Compile(TestData.ExamplePolicy("regt-finra-4210.margin"), "regt-finra-4210.margin");

        foreach (var account in Accounts.Where((_, i) => i % 25 == 0))
        {
            var assessment = policy.Evaluate(account, Generated.Value.Market);
            assessment.Status.ShouldBe(MarginStatus.Healthy, account.Id);
            ((decimal)assessment.Exports["equity_ratio"]).ShouldBe(EquityRatio(account), account.Id);
        }
    }
}
