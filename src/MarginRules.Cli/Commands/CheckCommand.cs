using System.Collections.Generic;
using System.IO;
using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;

namespace MarginRules.Cli.Commands;

/// <summary><c>marginrules check</c>: prints every diagnostic of the given policies in compiler style and a count.</summary>
internal sealed class CheckCommand : ICommand
{
    public string Name => "check";

    public string Summary => "Check policies and print every diagnostic";

    public string Help => """
        Usage: marginrules check <files or folders…> [--warnaserror]

        Checks policies and prints every diagnostic: file:line:col: severity CODE: message,
        the source line with a caret, and help lines. Ends with a count.

        Options:
          --warnaserror   exit 1 on warnings too

        Example:
          marginrules check examples/policies
        """;

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, [], ["--warnaserror"]);
        var files = PolicyFiles.Expand(a.Positional);
        int errors = 0, warnings = 0;
        foreach (var file in files)
        {
            var result = PolicyChecker.Check(File.ReadAllText(file), file);
            foreach (var d in result.Diagnostics)
            {
                console.Out.WriteLine(DiagnosticRenderer.Render(d, result.Tree.Source));
                if (d.Severity == DiagnosticSeverity.Error) errors++;
                else if (d.Severity == DiagnosticSeverity.Warning) warnings++;
            }
        }

        console.Out.WriteLine($"{files.Count} {(files.Count == 1 ? "policy" : "policies")} checked: {errors} {(errors == 1 ? "error" : "errors")}, {warnings} {(warnings == 1 ? "warning" : "warnings")}");
        return errors > 0 || (a.Has("--warnaserror") && warnings > 0) ? ExitCodes.Failure : ExitCodes.Success;
    }
}
