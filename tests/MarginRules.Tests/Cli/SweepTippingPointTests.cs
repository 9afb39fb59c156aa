using MarginRules.Cascade;
using MarginRules.Cli.Simulation;

namespace MarginRules.Tests.Cli;

/// <summary>The tipping-point rule on constructed summaries: a rise in amplification above the threshold, or the first bad debt.</summary>
public sealed class SweepTippingPointTests
{
    private static CascadeSummary Point(decimal? amplification, decimal badDebt = 0m) => new()
    {
        InitialShock = new Dictionary<string, decimal> { ["BTC"] = -0.1m },
        FinalMove = new Dictionary<string, decimal>(),
        Amplification = amplification is { } a ? new Dictionary<string, decimal> { ["BTC"] = a } : new Dictionary<string, decimal>(),
        TotalLiquidated = 0m,
        AccountsLiquidated = 0,
        BadDebt = badDebt,
        InsuranceDrawn = 0m,
        AdlEvents = 0,
        SocializedLoss = 0m,
        MarginCalls = 0,
        Rounds = 1,
        StopReason = CascadeStopReason.Fixpoint,
    };

    [Fact]
    public void A_rise_of_exactly_the_threshold_does_not_tip_but_one_above_it_does()
    {
        // 1.0 → 1.1 is a rise of exactly 0.1: not more than the threshold. 1.1 → 1.2000001 is 0.1000001: more.
        var tip = TippingPoint.Find([Point(1.0m), Point(1.1m), Point(1.2000001m)], ["BTC"], 0.1m);
        tip.ShouldNotBeNull();
        tip.Index.ShouldBe(2);
        tip.Reasons.ShouldBe(["amplification of BTC rose from 1.10× to 1.20×, more than 0.1"]);
    }

    [Fact]
    public void A_fall_in_amplification_never_tips() =>
        TippingPoint.Find([Point(2m), Point(1m), Point(1m)], ["BTC"], 0.1m).ShouldBeNull();

    [Fact]
    public void The_first_bad_debt_tips_even_without_a_jump()
    {
        var tip = TippingPoint.Find([Point(1m), Point(1.01m, badDebt: 5m), Point(1.02m, badDebt: 50m)], ["BTC"], 0.1m);
        tip.ShouldNotBeNull();
        tip.Index.ShouldBe(1);
        tip.Reasons.ShouldBe(["bad debt first appears (5.00)"]);
    }

    [Fact]
    public void Bad_debt_at_the_first_point_means_the_range_starts_past_the_tipping_point()
    {
        var tip = TippingPoint.Find([Point(1.5m, badDebt: 1m), Point(1.6m, badDebt: 2m)], ["BTC"], 0.1m);
        tip.ShouldNotBeNull();
        tip.Index.ShouldBe(0);
        tip.Reasons.ShouldBe(["bad debt (1.00) already at the first point; the spiral tips before the range starts"]);
    }

    [Fact]
    public void An_unshocked_point_counts_as_an_amplification_of_one()
    {
        // A 0% point has no amplification; read as 1, the next point's 1.5 is a rise of 0.5.
        var tip = TippingPoint.Find([Point(null), Point(1.5m)], ["BTC"], 0.1m);
        tip.ShouldNotBeNull();
        tip.Index.ShouldBe(1);
    }

    [Fact]
    public void An_empty_or_smooth_sweep_has_no_tipping_point()
    {
        TippingPoint.Find([], ["BTC"], 0.1m).ShouldBeNull();
        TippingPoint.Find([Point(1m), Point(1.05m), Point(1.1m), Point(1.15m)], ["BTC"], 0.1m).ShouldBeNull();
    }
}
