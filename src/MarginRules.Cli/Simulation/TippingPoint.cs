using System.Collections.Generic;
using MarginRules.Cascade;

namespace MarginRules.Cli.Simulation;

/// <summary>
/// Where a sweep's spiral tips over: the first point, in sweep order, whose amplification of a reported asset exceeds
/// the previous point's by more than the jump threshold, or where bad debt first appears. Both are signs that a
/// small change in the swept value has pushed the system past a threshold rather than along a smooth response.
/// </summary>
/// <param name="Index">The point's index in sweep order.</param>
/// <param name="Reasons">Why it counts, one sentence fragment per criterion met.</param>
internal sealed record TippingPoint(int Index, IReadOnlyList<string> Reasons)
{
    /// <summary>The default jump threshold: ten percentage points of the shock (1.05× to 1.16× tips over; 1.05× to 1.15× does not).</summary>
    public const decimal DefaultJump = 0.10m;

    /// <summary>Finds the tipping point, or null when the sweep has none.</summary>
    /// <param name="points">The runs' summaries in sweep order.</param>
    /// <param name="assets">The assets whose amplification is watched.</param>
    /// <param name="jump">The rise in amplification between neighbouring points that counts as a jump.</param>
    public static TippingPoint? Find(IReadOnlyList<CascadeSummary> points, IReadOnlyList<string> assets, decimal jump)
    {
        if (points.Count == 0) return null;
        if (points[0].BadDebt > 0m)
        {
            return new TippingPoint(0, [$"bad debt ({NumberText.Money(points[0].BadDebt)}) already at the first point; the spiral tips before the range starts"]);
        }

        for (var i = 1; i < points.Count; i++)
        {
            var reasons = new List<string>();
            foreach (var asset in assets)
            {
                var before = Amplification(points[i - 1], asset);
                var after = Amplification(points[i], asset);
                if (after - before > jump)
                {
                    reasons.Add($"amplification of {asset} rose from {NumberText.Factor(before)} to {NumberText.Factor(after)}, more than {NumberText.Exact(jump)}");
                }
            }

            if (points[i].BadDebt > 0m && points[i - 1].BadDebt == 0m) reasons.Add($"bad debt first appears ({NumberText.Money(points[i].BadDebt)})");
            if (reasons.Count > 0) return new TippingPoint(i, reasons);
        }

        return null;
    }

    /// <summary>An asset's amplification; 1 when the run did not shock it (a 0% point), where nothing could amplify.</summary>
    public static decimal Amplification(CascadeSummary summary, string asset) =>
        summary.Amplification.TryGetValue(asset, out var value) ? value : 1m;

    /// <summary>The reasons as one phrase.</summary>
    public string Text => string.Join("; ", Reasons);
}
