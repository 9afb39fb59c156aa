using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace MarginRules.Cli.PolicyTests;

/// <summary>Writes the results of <c>marginrules test</c>: a human listing ending in <c>N passed, N failed</c>, or JSON.</summary>
internal static class PolicyTestReport
{
    /// <summary>Writes each file's tests with PASS or FAIL, a diff under each failure, and the plain count as the last line.</summary>
    public static void WriteText(CliConsole console, IReadOnlyList<(PolicyTestFile File, IReadOnlyList<PolicyTestResult> Results)> runs)
    {
        var output = console.Out;
        foreach (var (file, results) in runs)
        {
            output.WriteLine(file.Path);
            foreach (var result in results)
            {
                output.WriteLine(result.Passed
                    ? $"  {console.Paint("PASS", AnsiColor.Green)} {result.Name}"
                    : $"  {console.Paint("FAIL", AnsiColor.Red)} {result.Name}");
                foreach (var failure in result.Failures)
                {
                    var who = failure.Account is null ? string.Empty : $"account {failure.Account}: ";
                    output.WriteLine($"      {who}{failure.Key}: expected {Expected(failure)}, actual {Actual(failure)}");
                    if (failure.Declaration is not null) output.WriteLine(console.Paint($"        declared at {failure.Declaration}", AnsiColor.Gray));
                }

                if (result.Error is not null) output.WriteLine($"      {console.Paint("error:", AnsiColor.Red)} {result.Error}");
            }
        }

        var passed = runs.Sum(r => r.Results.Count(t => t.Passed));
        var failed = runs.Sum(r => r.Results.Count(t => !t.Passed));
        output.WriteLine();

        // The last line stays plain, even with colour on, so tools that read the closing count can parse it.
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{passed} passed, {failed} failed"));
    }

    /// <summary>Writes every file, test and failure as one JSON document.</summary>
    public static void WriteJson(TextWriter output, IReadOnlyList<(PolicyTestFile File, IReadOnlyList<PolicyTestResult> Results)> runs)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteStartArray("files");
            foreach (var (file, results) in runs)
            {
                json.WriteStartObject();
                json.WriteString("file", file.Path);
                json.WriteString("policy", file.PolicyPath);
                json.WriteStartArray("tests");
                foreach (var result in results) WriteResult(json, result);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("passed", runs.Sum(r => r.Results.Count(t => t.Passed)));
            json.WriteNumber("failed", runs.Sum(r => r.Results.Count(t => !t.Passed)));
            json.WriteEndObject();
        }

        output.WriteLine(Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static void WriteResult(Utf8JsonWriter json, PolicyTestResult result)
    {
        json.WriteStartObject();
        json.WriteString("name", result.Name);
        json.WriteBoolean("passed", result.Passed);
        json.WriteStartArray("failures");
        foreach (var f in result.Failures)
        {
            json.WriteStartObject();
            if (f.Account is not null) json.WriteString("account", f.Account);
            json.WriteString("key", f.Key);
            WriteValue(json, "expected", f.Expected);
            if (f.Expected is decimal) json.WriteNumber("tolerance", f.Tolerance);
            if (f.Actual.Value is null) json.WriteNull("actual");
            else WriteValue(json, "actual", f.Actual.Value);
            if (f.Actual.Missing is not null) json.WriteString("missing", f.Actual.Missing);
            if (f.Declaration is not null) json.WriteString("declared_at", f.Declaration);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (result.Error is null) json.WriteNull("error");
        else json.WriteString("error", result.Error);
        json.WriteEndObject();
    }

    private static void WriteValue(Utf8JsonWriter json, string name, object value)
    {
        switch (value)
        {
            case decimal d: json.WriteNumber(name, d); break;
            case bool b: json.WriteBoolean(name, b); break;
            default: json.WriteString(name, Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    private static string Expected(ExpectationFailure failure) =>
        failure.Expected is decimal && failure.Tolerance > 0m
            ? $"{Show(failure.Expected)} ± {Show(failure.Tolerance)}"
            : Show(failure.Expected);

    private static string Actual(ExpectationFailure failure)
    {
        if (failure.Actual.Value is null) return $"none ({failure.Actual.Missing})";
        var shown = Show(failure.Actual.Value);
        if (failure.Expected is decimal e && failure.Actual.Value is decimal a)
        {
            try
            {
                var difference = a - e;
                return $"{shown} (off by {(difference > 0m ? "+" : string.Empty)}{Show(difference)})";
            }
            catch (OverflowException)
            {
                return shown;
            }
        }

        return shown;
    }

    private static string Show(object value) => value switch
    {
        decimal d => d.ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => $"\"{value}\"",
    };
}
