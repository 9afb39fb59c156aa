using MarginRules.Assessment;
using MarginRules.Cli;
using MarginRules.Data;

namespace MarginRules.Tests.Cli;

/// <summary><c>marginrules generate</c>: reproducible files in both formats, reserves, healthy accounts and every bad input.</summary>
public sealed class GenerateCommandTests : IDisposable
{
    private static readonly string MarketPath = TestData.ExamplePath("markets", "october-2025.json");

    private readonly string _dir = Directory.CreateTempSubdirectory("marginrules-generate-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void The_checked_in_october_portfolio_is_what_the_documented_command_makes()
    {
        // The command of docs/policies.md#october-2025, written to a temporary file, gives the checked-in text byte for byte.
        var output = Path.Combine(_dir, "october-2025.json");
        var (code, stdout, error) = Run("generate", "perpetual", "--market", MarketPath, "--instruments", "BTCUSDT", "--accounts", "2000",
            "--seed", "20251010", "--median-leverage", "10", "--tail-share", "0.25", "--short-share", "0.3", "--output", output);

        error.ShouldBeEmpty();
        code.ShouldBe(ExitCodes.Success);
        stdout.ShouldStartWith("Generated 2,000 perpetual accounts (2,000 positions, ");
        File.ReadAllText(output).ShouldBe(File.ReadAllText(TestData.ExamplePath("portfolios", "october-2025.json")).Replace("\r\n", "\n"));
    }

    [Fact]
    public void The_checked_in_hyperliquid_portfolio_is_what_the_documented_command_makes()
    {
        var output = Path.Combine(_dir, "october-2025-hyperliquid.json");
        var (code, _, error) = Run("generate", "perpetual", "--market", MarketPath, "--instruments", "BTC-PERP", "--accounts", "1000",
            "--seed", "20251011", "--median-leverage", "10", "--tail-share", "0.25", "--tail-max-leverage", "40", "--short-share", "0.3",
            "--id-prefix", "hl-", "--output", output);

        error.ShouldBeEmpty();
        code.ShouldBe(ExitCodes.Success);
        File.ReadAllText(output).ShouldBe(File.ReadAllText(TestData.ExamplePath("portfolios", "october-2025-hyperliquid.json")).Replace("\r\n", "\n"));
    }

    [Fact]
    public void Every_hyperliquid_account_is_healthy_under_its_policy_at_the_starting_price()
    {
        // The generator checks the BTCUSDT brackets (0.4%–0.5% here); Hyperliquid's BTC MM is 1.25%, so the tail is capped at
        // 40x: a margin balance of at least notional / 40 = 2.5% of notional is twice the 1.25%.
        var policy = MarginPolicy.Compile(TestData.ExamplePolicy("hyperliquid.margin"), "hyperliquid.margin");
        var market = TestData.Market(("BTC-PERP", 122_000m));
        foreach (var account in AccountJson.LoadPortfolio(TestData.ExamplePath("portfolios", "october-2025-hyperliquid.json")))
            policy.Evaluate(account, market).Status.ShouldBe(MarginStatus.Healthy, account.Id);
    }

    [Fact]
    public void The_seed_alone_decides_the_accounts()
    {
        var first = Generate("a.json", "7");
        var again = Generate("b.json", "7");
        var other = Generate("c.json", "8");

        File.ReadAllText(again).ShouldBe(File.ReadAllText(first));
        File.ReadAllText(other).ShouldNotBe(File.ReadAllText(first));
    }

    [Fact]
    public void Csv_and_json_hold_the_same_accounts()
    {
        var json = AccountJson.LoadPortfolio(Generate("p.json", "11"));
        var csv = PortfolioCsv.Load(Generate("p.csv", "11"));

        csv.Count.ShouldBe(50);
        csv.Select(a => (a.Id, a.Wallet, string.Join(";", a.Positions))).ShouldBe(json.Select(a => (a.Id, a.Wallet, string.Join(";", a.Positions))));
    }

    [Fact]
    public void Reserves_travel_as_tags_that_a_venue_file_reads()
    {
        var portfolio = Generate("r.json", "3", "--reserves");
        var accounts = AccountJson.LoadPortfolio(portfolio);

        accounts.ShouldAllBe(a => a.Tags.Length == 1 && a.Tags[0].StartsWith("reserve:", StringComparison.Ordinal));

        // A venue with "reserves": "portfolio" accepts the tags (a malformed one would be an input error, exit 2).
        var venue = Path.Combine(_dir, "venue.json");
        File.WriteAllText(venue, $$"""{ "policy": "{{TestData.ExamplePath("policies", "binance-usdm.margin").Replace("\\", "/")}}", "portfolio": "r.json", "reserves": "portfolio" }""");
        var (code, _, error) = Run("simulate", venue, "--market", MarketPath, "--shock", "BTC=-1%", "--json");
        error.ShouldBeEmpty();
        code.ShouldBe(ExitCodes.Success);
    }

    [Fact]
    public void Every_generated_account_is_healthy_under_the_binance_policy_at_the_starting_price()
    {
        // docs/populations.md: every perpetual account starts at least 10% above maintenance under the BTCUSDT brackets,
        // the brackets of binance-usdm.margin.
        var policy = MarginPolicy.Compile(TestData.ExamplePolicy("binance-usdm.margin"), "binance-usdm.margin");
        var market = TestData.Market(("BTCUSDT", 122_000m));
        foreach (var account in AccountJson.LoadPortfolio(TestData.ExamplePath("portfolios", "october-2025.json")))
        {
            var a = policy.Evaluate(account, market);
            a.Status.ShouldBe(MarginStatus.Healthy, account.Id);
            a.Equity.ShouldBeGreaterThanOrEqualTo(a.Maintenance * 1.1m, account.Id);
        }
    }

    [Theory]
    [InlineData("error: name the kind of population to generate, `perpetual` (given: none)")]
    [InlineData("error: name the kind of population to generate, `perpetual` (given: `lending`)", "lending")]
    [InlineData("error: --seed takes a whole number from 0 to 18446744073709551615, not `-1`", "perpetual", "--seed", "-1")]
    [InlineData("error: --median-leverage takes a number such as 0.5 or 12, not `ten`", "perpetual", "--median-leverage", "ten")]
    [InlineData("error: --instruments: the market {market} does not list `XBTUSD`", "perpetual", "--instruments", "XBTUSD")]
    [InlineData("error: --accounts takes a whole number from 1 to 10000000, not `0`", "perpetual", "--accounts", "0")]
    public void Bad_input_is_one_line_and_exit_2(string expected, params string[] args)
    {
        var all = new List<string> { "generate" };
        all.AddRange(args);
        foreach (var (option, value) in new[] { ("--market", MarketPath), ("--instruments", "BTCUSDT"), ("--accounts", "10"), ("--seed", "1"), ("--output", Path.Combine(_dir, "x.json")) })
        {
            if (!all.Contains(option)) all.AddRange([option, value]);
        }

        var (code, stdout, error) = Run([.. all]);

        code.ShouldBe(ExitCodes.UsageError);
        stdout.ShouldBeEmpty();
        error.ShouldBe(expected.Replace("{market}", MarketPath) + "\n");
        File.Exists(Path.Combine(_dir, "x.json")).ShouldBeFalse();
    }

    [Fact]
    public void Inconsistent_population_options_are_reported_by_the_generator()
    {
        var (code, _, error) = Run("generate", "perpetual", "--market", MarketPath, "--instruments", "BTCUSDT", "--accounts", "10", "--seed", "1",
            "--tail-share", "1.5", "--output", Path.Combine(_dir, "y.json"));

        code.ShouldBe(ExitCodes.UsageError);
        error.ShouldStartWith("error: ");
        error.ShouldContain("--tail-share");
        error.ShouldNotContain("TailShare");
        error.ShouldNotContain("(Parameter");
    }

    [Fact]
    public void A_median_leverage_below_one_names_the_flags()
    {
        // The generator's default tail starts at 20× leverage (PerpetualVenue.TailMinimumLeverage).
        var (code, _, error) = Run("generate", "perpetual", "--market", MarketPath, "--instruments", "BTCUSDT", "--accounts", "10", "--seed", "1",
            "--median-leverage", "0", "--output", Path.Combine(_dir, "z.json"));

        code.ShouldBe(ExitCodes.UsageError);
        error.ShouldBe("error: --median-leverage must be from 1 to --tail-min-leverage (20), found 0\n");
    }

    [Fact]
    public void An_output_that_cannot_be_written_is_one_error_line()
    {
        var (code, _, error) = Run("generate", "perpetual", "--market", MarketPath, "--instruments", "BTCUSDT", "--accounts", "3", "--seed", "1",
            "--output", "/proc/not-writable.json");

        code.ShouldBe(ExitCodes.UsageError);
        error.ShouldStartWith("error: ");
        error.ShouldContain("/proc/not-writable.json");
        error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
    }

    private string Generate(string file, string seed, params string[] extra)
    {
        var path = Path.Combine(_dir, file);
        var (code, _, error) = Run(["generate", "perpetual", "--market", MarketPath, "--instruments", "BTCUSDT", "--accounts", "50", "--seed", seed, "--output", path, .. extra]);
        error.ShouldBeEmpty();
        code.ShouldBe(ExitCodes.Success);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, new CliConsole(output, error, false));
        return (code, output.ToString(), error.ToString());
    }
}
