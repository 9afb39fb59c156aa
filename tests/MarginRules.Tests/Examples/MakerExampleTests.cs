using CsCheck;
using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Examples;

/// <summary>MakerDAO Liquidations 2.0 (examples/policies/makerdao-liq2.margin) against dss abaci.sol, clip.sol and dog.sol.</summary>
public sealed class MakerExampleTests
{
    private static readonly string Text = TestData.ExamplePolicy("makerdao-liq2.margin");

    private static readonly Market Prices = TestData.Market(("ETH", 1_500m), ("DAI", 1m));

    private static MarginPolicy Compile(int auctionTime, string curve = "stairstep", bool reference = false) =>
        MarginPolicy.Compile(Text, "makerdao-liq2.margin", new CompileOptions
        {
            Parameters = new Dictionary<string, object> { ["auction_time"] = auctionTime, ["curve"] = curve },
            UseReferenceEvaluator = reference,
        });

    private static Account Vault(decimal eth, decimal dai) =>
        TestData.Account("vault", holdings: [new Holding("ETH", eth)], debts: [new Debt("DAI", dai)]);

    [Fact]
    public void The_stairstep_curve_is_top_times_0_99_per_whole_step_until_cusp()
    {
        // abaci.sol StairstepExponentialDecrease: price = top × cut^⌊t / step⌋. Independently: multiply by 0.99 once
        // per 90 s; every t inside step k (90k to 90k + 89) gives the same factor. ETH-A: top = 1,500 × 1.3 = 1,950.
        // Clipper.status: a redo is due once the factor is below cusp 0.4, first at step 92 (0.99^92 = 0.3967); the
        // keeper redoes it then, so from step 92 the take is priced on the restarted curve, 0.99^(k − 92).
        var factor = 1m;
        var factors = new List<decimal>();
        for (var k = 0; k <= 93; k++)
        {
            factors.Add(factor);
            foreach (var t in new[] { 90 * k, (90 * k) + 89 })
            {
                var exports = Compile(t).Evaluate(Vault(10m, 10_000m), Prices).Exports;
                ((decimal)exports["stairstep_factor"]).ShouldBe(factor, 0.0000000000000000000001m, $"t = {t}");
                var running = k < 92 ? factor : factors[k - 92];
                ((decimal)exports["auction_price"]).ShouldBe(1_950m * running, 0.00000000000000001m, $"t = {t}");
                exports["needs_redo"].ShouldBe(factor < 0.4m, $"t = {t}");
                exports["redos"].ShouldBe(k < 92 ? 0m : 1m, $"t = {t}");
            }

            factor *= 0.99m;
        }
    }

    [Fact]
    public void The_linear_curve_falls_to_zero_at_tau_and_needs_a_redo_below_cusp()
    {
        // abaci.sol LinearDecrease with tau 8,400 s: factor (8,400 − t) / 8,400, 0 from t = 8,400 on; below cusp 0.4
        // from t = 5,041 s (5,040 gives exactly 0.4, which is not below). The keeper redoes the auction then, so the
        // take is priced t − 5,041 s into the restarted curve (and t − 10,082 s after a second redo).
        foreach (var t in new[] { 0, 1, 840, 4_200, 5_040, 5_041, 8_399, 8_400, 9_000, 10_081, 10_082 })
        {
            var kicked = t >= 8_400 ? 0m : (8_400m - t) / 8_400m;
            var exports = Compile(t, "linear").Evaluate(Vault(10m, 10_000m), Prices).Exports;
            ((decimal)exports["linear_factor"]).ShouldBe(kicked, 0.0000000000000000000001m, $"t = {t}");
            exports["needs_redo"].ShouldBe(t > 5_040, $"t = {t}");
            var since = t % 5_041;
            ((decimal)exports["price_factor"]).ShouldBe((8_400m - since) / 8_400m, 0.0000000000000000000001m, $"t = {t}");
        }
    }

    [Fact]
    public void The_reset_time_is_the_first_second_Clipper_status_says_done_and_the_take_is_priced_on_the_restarted_curve()
    {
        // Brute force against the policy's closed form (⌊ln cusp / ln cut⌋ + 1 steps, ⌊tau × (1 − cusp)⌋ + 1 s,
        // tail + 1): walk t = 0, 1, 2, … and stop at the first second where t > tail or the curve's price / top is
        // below cusp, computed here in decimal by repeated multiplication, not by the policy.
        var gen = Gen.Select(Gen.Int[900, 999], Gen.Int[1, 120], Gen.Int[100, 5_000], Gen.Int[5, 95], Gen.Bool, Gen.Int[0, 30_000]);
        gen.Sample((cutPermille, step, tail, cuspPercent, linear, auctionTime) =>
        {
            var cut = cutPermille / 1_000m;
            var cusp = cuspPercent / 100m;
            const int tau = 8_400;
            decimal Factor(int t)
            {
                if (linear) return t >= tau ? 0m : (tau - t) / (decimal)tau;
                var f = 1m;
                for (var i = 0; i < t / step; i++) f *= cut;
                return f;
            }

            var reset = 0;
            while (!(reset > tail || Factor(reset) < cusp)) reset++;

            var policy = MarginPolicy.Compile(Text, "makerdao-liq2.margin", new CompileOptions
            {
                Parameters = new Dictionary<string, object>
                {
                    ["cut"] = cut, ["step"] = step, ["tail"] = tail, ["cusp"] = cusp,
                    ["curve"] = linear ? "linear" : "stairstep", ["auction_time"] = auctionTime,
                },
            });
            var exports = policy.Evaluate(Vault(10m, 10_000m), Prices).Exports;
            exports["reset_time"].ShouldBe((decimal)reset);
            exports["redos"].ShouldBe((decimal)(auctionTime / reset));
            ((decimal)exports["price_factor"]).ShouldBe(Factor(auctionTime % reset), 0.0000000000000000000001m);
        }, iter: 60);
    }

    [Fact]
    public void Compiled_and_reference_evaluators_agree_on_the_auction()
    {
        // The same vaults through both evaluators: every export and the liquidation instruction must be identical.
        var gen = Gen.Select(Gen.Int[0, 9_000], Gen.Int[1, 4_000], Gen.Int[15_000, 3_000_000], Gen.Bool,
            (t, eth, debt, linear) => (t, eth / 10m, (decimal)debt, linear ? "linear" : "stairstep"));
        gen.Sample(c =>
        {
            var compiled = Compile(c.t, c.Item4).Evaluate(Vault(c.Item2, c.Item3), Prices);
            var reference = Compile(c.t, c.Item4, reference: true).Evaluate(Vault(c.Item2, c.Item3), Prices);
            compiled.Exports.ShouldBe(reference.Exports);
            compiled.Status.ShouldBe(reference.Status);
            compiled.Liquidation?.Penalties.ShouldBe(reference.Liquidation?.Penalties);
            compiled.Liquidation?.Steps.Select(s => s.Seized).ShouldBe(reference.Liquidation?.Steps.Select(s => s.Seized));
        }, iter: 60);
    }

    [Fact]
    public void A_take_pays_the_debt_first_and_the_penalty_from_what_is_left_as_Clipper_take_does()
    {
        // clip.sol take: the keeper pays the auction price, clearing ratio c of the market's, for each unit; it buys
        // tab / price (or the whole lot, if it is worth less), so the collateral sold S (at the market) is
        // min(lot, debt × chop / c) and the keeper pays P = S × c. The payment repays the debt first (Dog/Vow: tab
        // includes the penalty, but a shortfall is the Vow's), so the debt repaid is min(debt, P), the bad debt is
        // Maker's deficit max(0, debt − lot × c), and everything sold beyond the debt repaid is penalty. Covered
        // (P = tab), the keeper earns its discount S × (1 − c) plus the whole incentive tip + chip × tab.
        var gen = Gen.Select(Gen.Int[0, 8_100], Gen.Int[15_000, 3_000_000], Gen.Int[40, 144],
            (t, debt, ratio) => (t, debt: (decimal)debt, ratio: ratio / 100m));
        gen.Sample(c =>
        {
            var policy = Compile(c.t);
            var eth = c.debt * c.ratio / 1_500m;
            var lot = eth * 1_500m;
            var a = policy.Evaluate(Vault(eth, c.debt), Prices);
            var clearing = (decimal)a.Exports["clearing_ratio"];
            var incentive = (decimal)a.Exports["keeper_incentive"];
            if (clearing >= 1m) return;

            a.Status.ShouldBe(MarginStatus.Liquidatable);
            var l = a.Liquidation!;
            var seized = l.Steps.Single().Seized;
            var liquidator = l.Penalties.Single(p => p.Recipient == PenaltyRecipient.Liquidator).Amount;
            var penalties = l.Penalties.Sum(p => p.Amount);

            seized.ShouldBe(Math.Min(lot, c.debt * 1.13m / clearing), 0.0000001m);
            l.Amount.ShouldBe(Math.Min(c.debt, seized * clearing), 0.0000001m);
            (c.debt - l.Amount).ShouldBe(Math.Max(0m, c.debt - (lot * clearing)), 0.0000001m);
            penalties.ShouldBe(seized - l.Amount, 0.0000001m);
            liquidator.ShouldBeGreaterThanOrEqualTo((seized * (1m - clearing)) - 0.0000001m);
            if (lot * clearing >= c.debt * 1.13m) liquidator.ShouldBe((seized * (1m - clearing)) + incentive, 0.0000001m);
        }, iter: 100);
    }

    [Fact]
    public void A_keeper_never_buys_above_the_market()
    {
        // Before step 27 the curve is above the oracle price (1.3 × 0.99^26 = 1.00096 > 1): no keeper would take, so the
        // model charges the vault the penalty alone: seized = debt × 1.13, the liquidator gets only the incentive.
        var a = Compile(26 * 90).Evaluate(Vault(10m, 11_000m), Prices);
        ((decimal)a.Exports["clearing_ratio"]).ShouldBeGreaterThan(1m);
        a.Liquidation!.Steps.Single().Seized.ShouldBe(11_000m * 1.13m, 0.0000001m);
        a.Liquidation.Penalties.Single(p => p.Recipient == PenaltyRecipient.Liquidator).Amount
            .ShouldBe(300m + (0.001m * 11_000m * 1.13m), 0.0000001m);
    }
}
