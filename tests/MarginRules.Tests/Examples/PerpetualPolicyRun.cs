using MarginRules.Cli;

namespace MarginRules.Tests.Examples;

/// <summary>Runs the <c>marginrules</c> command line in process on files written to a temporary folder.</summary>
internal sealed class PerpetualPolicyRun : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marginrules-perps-").FullName;

    /// <summary>Writes a file into the temporary folder and returns its path.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The lines of <c>eval --liquidation-price</c> that report the falling and rising prices, runs of spaces made one.</summary>
    public (string Falling, string Rising) LiquidationPrices(string policy, string account, string market, string asset)
    {
        var (code, output, error) = Run("eval", TestData.ExamplePath("policies", policy), "--account", Write("account.json", account),
            "--market", Write("market.json", market), "--liquidation-price", asset);
        error.ShouldBeEmpty();
        code.ShouldBe(ExitCodes.Success);
        var lines = output.Split('\n');
        return (Line(lines, "Falling"), Line(lines, "Rising"));
    }

    private static string Line(string[] lines, string start) =>
        string.Join(' ', lines.Single(l => l.TrimStart().StartsWith(start, StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    /// <summary>Runs the command line and returns its exit code and both streams.</summary>
    public static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, new CliConsole(output, error, false));
        return (code, output.ToString(), error.ToString());
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
