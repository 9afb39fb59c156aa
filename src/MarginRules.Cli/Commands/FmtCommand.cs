using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MarginRules.Cli.Json;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Formatting;
using MarginRules.Language.Text;

namespace MarginRules.Cli.Commands;

/// <summary><c>marginrules fmt</c>: rewrites policies in the canonical layout, or checks that they already are.</summary>
internal sealed class FmtCommand : ICommand
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    public string Name => "fmt";

    public string Summary => "Format policies in the canonical layout";

    public string Help => """
        Usage: marginrules fmt <files or folders…> [--check] [--stdout] [--json]

        Rewrites each policy in the canonical layout (see docs/cli.md), only when that changes
        the text, keeping the file's line endings (LF or CRLF) and byte order mark. Files with
        syntax errors are reported and left alone.

        Options:
          --check    change nothing; list the files that would change and exit 1 if any would
          --stdout   print the formatted text of one file instead of rewriting it
          --json     print one JSON object per file: file, status and diagnostics

        Example:
          marginrules fmt --check examples/policies
        """;

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, [], ["--check", "--stdout", "--json"]);
        var check = a.Has("--check");
        var stdout = a.Has("--stdout");
        var json = a.Has("--json");
        if (stdout && (check || json)) throw new UsageException($"error: --stdout cannot be combined with {(check ? "--check" : "--json")}");
        var files = PolicyFiles.Expand(a.Positional);
        if (stdout && files.Count != 1) throw new UsageException($"error: --stdout prints one file; {files.Count} were named");

        var outcomes = new List<(string File, string Status, IReadOnlyList<Diagnostic> Diagnostics)>();
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var bom = bytes.AsSpan().StartsWith(Utf8Bom);
            var text = Encoding.UTF8.GetString(bytes, bom ? Utf8Bom.Length : 0, bytes.Length - (bom ? Utf8Bom.Length : 0));
            if (!PolicyFormatter.TryFormat(text, file, out var formatted, out var diagnostics))
            {
                var source = new SourceText(text, file);
                foreach (var d in diagnostics) console.Error.WriteLine(DiagnosticRenderer.Render(d, source));
                if (stdout) return ExitCodes.Failure;
                outcomes.Add((file, "syntaxError", diagnostics));
                continue;
            }

            if (UsesCrlf(text)) formatted = formatted.Replace("\n", "\r\n");
            if (stdout)
            {
                console.Out.Write(formatted);
                return ExitCodes.Success;
            }

            var changed = formatted != text;
            if (changed && !check)
            {
                File.WriteAllBytes(file, bom ? [.. Utf8Bom, .. Encoding.UTF8.GetBytes(formatted)] : Encoding.UTF8.GetBytes(formatted));
            }

            var status = !changed ? "unchanged" : check ? "wouldReformat" : "formatted";
            if (changed && !json) console.Out.WriteLine(check ? $"would reformat {file}" : $"formatted {file}");
            outcomes.Add((file, status, diagnostics));
        }

        var failed = outcomes.Count(o => o.Status == "syntaxError");
        var changes = outcomes.Count(o => o.Status is "formatted" or "wouldReformat");
        if (json) console.Out.Write(Json(outcomes));
        else console.Out.WriteLine(SummaryLine(outcomes.Count, changes, failed, check));
        return failed > 0 || (check && changes > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }

    // A file is CRLF when most of its line ends are; a lone CR counts as neither.
    private static bool UsesCrlf(string text)
    {
        int crlf = 0, lf = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            if (i > 0 && text[i - 1] == '\r') crlf++;
            else lf++;
        }

        return crlf > lf;
    }

    private static string SummaryLine(int files, int changes, int failed, bool check)
    {
        static string Files(int n) => n == 1 ? "1 file" : $"{n} files";
        var canonical = files - changes - failed;
        var sb = new StringBuilder();
        sb.Append(Files(changes)).Append(check ? " would be reformatted" : " reformatted");
        sb.Append(", ").Append(canonical).Append(" already canonical");
        if (failed > 0) sb.Append(", ").Append(failed).Append(" with syntax errors");
        return sb.ToString();
    }

    private static string Json(IEnumerable<(string File, string Status, IReadOnlyList<Diagnostic> Diagnostics)> outcomes) =>
        JsonText.Write(w =>
        {
            w.WriteStartArray();
            foreach (var (file, status, diagnostics) in outcomes)
            {
                w.WriteStartObject();
                w.WriteString("file", file);
                w.WriteString("status", status);
                w.WritePropertyName("diagnostics");
                DiagnosticJson.WriteArray(w, diagnostics);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        });
}
