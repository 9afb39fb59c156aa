using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Language.Runtime;

namespace MarginRules.Tests.Cascade;

/// <summary>The engine against the closed forms of PUBLISHED.md, "Cascade models".</summary>
public sealed class CascadeValidationTests
{
    [Theory]
    // Brunnermeier (JEP 2009) [P]: $100 bought on 10% margin, the price falls to 95 and equity to 5.
    // Constant leverage 10: the position must shrink to 50, so the bank sells 45 (loss spiral).
    // Margin up to 20% (leverage 5): the position must shrink to 25, so it sells 70 (margin spiral).
    [InlineData(10, 45)]
    [InlineData(5, 70)]
    public void Brunnermeier_loss_and_margin_spirals(int targetLeverage, int sold)
    {
        var venue = new VenueSetup("bank", CascadeTestKit.Bank(targetLeverage), [CascadeTestKit.BankAccount("b", 1m, 90m)]);
        var setup = CascadeTestKit.Setup(new AssetSetup("RISK", 100m, new LinearImpact(0m)), [venue], -0.05m);

        var result = CascadeEngine.Run(setup);

        result.Rounds[0].Prices["RISK"].ShouldBe(95m);
        result.Rounds[0].LiquidatedNotional["RISK"].ShouldBe((decimal)sold);
        result.Summary.AccountsLiquidated.ShouldBe(1);
        result.Summary.StopReason.ShouldBe(CascadeStopReason.Fixpoint);
        var bank = result.FinalAccounts["bank"].Single();
        bank.Debts.Single().Quantity.ShouldBe(90m - sold);
    }

    // One leverage-targeting agent, linear impact [D]: A = 100, E = 10 (b = 9), ℓ = 5·10⁻⁴, r₀ = −1%, k = ℓ·b·A = 0.45.
    // Scaled by 10⁶ (A = 10⁸, ℓ = 5·10⁻¹⁰) so that restore amounts, which the engine rounds to the cent, are exact
    // to better than 10⁻¹⁰ of the book.
    private static CascadeResult RunAgent(decimal k, int maxRounds)
    {
        var lambda = k / 9m / 100_000_000m;
        var venue = new VenueSetup("agent", CascadeTestKit.Bank(), [CascadeTestKit.BankAccount("a", 100_000_000m, 90_000_000m)]);
        var setup = CascadeTestKit.Setup(new AssetSetup("RISK", 1m, new LinearImpact(lambda)), [venue], -0.01m);
        return CascadeEngine.Run(setup, new CascadeOptions { MaxRounds = maxRounds });
    }

    /// <summary>
    /// The same dynamics iterated directly, as the engine's docs state them (exact mark-to-market): each round the
    /// agent sells x = A − L·E at the round's price p, repays x of debt, and the next price is p·(1 − ℓ·x).
    /// </summary>
    private static List<decimal> ExactPath(decimal k, int rounds)
    {
        var lambda = k / 9m / 100_000_000m;
        decimal units = 100_000_000m, debt = 90_000_000m, p = 0.99m;
        var prices = new List<decimal> { p };
        for (var t = 0; t < rounds; t++)
        {
            var assets = units * p;
            var equity = assets - debt;
            if (assets / equity <= 10.000001m) break;
            var x = assets - 10m * equity;
            units -= x / p;
            debt -= x;
            p *= 1m - lambda * x;
            prices.Add(p);
        }

        return prices;
    }

    [Fact]
    public void Leverage_targeting_agent_follows_the_exact_mark_to_market_path()
    {
        var result = RunAgent(0.45m, 100);
        var expected = ExactPath(0.45m, 100);

        // The first two moves are the published −1% and −0.45% (x₁ = b·A·|r₀| = 9·10⁶, ℓ·x₁ = 0.45%).
        result.Rounds[0].Prices["RISK"].ShouldBe(0.99m);
        var second = result.Rounds[1].Prices["RISK"];
        (second / 0.99m - 1m).ShouldBe(-0.0045m, 0.0000000001m);

        // Later rounds follow the exact iteration, not the linearised −0.2025%: the book shrinks, so k decays.
        var third = result.Rounds[2].Prices["RISK"] / second - 1m;
        third.ShouldBe(expected[2] / expected[1] - 1m, 0.0000000001m);
        third.ShouldBeGreaterThan(-0.002025m);
        for (var t = 0; t < Math.Min(8, expected.Count); t++)
            result.Rounds[t].Prices["RISK"].ShouldBe(expected[t], 0.000000001m);

        // The exact total move stays inside the linearised total r₀ / (1 − k) = −1.8182%.
        result.Summary.StopReason.ShouldBe(CascadeStopReason.Fixpoint);
        result.Summary.FinalMove["RISK"].ShouldBeGreaterThan(-0.018182m);
        result.Summary.Amplification["RISK"].ShouldBeGreaterThan(1m);
    }

    [Fact]
    public void With_k_at_least_one_the_spiral_is_still_moving_at_the_round_limit()
    {
        // k = 1: the linearised series never converges. With exact mark-to-market the moves shrink only slowly
        // (−1%, −0.9%, −0.729%, … by the iteration above), so after 20 rounds the agent is still selling.
        var result = RunAgent(1m, 20);

        result.Summary.StopReason.ShouldBe(CascadeStopReason.RoundLimit);
        result.Rounds.Count.ShouldBe(20);
        result.Rounds[^1].Liquidations.ShouldBe(1);
        (result.Rounds[1].Prices["RISK"] / result.Rounds[0].Prices["RISK"] - 1m).ShouldBe(-0.01m, 0.0000000001m);
    }

    [Fact]
    public void Cifuentes_Ferrucci_Shin_bank_settles_where_impact_and_capital_ratio_agree()
    {
        // CFS (2005): p = shock × exp(−α·s). A bank with e = 10⁸ units at 1, debt l = 9·10⁷ and no cash restores its
        // leverage to 10 (capital ratio r* = 10%) after a 5% shock; α = 5·10⁻¹¹ per unit sold (−0.5% per 10⁸ units).
        const decimal alpha = 0.00000000005m;
        var venue = new VenueSetup("bank", CascadeTestKit.Bank(), [CascadeTestKit.BankAccount("cfs", 100_000_000m, 90_000_000m)]);
        var setup = CascadeTestKit.Setup(new AssetSetup("RISK", 1m, new ExponentialImpact(alpha, 1m)), [venue], -0.05m);

        var result = CascadeEngine.Run(setup);
        var bank = result.FinalAccounts["bank"].Single();
        var sold = 100_000_000m - bank.Holdings.Single().Quantity;
        var price = result.FinalPrices["RISK"];
        result.Summary.StopReason.ShouldBe(CascadeStopReason.Fixpoint);

        // Fixed point, equation 1 (impact): p = 0.95 × exp(−α·s).
        price.ShouldBe(0.95m * PolicyMath.Exp(-alpha * sold), 0.000000001m);

        // Equation 2 (the bank's rule): at the final price its leverage is back at its target of 10 (within the
        // limit band of 10.000001 and the cent the restore amount is rounded to).
        var assets = bank.Holdings.Single().Quantity * price;
        var equity = assets - bank.Debts.Single().Quantity;
        (assets / equity).ShouldBe(10m, 0.00001m);

        // The static CFS solution values every sale at the final price; the engine sells each round at that round's
        // (higher) mark, so it realises more and needs to sell a little less. Independent bisection on
        // s = e − (p·e − l) / (r*·p) with p = 0.95·exp(−α·s):
        decimal lo = 0m, hi = 100_000_000m;
        for (var i = 0; i < 200; i++)
        {
            var s = (lo + hi) / 2m;
            var p = 0.95m * PolicyMath.Exp(-alpha * s);
            var required = 100_000_000m - (p * 100_000_000m - 90_000_000m) / (0.1m * p);
            if (required > s) lo = s; else hi = s;
        }

        sold.ShouldBeLessThanOrEqualTo(hi);
        (sold / hi).ShouldBeGreaterThan(0.95m);
    }

    [Fact]
    public void Cross_venue_contagion_liquidates_B_only_through_A_selling()
    {
        // Venue A: banks at leverage 10 that a 3% drop pushes over their limit. Venue B: banks at leverage 5,
        // which a 3% drop alone leaves at 5.8 (below their limit of 8), but A's fire sale takes the price further.
        var impact = new LinearImpact(0.000002m);
        var a = new VenueSetup("A", CascadeTestKit.Bank(10m), Enumerable.Range(0, 20).Select(i => CascadeTestKit.BankAccount($"a{i}", 10_000m, 9_000m)).ToArray());
        var b = new VenueSetup("B", CascadeTestKit.Bank(5m, limit: 8m), Enumerable.Range(0, 20).Select(i => CascadeTestKit.BankAccount($"b{i}", 10_000m, 8_000m)).ToArray());

        var alone = CascadeEngine.Run(CascadeTestKit.Setup(new AssetSetup("RISK", 1m, impact), [b], -0.03m));
        var together = CascadeEngine.Run(CascadeTestKit.Setup(new AssetSetup("RISK", 1m, impact), [a, b], -0.03m));

        alone.Summary.AccountsLiquidated.ShouldBe(0);
        together.FinalAccounts["B"].Count(x => x.Debts.Sum(d => d.Quantity) < 8_000m).ShouldBe(20);
        together.Summary.FinalMove["RISK"].ShouldBeLessThan(alone.Summary.FinalMove["RISK"]);
    }
}
