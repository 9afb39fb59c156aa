using System.Collections.Generic;
using System.IO;
using System.Linq;
using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;

namespace MarginRules.Cli.Commands;

/// <summary><c>marginrules check</c>: prints every diagnostic of the given policies in compiler style and a count.</summary>
internal static class CheckCommand
{
    public const string Help = """
        Usage: marginrules check <files or folders…> [--warnaserror]

        Checks policies and prints every diagnostic: file:line:col: severity CODE: message,
        the source line with a caret, and help lines. Ends with a count.

        Example:
          marginrules check examples/policies
        """;

    public static int Run(IReadOnlyList<string> args, TextWriter output)
    {
        var warnAsError = args.Contains("--warnaserror");
        var files = PolicyFiles.Expand(args.Where(a => !a.StartsWith("--", System.StringComparison.Ordinal)));
        int errors = 0, warnings = 0;
        foreach (var file in files)
        {
            var result = PolicyChecker.Check(File.ReadAllText(file), file);
            foreach (var d in result.Diagnostics)
            {
                output.WriteLine(DiagnosticRenderer.Render(d, result.Tree.Source));
                if (d.Severity == DiagnosticSeverity.Error) errors++;
                else if (d.Severity == DiagnosticSeverity.Warning) warnings++;
            }
        }

        output.WriteLine($"{files.Count} {(files.Count == 1 ? "policy" : "policies")} checked: {errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}");
        return errors > 0 || (warnAsError && warnings > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }
}
