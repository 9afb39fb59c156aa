using System.Collections.Generic;
using MarginRules.Cli.Commands;

namespace MarginRules.Cli;

/// <summary>Every command, in the order <c>marginrules --help</c> lists them.</summary>
internal static class CommandRegistry
{
    public static IReadOnlyList<ICommand> All { get; } =
    [
        new CheckCommand(),
        new FmtCommand(),
        new EvalCommand(),
        new SimulateCommand(),
        new SweepCommand(),
        new GenerateCommand(),
        new TestCommand(),
        new InitCommand(),
    ];
}
