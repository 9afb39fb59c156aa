using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using MarginRules.Cli.Json;
using MarginRules.Cli.Sarif;
using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;

namespace MarginRules.Cli.Commands;

/// <summary><c>marginrules check</c>: prints every diagnostic of the given policies in compiler style, as JSON or as SARIF, and a count.</summary>
internal sealed class CheckCommand : ICommand
{
    public string Name => "check";

    public string Summary => "Check policies and print every diagnostic";

    public string Help => """
        Usage: marginrules check <files or folders…> [--warnaserror] [--format text|json|sarif] [--json] [--output <file>]

        Checks policies and prints every diagnostic: file:line:col: severity CODE: message,
        the source line with a caret, and help lines. Ends with a count.

        Options:
          --warnaserror      exit 1 on warnings too
          --format <format>  text (the default), json (an array of diagnostics) or sarif (SARIF 2.1.0)
          --json             the same as --format json
          --output <file>    write the report to a file instead; standard output then gets the count

        Example:
          marginrules check examples/policies
          marginrules check examples/policies --format sarif --output marginrules.sarif
        """;

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, ["--format", "--output"], ["--warnaserror", "--json"]);
        var format = a.Value("--format") ?? (a.Has("--json") ? "json" : "text");
        if (format is not ("text" or "json" or "sarif")) throw new UsageException($"error: --format takes text, json or sarif, not `{format}`");
        if (a.Has("--json") && format != "json") throw new UsageException("error: --json and --format " + format + " ask for different reports; give one");

        var files = PolicyFiles.Expand(a.Positional);
        var results = files.Select(f => PolicyChecker.Check(File.ReadAllText(f), f)).ToList();
        var diagnostics = results.SelectMany(r => r.Diagnostics).ToList();
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var summary = $"{files.Count} {(files.Count == 1 ? "policy" : "policies")} checked: {errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}";

        var report = format switch
        {
            "json" => JsonText.Write(w => DiagnosticJson.WriteArray(w, diagnostics)),
            "sarif" => SarifLog.Write(diagnostics, Directory.GetCurrentDirectory()),
            _ => TextReport(results, summary),
        };

        var output = a.Value("--output");
        if (output != null)
        {
            File.WriteAllText(output, report);
            console.Out.WriteLine($"{summary}; report written to {output}");
        }
        else console.Out.Write(report);

        return errors > 0 || (a.Has("--warnaserror") && warnings > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }

    private static string TextReport(IEnumerable<PolicyCheckResult> results, string summary)
    {
        var sb = new StringBuilder();
        foreach (var result in results)
        foreach (var d in result.Diagnostics)
            sb.Append(DiagnosticRenderer.Render(d, result.Tree.Source)).Append('\n');
        return sb.Append(summary).Append('\n').ToString();
    }
}
