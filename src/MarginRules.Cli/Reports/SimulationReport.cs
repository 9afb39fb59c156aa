using System;
using System.Linq;
using MarginRules.Cascade.Impact;
using MarginRules.Cli.Simulation;

namespace MarginRules.Cli.Reports;

/// <summary>The HTML report of one simulation: inputs, summary, charts of prices, liquidations and equity, and the round table.</summary>
internal static class SimulationReport
{
    /// <summary>Writes the report to <paramref name="path"/>.</summary>
    /// <exception cref="MarginRules.Evaluation.PolicyEvaluationException">An account's equity cannot be evaluated.</exception>
    public static void Write(string path, SimulationRun run)
    {
        var s = run.Result.Summary;
        var page = new HtmlReport("MarginRules simulation report");
        var accounts = run.Venues.Sum(v => v.Accounts.Count);
        page.Title($"Shock {SimulationOutput.ShockText(run.Shock, run.Market)} on {string.Join(" and ", run.Venues.Select(v => v.Name))}: " +
                   $"{NumberText.Count(s.AccountsLiquidated)} of {NumberText.Count(accounts)} accounts liquidated in {s.Rounds} rounds; " +
                   $"stopped at the {(s.StopReason == Cascade.CascadeStopReason.Fixpoint ? "fixpoint" : "round limit")}.");

        page.Heading("Summary");
        var (assets, totals) = SimulationOutput.Summary(run);
        page.Table(assets);
        page.Facts(totals);

        page.Heading("Price path");
        var prices = run.PricePath();
        var rounds = Enumerable.Range(0, prices.Count).Select(i => (double)i).ToArray();
        var start = run.Market.StartPrices;
        page.Chart(
            ReportChart.Lines("Price move from the start, by round", "round (0 = before the shock)", "move from the starting price (%)",
                run.Shock.ShockedAssets.Select(a => (a, rounds, prices.Select(p => (double)((p[a] / start[a]) - 1m) * 100).ToArray())).ToArray(), wholeX: true),
            "Each shocked asset's mark price at the start of each round, as a move from its price before the shock. " +
            "A spiral shows as a path that keeps falling after the shock rounds." + (prices.Count > run.Result.Rounds.Count + 1 ? " The last point is the price after the last round's impact." : string.Empty));

        page.Heading("Liquidations");
        var liquidated = run.Market.AssetSymbols.Where(a => run.Result.Rounds.Any(r => r.LiquidatedNotional[a] != 0m)).ToArray();
        page.Chart(
            ReportChart.StackedBars("Liquidated notional per round", "round", "notional", run.Result.Rounds.Select(r => (double)r.Number).ToArray(),
                liquidated.Select(a => (a, run.Result.Rounds.Select(r => (double)r.LiquidatedNotional[a]).ToArray())).ToArray()),
            liquidated.Length == 0
                ? "No account was liquidated."
                : "Notional closed and collateral seized in each round, stacked by the asset sold.");

        page.Heading("Account equity before and after");
        foreach (var (venue, before, after) in run.Equities())
        {
            page.Chart(
                ReportChart.LogHistogram($"{venue}: account equity", "equity (log scale)", ("before the shock", before.Select(e => (double)e).ToArray()), ("after the run", after.Select(e => (double)e).ToArray())),
                $"{venue}: equity of each of its {NumberText.Count(before.Length)} accounts under the venue's policy, at the starting prices before the shock and at the final prices after the run. Accounts left with less than 1 (liquidated to nothing) fall in the < 1 bar.");
        }

        page.Heading("Rounds");
        page.Table(SimulationOutput.Rounds(run));

        page.Heading("Inputs");
        page.Facts(
        [
            ("market", run.Market.FilePath),
            ("shock", SimulationOutput.ShockText(run.Shock, run.Market)),
            ("shock steps", string.Join(" | ", run.Shock.Path.Steps.Select(st => st.ToString()))),
            ("round limit", NumberText.Count(run.MaxRounds)),
            ("volatility", run.Market.Volatility is { } estimate ? $"EWMA, lambda {NumberText.Exact(estimate.Lambda)}, scale {NumberText.Exact(estimate.Scale)}" : "as given"),
        ]);
        if (run.Shock.Description is { } description) page.Paragraph(description);
        var venues = new TextTable(["venue", "file", "policy", "portfolio", "accounts", "insurance fund", "reserves", "top-up probability", "top-up fraction", "seed", "parameters"], leftColumns: 4);
        foreach (var v in run.Venues)
        {
            var reserves = v.Setup.Reserves;
            venues.Add(
            [
                v.Name, v.FilePath, $"{v.Policy.Name} ({v.PolicyPath})", v.PortfolioPath, NumberText.Count(v.Accounts.Count),
                NumberText.Money(v.Setup.InsuranceFund),
                reserves is null || reserves.Count == 0 ? "none" : $"{NumberText.Count(reserves.Count)} accounts, {NumberText.Money(reserves.Values.Sum())}",
                NumberText.Percent(v.Setup.Response.TopUpProbability), NumberText.Percent(v.Setup.Response.TopUpFraction),
                v.Setup.Response.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
                v.Parameters.Count == 0 ? "defaults" : string.Join(", ", v.Parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} = {p.Value}")),
            ]);
        }

        page.Table(venues);
        var market = new TextTable(["asset", "price", "volatility", "impact", "follows"], leftColumns: 1);
        foreach (var a in run.Market.Assets)
        {
            market.Add([a.Symbol, NumberText.Price(a.Price), NumberText.Exact(a.Volatility), Describe(a.Impact), run.Market.Followers.TryGetValue(a.Symbol, out var leader) ? leader : string.Empty]);
        }

        page.Table(market);
        if (run.Market.Instruments.Count > 0)
        {
            page.Paragraph("Instruments: " + string.Join(", ", run.Market.Instruments.Select(i => $"{i.Symbol} on {i.Underlying}")));
        }

        page.Save(path);
    }

    /// <summary>An impact model with its parameters, as the market file writes them.</summary>
    public static string Describe(PriceImpact impact) => impact switch
    {
        LinearImpact l when l.Lambda == 0m => "none",
        LinearImpact l => $"linear, lambda {NumberText.Exact(l.Lambda)}",
        SquareRootImpact q => $"sqrt, y {NumberText.Exact(q.Y)}, sigma {NumberText.Exact(q.Sigma)}, daily volume {NumberText.Exact(q.DailyVolume)}",
        ExponentialImpact e => $"exponential, alpha {NumberText.Exact(e.Alpha)}, scale {NumberText.Exact(e.Scale)}",
        OrderBookImpact o => $"order book, {o.Bids.Count} levels from {NumberText.Price(o.Bids[0].Price)} to {NumberText.Price(o.Bids[^1].Price)}",
        _ => impact.GetType().Name,
    };
}
