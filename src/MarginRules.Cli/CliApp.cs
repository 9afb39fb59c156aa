using System;
using System.IO;
using System.Linq;
using System.Text;
using MarginRules.Cascade;
using MarginRules.Data;
using MarginRules.Evaluation;

namespace MarginRules.Cli;

/// <summary>The <c>marginrules</c> command line: dispatches to a command and turns input errors into one line and exit code 2.</summary>
public static class CliApp
{
    /// <summary>Runs the command line against the process console and returns the exit code.</summary>
    public static int Run(string[] args) => Run(args, CliConsole.FromEnvironment());

    /// <summary>Runs the command line against <paramref name="console"/> and returns the exit code.</summary>
    public static int Run(string[] args, CliConsole console)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            console.Out.WriteLine(Usage());
            return args.Length == 0 ? ExitCodes.UsageError : ExitCodes.Success;
        }

        var verbose = args.Contains("--verbose");
        var command = CommandRegistry.All.FirstOrDefault(c => c.Name == args[0]);
        try
        {
            if (command == null) throw new UsageException($"error: unknown command `{args[0]}`; run `marginrules --help`");
            var rest = args.Skip(1).Where(a => a != "--verbose").ToArray();
            if (rest.Contains("--help"))
            {
                console.Out.WriteLine(command.Help);
                return ExitCodes.Success;
            }

            return command.Run(rest, console);
        }
        catch (Exception e) when (e is UsageException or DataFormatException or PolicyEvaluationException or CascadeException
                                       or IOException or UnauthorizedAccessException or PolicyCompilationException)
        {
            // The other kinds already read "file:line:col: error: …" or "error: …"; a failed read or write is .NET's own sentence.
            console.Error.WriteLine(e is IOException or UnauthorizedAccessException ? "error: " + e.Message : e.Message);
            if (verbose) console.Error.WriteLine(e);
            return ExitCodes.UsageError;
        }
    }

    private static string Usage()
    {
        var sb = new StringBuilder();
        sb.AppendLine("Usage: marginrules <command> [options]");
        sb.AppendLine();
        sb.AppendLine("Commands:");
        foreach (var c in CommandRegistry.All) sb.AppendLine($"  {c.Name,-10} {c.Summary}");
        sb.AppendLine();
        sb.AppendLine("Run `marginrules <command> --help` for a command's options and an example.");
        sb.AppendLine("Exit codes: 0 success, 1 policy or test failure, 2 usage or input error.");
        sb.Append("Add --verbose to any command to print the full exception of an error.");
        return sb.ToString();
    }
}
