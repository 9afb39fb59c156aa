using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Population;

namespace MarginRules.Tests.Population;

/// <summary>Distribution checks on 50,000 generated lending accounts (seed 31337) and their health under the Aave v3 example policy.</summary>
public sealed class LendingPopulationTests
{
    private const int N = 50_000;
    private static readonly Lazy<SyntheticPopulation> Generated =
        new(() => PopulationGenerator.Generate(new PopulationOptions(Venues.Lending(), N, 31337)));

    // Liquidation thresholds of examples/policies/aave-v3.margin, "reserves" table.
    private static readonly Dictionary<string, decimal> Thresholds = new() { ["WETH"] = 0.86m, ["WBTC"] = 0.82m, ["wstETH"] = 0.83m };

    private static IReadOnlyList<Account> Accounts => Generated.Value.Accounts;

    private static decimal Value(string asset, decimal quantity) => quantity * Venues.LendingMarket.Price(asset);

    // Aave's health factor: Σ collateral value × liquidation threshold ÷ total debt value.
    private static decimal HealthFactor(Account a) =>
        a.Holdings.Sum(h => Value(h.Asset, h.Quantity) * Thresholds[h.Asset]) / a.Debts.Sum(d => Value(d.Asset, d.Quantity));

    [Fact]
    public void Health_factors_lie_between_1_05_and_3_around_the_median()
    {
        var factors = Accounts.Select(HealthFactor).ToArray();

        // Debts are rounded down to cents, which can only raise a factor; on at least 27 USD of debt that is at most 0.04%.
        factors.Min().ShouldBeGreaterThanOrEqualTo(1.05m);
        factors.Max().ShouldBeLessThanOrEqualTo(3.01m);

        // The logistic map keeps the median at 1.6; its standard error is 1/(2 f √N) ≈ 0.0022 with f(1.6) = φ(0) × 1.95/(0.55 × 1.4) ≈ 1.01.
        ((double)Venues.Median(factors)).ShouldBe(1.6, 0.02);

        // Concentrated: the quartiles are the logistic of logit(0.55/1.95) ± 0.674 = −0.934 ± 0.674, stretched onto
        // [1.05, 3]: 1.375 and 1.899 (standard errors 0.0017 and 0.0029).
        var sorted = factors.Order().ToArray();
        ((double)sorted[N / 4]).ShouldBe(1.375, 0.02);
        ((double)sorted[3 * N / 4]).ShouldBe(1.899, 0.02);
    }

    [Fact]
    public void Accounts_hold_one_to_three_collateral_assets_and_one_stable_coin_debt()
    {
        Accounts.All(a => a.Holdings.Length is >= 1 and <= 3 && a.Holdings.Select(h => h.Asset).Distinct().Count() == a.Holdings.Length).ShouldBeTrue();
        Accounts.All(a => a.Debts.Length == 1 && a.Debts[0].Asset is "USDC" or "DAI" && a.Debts[0].Quantity.Scale == 2).ShouldBeTrue();
        Accounts.All(a => a.Wallet == 0m && a.Positions.IsEmpty).ShouldBeTrue();

        // Holdings counts 1, 2 and 3 are equally likely: a third each, with a standard error of 0.2%.
        (Accounts.Count(a => a.Holdings.Length == 1) / (double)N).ShouldBe(1.0 / 3, 0.02);
    }

    [Fact]
    public void Collateral_assets_are_picked_by_weight()
    {
        // Weights 3 : 2 : 1 for WETH, WBTC, wstETH. An account with one asset holds WETH with probability 3/6 = 0.5.
        var single = Accounts.Where(a => a.Holdings.Length == 1).ToArray();

        (single.Count(a => a.Holdings[0].Asset == "WETH") / (double)single.Length).ShouldBe(0.5, 0.03);
    }

    [Fact]
    public void No_account_is_liquidatable_under_the_aave_example_policy()
    {
        var policy = MarginPolicy.Compile(TestData.ExamplePolicy("aave-v3.margin"), "aave-v3.margin");

        foreach (var account in Accounts.Where((_, i) => i % 25 == 0))
        {
            var assessment = policy.Evaluate(account, Generated.Value.Market);
            assessment.Status.ShouldBe(MarginStatus.Healthy, account.Id);
            // The policy rounds as Aave's GenericLogic does: the average threshold is truncated to whole basis points,
            // which lowers HF by at most 0.0001 × collateral / debt ≤ 0.0001 × HF / 82% (the lowest threshold) < 0.0002 × HF.
            var expected = HealthFactor(account);
            ((decimal)assessment.Exports["health_factor"]).ShouldBe(expected, expected * 0.0002m, account.Id);
        }
    }
}
