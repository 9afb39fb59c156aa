using System;
using System.Collections.Generic;
using System.Text.Json;
using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Evaluation;

namespace MarginRules.Cli.Json;

/// <summary>Writes an assessment, its trace and the policy it came from as JSON, with camelCase names and exact numbers.</summary>
internal static class AssessmentJson
{
    /// <summary>Writes the policy's name, version, currency and file.</summary>
    public static void WritePolicy(Utf8JsonWriter writer, MarginPolicy policy, string path)
    {
        writer.WriteStartObject("policy");
        writer.WriteString("name", policy.Name);
        writer.WriteString("version", policy.Version);
        writer.WriteString("currency", policy.Currency);
        writer.WriteString("file", path);
        writer.WriteEndObject();
    }

    /// <summary>Writes the assessment's properties into the object being written: status, numbers, instructions, ADL ranks and exports.</summary>
    public static void WriteProperties(Utf8JsonWriter writer, MarginAssessment assessment, Account account)
    {
        writer.WriteString("account", assessment.AccountId);
        writer.WriteString("status", Name(assessment.Status));
        JsonText.Number(writer, "equity", assessment.Equity);
        JsonText.Number(writer, "initial", assessment.Initial);
        JsonText.Number(writer, "maintenance", assessment.Maintenance);

        if (assessment.MarginCall is { } call)
        {
            writer.WriteStartObject("marginCall");
            JsonText.Number(writer, "amount", call.Amount);
            writer.WriteNumber("deadlineRounds", call.DeadlineRounds);
            writer.WriteNumber("roundsOutstanding", call.RoundsOutstanding);
            writer.WriteBoolean("expired", call.Expired);
            writer.WriteEndObject();
        }
        else writer.WriteNull("marginCall");

        if (assessment.Liquidation is { } liquidation) WriteLiquidation(writer, liquidation);
        else writer.WriteNull("liquidation");

        if (assessment.AdlRanks is { } ranks)
        {
            writer.WriteStartArray("adlRanks");
            for (var i = 0; i < ranks.Count; i++)
            {
                writer.WriteStartObject();
                writer.WriteNumber("position", i);
                writer.WriteString("symbol", account.Positions[i].Symbol);
                JsonText.Number(writer, "rank", ranks[i]);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }
        else writer.WriteNull("adlRanks");

        writer.WriteStartObject("exports");
        foreach (var (name, value) in assessment.Exports)
        {
            writer.WritePropertyName(name);
            JsonText.Value(writer, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the trace as an array named <c>trace</c>: each value with its kind, unit, position and expression.</summary>
    public static void WriteTrace(Utf8JsonWriter writer, IReadOnlyList<TraceEntry> entries)
    {
        writer.WriteStartArray("trace");
        foreach (var e in entries)
        {
            writer.WriteStartObject();
            writer.WriteString("name", e.Name);
            writer.WriteString("kind", Name(e.Kind));
            writer.WritePropertyName("value");
            JsonText.Value(writer, e.Value);
            writer.WriteString("unit", e.Unit);
            writer.WriteNumber("line", e.Line);
            writer.WriteNumber("column", e.Column);
            writer.WriteString("expression", e.Expression);
            writer.WriteString("description", e.Description);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    /// <summary>An enum member's name in camelCase, as the JSON output spells it (<c>MarginCall</c> → <c>marginCall</c>).</summary>
    public static string Name<T>(T value)
        where T : struct, Enum
    {
        var name = value.ToString();
        return char.ToLowerInvariant(name[0]) + name.Substring(1);
    }

    private static void WriteLiquidation(Utf8JsonWriter writer, LiquidationInstruction l)
    {
        writer.WriteStartObject("liquidation");
        writer.WriteString("rule", l.RuleName);
        writer.WriteString("target", Name(l.Target));
        writer.WriteString("size", Name(l.SizeKind));
        JsonText.Number(writer, "base", l.BaseAmount);
        JsonText.Number(writer, "targetAmount", l.TargetAmount);
        JsonText.Number(writer, "amount", l.Amount);
        // Only `size whole` pays a credit; other rules keep their output as it was.
        if (l.SizeKind == MarginRules.Language.Syntax.LiquidationSizeKind.Whole) JsonText.Number(writer, "credit", l.Credit);
        JsonText.Number(writer, "chunk", l.Chunk);
        writer.WriteStartArray("steps");
        foreach (var s in l.Steps)
        {
            writer.WriteStartObject();
            writer.WriteNumber("item", s.ItemIndex);
            writer.WriteString("symbol", s.Symbol);
            JsonText.Number(writer, "quantity", s.Quantity);
            JsonText.Number(writer, "value", s.Value);
            JsonText.Number(writer, "seized", s.Seized);
            WritePenalties(writer, s.Penalties);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("repayments");
        foreach (var r in l.Repayments)
        {
            writer.WriteStartObject();
            writer.WriteNumber("item", r.ItemIndex);
            writer.WriteString("asset", r.Asset);
            JsonText.Number(writer, "quantity", r.Quantity);
            JsonText.Number(writer, "value", r.Value);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        WritePenalties(writer, l.Penalties);
        writer.WriteEndObject();
    }

    private static void WritePenalties(Utf8JsonWriter writer, IReadOnlyList<PenaltyAmount> penalties)
    {
        writer.WriteStartArray("penalties");
        foreach (var p in penalties)
        {
            writer.WriteStartObject();
            writer.WriteString("recipient", Name(p.Recipient));
            JsonText.Number(writer, "amount", p.Amount);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
