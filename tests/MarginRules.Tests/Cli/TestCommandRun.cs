using MarginRules.Cli;

namespace MarginRules.Tests.Cli;

/// <summary>Runs <c>marginrules</c> in-process and captures what it prints.</summary>
internal sealed record TestCommandRun(int Exit, string Out, string Error)
{
    public static TestCommandRun Of(params string[] args) => Of(false, args);

    public static TestCommandRun Of(bool color, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = CliApp.Run(args, new CliConsole(output, error, color));
        return new TestCommandRun(exit, output.ToString(), error.ToString());
    }

    public string[] Lines => Out.TrimEnd('\n').Split('\n');
}
