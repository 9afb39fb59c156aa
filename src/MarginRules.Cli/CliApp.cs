using System;
using System.IO;
using System.Linq;
using MarginRules.Cli.Commands;

namespace MarginRules.Cli;

/// <summary>The <c>marginrules</c> command line: dispatches to a command and turns input errors into one line and exit code 2.</summary>
public static class CliApp
{
    private const string Usage = """
        Usage: marginrules <command> [options]

        Commands:
          check   Check policies and print diagnostics

        Run `marginrules <command> --help` for a command's options and an example.
        Exit codes: 0 success, 1 policy or test failure, 2 usage or input error.
        """;

    /// <summary>Runs the command line and returns the exit code.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help")
        {
            output.WriteLine(Usage);
            return args.Length == 0 ? ExitCodes.UsageError : ExitCodes.Success;
        }

        var verbose = args.Contains("--verbose");
        var rest = args.Skip(1).Where(a => a != "--verbose").ToArray();
        try
        {
            switch (args[0])
            {
                case "check":
                    if (rest.Contains("--help")) return Print(output, CheckCommand.Help);
                    return CheckCommand.Run(rest, output);
                default:
                    throw new UsageException($"error: unknown command `{args[0]}`; run `marginrules --help`");
            }
        }
        catch (UsageException e)
        {
            error.WriteLine(e.Message);
            return ExitCodes.UsageError;
        }
        catch (IOException e)
        {
            error.WriteLine($"error: {e.Message}");
            if (verbose) error.WriteLine(e);
            return ExitCodes.UsageError;
        }
        catch (UnauthorizedAccessException e)
        {
            error.WriteLine($"error: {e.Message}");
            if (verbose) error.WriteLine(e);
            return ExitCodes.UsageError;
        }
    }

    private static int Print(TextWriter output, string text)
    {
        output.WriteLine(text);
        return ExitCodes.Success;
    }
}
