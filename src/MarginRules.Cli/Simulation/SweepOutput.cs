using System.Collections.Generic;
using System.IO;
using MarginRules.Cli.Json;
using System.Linq;
using System.Text.Json;

namespace MarginRules.Cli.Simulation;

/// <summary>Writes a sweep: a table of the swept value against the outcome with the tipping point marked, or one JSON document.</summary>
internal static class SweepOutput
{
    /// <summary>The mark next to the tipping point's row.</summary>
    public const string TipMark = "<- tips over";

    /// <summary>The heading lines: what is swept, over which venues, and the fixed shock of a parameter sweep.</summary>
    public static IEnumerable<string> Inputs(SweepRun run)
    {
        var venues = string.Join(", ", run.Venues.Select(v => $"{v.Name} ({NumberText.Accounts(v.Accounts.Count)})"));
        var first = run.Label(0);
        var last = run.Label(run.Points.Count - 1);
        yield return $"Sweep of {run.Variable} from {first} to {last} in {run.Points.Count} points; market {run.Market.FilePath}; venues {venues}";
        if (!run.SweepsShock) yield return $"Shock {SimulationOutput.ShockText(run.Shock!, run.Market)}; {run.Range.Name} set on {string.Join(", ", run.SweptVenues)}";
    }

    /// <summary>The table: the swept value, amplification per reported asset, accounts liquidated, total liquidated, bad debt, rounds.</summary>
    public static TextTable Table(SweepRun run)
    {
        var table = new TextTable(
            new[] { run.Variable }.Concat(run.Assets.Select(a => $"amplification {a}"))
                .Concat(["accounts liquidated", "total liquidated", "bad debt", "rounds"]));
        var tip = run.Tip;
        for (var i = 0; i < run.Points.Count; i++)
        {
            var s = run.Points[i];
            table.Add(
                new[] { run.Label(i) }.Concat(run.Assets.Select(a => NumberText.Factor(TippingPoint.Amplification(s, a))))
                    .Concat([NumberText.Count(s.AccountsLiquidated), NumberText.Money(s.TotalLiquidated), NumberText.Money(s.BadDebt), NumberText.Count(s.Rounds)]),
                tip?.Index == i ? TipMark : null);
        }

        return table;
    }

    /// <summary>The tipping-point line under the table.</summary>
    public static string TipText(SweepRun run) =>
        run.Tip is { } tip
            ? $"Tipping point: {run.Variable} {run.Label(tip.Index)}: {tip.Text}."
            : $"No tipping point in the range: amplification never rose by more than {NumberText.Exact(run.Jump)} between neighbouring points and bad debt never first appeared.";

    /// <summary>Writes the human output.</summary>
    public static void WriteText(TextWriter output, SweepRun run, CliConsole console)
    {
        foreach (var line in Inputs(run)) output.WriteLine(line);
        output.WriteLine();
        output.WriteLine(Table(run).Render());
        output.WriteLine();
        output.WriteLine(run.Tip is null ? TipText(run) : console.Paint(TipText(run), AnsiColor.Yellow));
    }

    /// <summary>Writes the machine output: one JSON object with the inputs, every point's summary and the tipping point.</summary>
    public static void WriteJson(TextWriter output, SweepRun run, string? reportPath)
    {
        output.Write(JsonText.Write(json =>
        {
            json.WriteStartObject();
            json.WriteString("market", run.Market.FilePath);
            SimulationOutput.WriteVenues(json, run.Venues);
            json.WriteStartObject("sweep");
            json.WriteString("kind", run.SweepsShock ? "shock" : "parameter");
            json.WriteString("name", run.Range.Name);
            json.WriteString("range", run.Range.Text);
            json.WriteStartArray("venues");
            foreach (var v in run.SweptVenues) json.WriteStringValue(v);
            json.WriteEndArray();
            json.WriteEndObject();
            if (run.Shock is null) json.WriteNull("shock");
            else SimulationOutput.WriteShock(json, run.Shock);
            json.WriteNumber("maxRounds", run.MaxRounds);
            JsonText.Number(json, "tipJump", run.Jump);
            json.WriteStartArray("points");
            for (var i = 0; i < run.Points.Count; i++)
            {
                json.WriteStartObject();
                json.WriteString("label", run.Label(i));
                JsonText.Number(json, "value", run.SweepsShock ? run.Range.Fraction(i) : run.Range.Numbers[i]);
                json.WritePropertyName("summary");
                SimulationOutput.WriteSummary(json, run.Points[i]);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            if (run.Tip is { } tip)
            {
                json.WriteStartObject("tippingPoint");
                json.WriteNumber("index", tip.Index);
                json.WriteString("label", run.Label(tip.Index));
                json.WriteStartArray("reasons");
                foreach (var r in tip.Reasons) json.WriteStringValue(r);
                json.WriteEndArray();
                json.WriteEndObject();
            }
            else
            {
                json.WriteNull("tippingPoint");
            }

            if (reportPath is null) json.WriteNull("report");
            else json.WriteString("report", reportPath);
            json.WriteEndObject();
        }));
    }
}
