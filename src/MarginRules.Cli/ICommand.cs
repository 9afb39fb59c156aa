using System.Collections.Generic;

namespace MarginRules.Cli;

/// <summary>One <c>marginrules</c> command.</summary>
public interface ICommand
{
    /// <summary>The command's name, as typed after <c>marginrules</c>.</summary>
    string Name { get; }

    /// <summary>One line for the command list.</summary>
    string Summary { get; }

    /// <summary>The full help: usage, options, an example.</summary>
    string Help { get; }

    /// <summary>Runs the command and returns its exit code (see <see cref="ExitCodes"/>).</summary>
    int Run(IReadOnlyList<string> args, CliConsole console);
}
