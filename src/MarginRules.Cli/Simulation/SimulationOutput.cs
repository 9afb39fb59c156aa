using System.Collections.Generic;
using System.IO;
using MarginRules.Cli.Json;
using System.Linq;
using System.Text.Json;
using MarginRules.Cascade;

namespace MarginRules.Cli.Simulation;

/// <summary>Writes a simulation's rounds and summary: as text tables for people, or as one JSON document.</summary>
internal static class SimulationOutput
{
    /// <summary>The heading lines: market, venues and shock.</summary>
    public static IEnumerable<string> Inputs(SimulationRun run)
    {
        var venues = string.Join(", ", run.Venues.Select(v => $"{v.Name} ({NumberText.Accounts(v.Accounts.Count)}, {v.Policy.Name})"));
        yield return $"Market {run.Market.FilePath}; {run.Venues.Count} {(run.Venues.Count == 1 ? "venue" : "venues")}: {venues}";
        yield return "Shock " + ShockText(run.Shock, run.Market);
    }

    /// <summary>The shock in words: the spec or the scenario, its steps, and the followers it moves.</summary>
    public static string ShockText(ShockChoice shock, SimulationMarket market)
    {
        var steps = shock.Given.Count == 1 ? string.Empty : $" over {shock.Given.Count} steps";
        var text = shock.Scenario is null ? $"{shock.Text}{steps}" : $"scenario `{shock.Scenario}` ({shock.Given}){steps}";
        var followers = market.Followers.Where(f => shock.ShockedAssets.Contains(f.Key) && !shock.GivenAssets.Contains(f.Key))
            .Select(f => $"{f.Key} follows {f.Value}").ToArray();
        return followers.Length == 0 ? text : $"{text} ({string.Join(", ", followers)})";
    }

    /// <summary>The per-round table.</summary>
    public static TextTable Rounds(SimulationRun run)
    {
        var assets = run.Shock.ShockedAssets;
        var venues = run.Venues.Select(v => v.Name).ToArray();
        var table = new TextTable(
            new[] { "round" }.Concat(assets)
                .Concat(["calls", "top-ups", "liquidations", "liquidated", "bad debt"])
                .Concat(venues.Select(v => $"fund {v}"))
                .Append("ADL"));
        foreach (var r in run.Result.Rounds)
        {
            table.Add(
                new[] { NumberText.Count(r.Number) }
                    .Concat(assets.Select(a => NumberText.Price(r.Prices[a])))
                    .Concat([NumberText.Count(r.MarginCalls), NumberText.Count(r.TopUps), NumberText.Count(r.Liquidations), NumberText.Money(r.LiquidatedNotional.Values.Sum()), NumberText.Money(r.BadDebt)])
                    .Concat(venues.Select(v => NumberText.Money(r.InsuranceFunds[v])))
                    .Append(NumberText.Count(r.AdlEvents)));
        }

        return table;
    }

    /// <summary>The summary: one row per shocked asset, then the totals.</summary>
    public static (TextTable Assets, IReadOnlyList<(string Label, string Value)> Totals) Summary(SimulationRun run)
    {
        var s = run.Result.Summary;
        var assets = new TextTable(["asset", "initial shock", "final move", "amplification"], leftColumns: 1);
        foreach (var a in run.Shock.ShockedAssets)
        {
            assets.Add([a, NumberText.Percent(s.InitialShock[a]), NumberText.Percent(s.FinalMove[a]), s.Amplification.TryGetValue(a, out var amp) ? NumberText.Factor(amp) : "n/a"]);
        }

        var accounts = run.Venues.Sum(v => v.Accounts.Count);
        var totals = new List<(string, string)>
        {
            ("total liquidated", NumberText.Money(s.TotalLiquidated)),
            ("accounts liquidated", $"{NumberText.Count(s.AccountsLiquidated)} of {NumberText.Count(accounts)}"),
        };

        // With several venues, each venue's share, so contagion shows where it lands.
        var several = run.Venues.Count > 1;
        if (several)
        {
            foreach (var v in run.Venues)
                totals.Add(($"  {v.Name}", $"{NumberText.Count(s.AccountsLiquidatedByVenue.GetValueOrDefault(v.Name))} of {NumberText.Count(v.Accounts.Count)}"));
        }

        totals.AddRange(new (string, string)[]
        {
            ("margin calls", NumberText.Count(s.MarginCalls)),
            ("top-ups", $"{NumberText.Count(run.Result.Rounds.Sum(r => r.TopUps))} ({NumberText.Money(run.Result.Rounds.Sum(r => r.TopUpAmount))})"),
            ("bad debt", NumberText.Money(s.BadDebt)),
        });
        if (several)
        {
            foreach (var v in run.Venues) totals.Add(($"  {v.Name}", NumberText.Money(s.BadDebtByVenue.GetValueOrDefault(v.Name))));
        }

        totals.AddRange(new (string, string)[]
        {
            ("penalties", string.Join(", ", s.Penalties.Where(kv => kv.Value != 0m).Select(kv => $"{kv.Key} {NumberText.Money(kv.Value)}").DefaultIfEmpty("none"))),
            ("insurance drawn", NumberText.Money(s.InsuranceDrawn)),
            ("ADL events", NumberText.Count(s.AdlEvents)),
            ("socialised loss", NumberText.Money(s.SocializedLoss)),
            ("rounds", NumberText.Count(s.Rounds)),
            ("stopped", SimulationRun.StopText(s.StopReason)),
        });
        return (assets, totals);
    }

    /// <summary>Writes the human output: inputs, the round table and the summary.</summary>
    public static void WriteText(TextWriter output, SimulationRun run, CliConsole console)
    {
        foreach (var line in Inputs(run)) output.WriteLine(line);
        output.WriteLine();
        output.WriteLine(Rounds(run).Render());
        output.WriteLine();
        output.WriteLine(console.Paint("Summary", AnsiColor.Cyan));
        var (assets, totals) = Summary(run);
        output.WriteLine(assets.Render());
        output.WriteLine();
        var width = totals.Max(t => t.Label.Length);
        foreach (var (label, value) in totals) output.WriteLine($"{label.PadRight(width)}  {value}");
    }

    /// <summary>Writes the machine output: one JSON object with the inputs, every round, the summary and the final prices.</summary>
    public static void WriteJson(TextWriter output, SimulationRun run, string? reportPath)
    {
        output.Write(JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("market", run.Market.FilePath);
            WriteVenues(json, run.Venues);
            WriteShock(json, run.Shock);
            json.WriteNumber("maxRounds", run.MaxRounds);
            json.WriteStartArray("rounds");
            foreach (var r in run.Result.Rounds) WriteRound(json, r);
            json.WriteEndArray();
            json.WritePropertyName("summary");
            WriteSummary(json, run.Result.Summary);
            WriteMap(json, "finalPrices", run.Result.FinalPrices);
            if (reportPath is null) json.WriteNull("report");
            else json.WriteString("report", reportPath);
            json.WriteEndObject();
        }));
    }

    /// <summary>Writes the venues as an array of name, policy, portfolio, account count and fund.</summary>
    public static void WriteVenues(Utf8JsonWriter json, IReadOnlyList<SimulationVenue> venues)
    {
        json.WriteStartArray("venues");
        foreach (var v in venues)
        {
            json.WriteStartObject();
            json.WriteString("name", v.Name);
            json.WriteString("file", v.FilePath);
            json.WriteString("policy", v.PolicyPath);
            json.WriteString("policyName", v.Policy.Name);
            json.WriteString("portfolio", v.PortfolioPath);
            json.WriteNumber("accounts", v.Accounts.Count);
            JsonText.Number(json, "insuranceFund", v.Setup.InsuranceFund);
            json.WriteStartObject("parameters");
            foreach (var (name, value) in v.Parameters.OrderBy(p => p.Key, System.StringComparer.Ordinal))
            {
                switch (value)
                {
                    case decimal d: JsonText.Number(json, name, d); break;
                    case bool b: json.WriteBoolean(name, b); break;
                    default: json.WriteString(name, value.ToString()); break;
                }
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    /// <summary>Writes the shock: the text, the scenario, and every step with followers.</summary>
    public static void WriteShock(Utf8JsonWriter json, ShockChoice shock)
    {
        json.WriteStartObject("shock");
        json.WriteString("text", shock.Text);
        if (shock.Scenario is null) json.WriteNull("scenario");
        else json.WriteString("scenario", shock.Scenario);
        json.WriteStartArray("steps");
        foreach (var step in shock.Path.Steps)
        {
            json.WriteStartObject();
            foreach (var (asset, move) in step.Moves) JsonText.Number(json, asset, move);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes a cascade summary as an object.</summary>
    public static void WriteSummary(Utf8JsonWriter json, CascadeSummary s)
    {
        json.WriteStartObject();
        WriteMap(json, "initialShock", s.InitialShock);
        WriteMap(json, "finalMove", s.FinalMove);
        WriteMap(json, "amplification", s.Amplification);
        JsonText.Number(json, "totalLiquidated", s.TotalLiquidated);
        json.WriteNumber("accountsLiquidated", s.AccountsLiquidated);
        json.WriteStartObject("accountsLiquidatedByVenue");
        foreach (var (venue, count) in s.AccountsLiquidatedByVenue) json.WriteNumber(venue, count);
        json.WriteEndObject();
        json.WriteNumber("marginCalls", s.MarginCalls);
        JsonText.Number(json, "badDebt", s.BadDebt);
        WriteMap(json, "badDebtByVenue", s.BadDebtByVenue);
        WriteMap(json, "penalties", s.Penalties);
        JsonText.Number(json, "insuranceDrawn", s.InsuranceDrawn);
        json.WriteNumber("adlEvents", s.AdlEvents);
        JsonText.Number(json, "socializedLoss", s.SocializedLoss);
        json.WriteNumber("rounds", s.Rounds);
        json.WriteString("stopReason", SimulationRun.StopCode(s.StopReason));
        json.WriteEndObject();
    }

    private static void WriteRound(Utf8JsonWriter json, CascadeRound r)
    {
        json.WriteStartObject();
        json.WriteNumber("round", r.Number);
        WriteMap(json, "prices", r.Prices);
        json.WriteNumber("marginCalls", r.MarginCalls);
        json.WriteNumber("topUps", r.TopUps);
        JsonText.Number(json, "topUpAmount", r.TopUpAmount);
        json.WriteNumber("liquidations", r.Liquidations);
        json.WriteStartObject("liquidationsByVenue");
        foreach (var (venue, count) in r.LiquidationsByVenue) json.WriteNumber(venue, count);
        json.WriteEndObject();
        WriteMap(json, "liquidatedNotional", r.LiquidatedNotional);
        WriteMap(json, "netSales", r.NetSales);
        JsonText.Number(json, "badDebt", r.BadDebt);
        WriteMap(json, "badDebtByVenue", r.BadDebtByVenue);
        WriteMap(json, "penalties", r.Penalties);
        JsonText.Number(json, "insuranceDrawn", r.InsuranceDrawn);
        WriteMap(json, "insuranceFunds", r.InsuranceFunds);
        json.WriteNumber("adlEvents", r.AdlEvents);
        JsonText.Number(json, "adlAmount", r.AdlAmount);
        JsonText.Number(json, "socializedLoss", r.SocializedLoss);
        json.WriteNumber("accountsEvaluated", r.AccountsEvaluated);
        json.WriteNumber("accountsCertified", r.AccountsCertified);
        json.WriteEndObject();
    }

    private static void WriteMap(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, decimal> values)
    {
        json.WriteStartObject(name);
        foreach (var (key, value) in values) JsonText.Number(json, key, value);
        json.WriteEndObject();
    }
}
