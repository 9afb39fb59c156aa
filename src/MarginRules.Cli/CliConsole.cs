using System;
using System.IO;

namespace MarginRules.Cli;

/// <summary>Where commands write: standard output and error, and whether colour is on (off when output is redirected or NO_COLOR is set).</summary>
public sealed class CliConsole
{
    /// <summary>Creates a console over two writers.</summary>
    public CliConsole(TextWriter output, TextWriter error, bool color)
    {
        Out = output;
        Error = error;
        Color = color;
    }

    /// <summary>Human and machine output.</summary>
    public TextWriter Out { get; }

    /// <summary>Errors and progress.</summary>
    public TextWriter Error { get; }

    /// <summary>True when ANSI colours may be written to <see cref="Out"/>.</summary>
    public bool Color { get; }

    /// <summary>The console of the running process, with colour decided by the environment.</summary>
    public static CliConsole FromEnvironment() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")));

    /// <summary>Wraps text in an ANSI colour when colour is on.</summary>
    public string Paint(string text, AnsiColor color) => Color ? $"\u001b[{(int)color}m{text}\u001b[0m" : text;
}
