using System.Linq;
using MarginRules.Cli.Simulation;

namespace MarginRules.Cli.Reports;

/// <summary>The HTML report of a sweep: inputs, the table, and the amplification, bad-debt and liquidation curves against the swept value.</summary>
internal static class SweepReport
{
    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    public static void Write(string path, SweepRun run)
    {
        var page = new HtmlReport("MarginRules sweep report");
        var tip = run.Tip;
        page.Title($"{run.Variable} from {run.Label(0)} to {run.Label(run.Points.Count - 1)} in {run.Points.Count} points on " +
                   $"{string.Join(" and ", run.Venues.Select(v => v.Name))}. {SweepOutput.TipText(run)}");

        var xs = run.Range.Numbers.Select(n => (double)n).ToArray();
        var unit = run.Range.Suffix.Trim();
        var xLabel = unit.Length == 0 ? run.Variable : $"{run.Variable} ({unit})";
        var descending = run.Range.Numbers.Count > 1 && run.Range.Numbers[^1] < run.Range.Numbers[0];
        (double, string)? marker = tip is null ? null : (xs[tip.Index], $"tips over at {run.Label(tip.Index)}");

        page.Heading("Amplification");
        page.Chart(
            ReportChart.Lines("Amplification against " + run.Variable, xLabel, "final move ÷ initial shock",
                run.Assets.Select(a => (a, xs, run.Points.Select(p => (double)TippingPoint.Amplification(p, a)).ToArray())).ToArray(), marker, descending: descending),
            "Each run's final move of the asset divided by its initial shock: 1 means the market absorbed the forced selling, " +
            "more means the spiral amplified the shock. The dashed line marks the tipping point.");

        page.Heading("Bad debt");
        page.Chart(
            ReportChart.Lines("Bad debt against " + run.Variable, xLabel, "bad debt",
                [("bad debt", xs, run.Points.Select(p => (double)p.BadDebt).ToArray())], marker, descending: descending),
            "Deficits of bankrupt accounts before insurance funds, auto-deleveraging and socialised losses cover them.");

        page.Heading("Liquidations");
        page.Chart(
            ReportChart.Lines("Total liquidated against " + run.Variable, xLabel, "notional",
                [("total liquidated", xs, run.Points.Select(p => (double)p.TotalLiquidated).ToArray())], marker, descending: descending),
            "Notional closed and collateral seized over the whole run.");

        page.Heading("Points");
        page.Table(SweepOutput.Table(run));
        page.Paragraph(
            $"A point tips over when the amplification of {string.Join(" or ", run.Assets)} rises by more than {NumberText.Exact(run.Jump)} " +
            "from the previous point, or when bad debt first appears.");

        page.Heading("Inputs");
        page.Facts(
        [
            ("market", run.Market.FilePath),
            ("range", run.Range.Text),
            ("shock", run.Shock is null ? $"{run.Range.Name} by the swept move" : SimulationOutput.ShockText(run.Shock, run.Market)),
            ("parameter set on", run.SweptVenues.Count == 0 ? "no venue (shock sweep)" : string.Join(", ", run.SweptVenues)),
            ("round limit", NumberText.Count(run.MaxRounds)),
            ("tip jump", NumberText.Exact(run.Jump)),
        ]);
        var venues = new TextTable(["venue", "file", "policy", "portfolio", "accounts", "insurance fund"], leftColumns: 4);
        foreach (var v in run.Venues)
        {
            venues.Add([v.Name, v.FilePath, $"{v.Policy.Name} ({v.PolicyPath})", v.PortfolioPath, NumberText.Count(v.Accounts.Count), NumberText.Money(v.Setup.InsuranceFund)]);
        }

        page.Table(venues);
        page.Save(path);
    }
}
