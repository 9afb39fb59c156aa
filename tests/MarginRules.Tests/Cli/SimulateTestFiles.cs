using MarginRules.Cli;

namespace MarginRules.Tests.Cli;

/// <summary>
/// A temporary folder holding a tiny simulation that can be followed by hand: BTC at 100 with linear impact
/// λ = 0.001 per unit of notional, one venue on the Binance policy with two long 1-BTC accounts (wallets 10 and 18)
/// and an insurance fund of 100. Tests add or overwrite files to make bad inputs.
/// </summary>
internal sealed class SimulateTestFiles : IDisposable
{
    public const string Market = """
        { "assets": { "BTC": { "price": 100, "impact": { "model": "linear", "lambda": 0.001 } } },
          "instruments": { "BTCUSDT": "BTC" } }
        """;

    public const string Portfolio = """
        { "accounts": [
          { "id": "a", "wallet": 10, "positions": [ { "symbol": "BTCUSDT", "size": 1, "entry_price": 100 } ] },
          { "id": "b", "wallet": 18, "positions": [ { "symbol": "BTCUSDT", "size": 1, "entry_price": 100 } ] }
        ] }
        """;

    public const string Venue = """
        { "name": "perps", "policy": "binance-btcusdt.margin", "portfolio": "portfolio.json", "insurance_fund": 100 }
        """;

    public SimulateTestFiles()
    {
        Folder = Path.Combine(Path.GetTempPath(), "marginrules-sim-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Write("binance-btcusdt.margin", TestData.ExamplePolicy("binance-btcusdt.margin"));
        Write("market.json", Market);
        Write("portfolio.json", Portfolio);
        Write("venue.json", Venue);
    }

    public string Folder { get; }

    public string MarketPath => PathOf("market.json");

    public string VenuePath => PathOf("venue.json");

    public string PathOf(string file) => Path.Combine(Folder, file);

    public string Write(string file, string text)
    {
        var path = PathOf(file);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Runs the command line in-process and returns the exit code and both outputs, with line ends normalised.</summary>
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = CliApp.Run(args, new CliConsole(output, error, color: false));
        return (code, output.ToString().Replace("\r\n", "\n"), error.ToString().Replace("\r\n", "\n"));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless; failing the test over it would hide the real result.
        }
    }
}
