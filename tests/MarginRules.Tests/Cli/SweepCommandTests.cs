using System.Text.Json;

namespace MarginRules.Tests.Cli;

/// <summary><c>marginrules sweep</c> end to end: table shape, the tipping point on constructed cases, JSON output.</summary>
public sealed class SweepCommandTests : IDisposable
{
    // One cross-margin account with no liquidation fee, so a liquidation never leaves bad debt: a sweep of its
    // maintenance rate can only tip over through amplification.
    private const string TinyPolicy = """
        policy "Tiny perps" currency USD

        param maintenance_rate "Maintenance as a share of notional": ratio = 10%

        equity = account.wallet + sum(p in positions: p.upnl)
        maintenance = sum(p in positions: p.notional) * maintenance_rate

        liquidation close_out "Close every position" {
          when equity < maintenance
          take p in positions by p.notional desc
          size all
        }
        """;

    private readonly SimulateTestFiles _files = new();

    public SweepCommandTests()
    {
        _files.Write("tiny.margin", TinyPolicy);
        _files.Write("tiny-portfolio.json", """{ "accounts": [ { "id": "c", "wallet": 30, "positions": [ { "symbol": "BTCUSDT", "size": 1, "entry_price": 100 } ] } ] }""");
        _files.Write("tiny.json", """{ "name": "tiny", "policy": "tiny.margin", "portfolio": "tiny-portfolio.json" }""");
    }

    public void Dispose() => _files.Dispose();

    // Points −2% to −8% leave both accounts of SimulateTestFiles healthy (a, the weaker, keeps 10 − 8 = 2 of equity
    // against 0.368 of maintenance at −8%), so nothing moves and amplification is 1. At −10% the run is the worked
    // example of SimulateCommandTests: amplification 2.480761, 2 accounts, 171.90 liquidated, 0.9595 of bad debt.
    [Fact]
    public void A_shock_sweep_prints_a_row_per_point_and_marks_where_the_spiral_tips_over()
    {
        var (code, output, error) = SimulateTestFiles.Run("sweep", _files.VenuePath, "--market", _files.MarketPath, "--shock-range", "BTC=-2%..-10%/2%");

        error.ShouldBe(string.Empty);
        code.ShouldBe(0);
        output.ShouldBe($"""
            Sweep of BTC shock from -2.00% to -10.00% in 5 points; market {_files.MarketPath}; venues perps (2 accounts)

            BTC shock  amplification BTC  accounts liquidated  total liquidated  bad debt  rounds
               -2.00%              1.00×                    0              0.00      0.00       1
               -4.00%              1.00×                    0              0.00      0.00       1
               -6.00%              1.00×                    0              0.00      0.00       1
               -8.00%              1.00×                    0              0.00      0.00       1
              -10.00%              2.48×                    2            171.90      0.96       3  <- tips over

            Tipping point: BTC shock -10.00%: amplification of BTC rose from 1.00× to 2.48×, more than 0.1; bad debt first appears (0.96).

            """);
    }

    // Account c (wallet 30, long 1 BTC at 100) after a −10% shock has 20 of equity against 90 × rate of maintenance:
    // healthy up to a rate of 22.2%. At 25% and 30% it is closed at 90 with no fee (wallet 20, no bad debt), and the
    // sale of 1 BTC at 90 moves BTC to 90 × (1 − 0.001 × 90) = 81.9: final move −18.1%, amplification 1.81.
    [Fact]
    public void A_parameter_sweep_tips_over_on_a_jump_in_amplification_alone()
    {
        var (code, output, _) = SimulateTestFiles.Run("sweep", _files.PathOf("tiny.json"), "--market", _files.MarketPath,
            "--param-range", "maintenance_rate=10%..30%/5%", "--shock", "BTC=-10%");

        code.ShouldBe(0);
        output.ShouldBe($"""
            Sweep of maintenance_rate from 10% to 30% in 5 points; market {_files.MarketPath}; venues tiny (1 account)
            Shock BTC=-10%; maintenance_rate set on tiny

            maintenance_rate  amplification BTC  accounts liquidated  total liquidated  bad debt  rounds
                         10%              1.00×                    0              0.00      0.00       1
                         15%              1.00×                    0              0.00      0.00       1
                         20%              1.00×                    0              0.00      0.00       1
                         25%              1.81×                    1             90.00      0.00       2  <- tips over
                         30%              1.81×                    1             90.00      0.00       2

            Tipping point: maintenance_rate 25%: amplification of BTC rose from 1.00× to 1.81×, more than 0.1.

            """);
    }

    [Fact]
    public void A_higher_jump_threshold_finds_no_tipping_point()
    {
        // The only jump in the parameter sweep above is 1.81 − 1 = 0.81, below a threshold of 1, and there is no bad debt.
        var (code, output, _) = SimulateTestFiles.Run("sweep", _files.PathOf("tiny.json"), "--market", _files.MarketPath,
            "--param-range", "maintenance_rate=10%..30%/5%", "--shock", "BTC=-10%", "--tip-jump", "1");

        code.ShouldBe(0);
        output.ShouldNotContain("<- tips over");
        output.ShouldEndWith("No tipping point in the range: amplification never rose by more than 1 between neighbouring points and bad debt never first appeared.\n");
    }

    [Fact]
    public void Json_output_has_every_point_and_the_tipping_point()
    {
        var (code, output, _) = SimulateTestFiles.Run("sweep", _files.VenuePath, "--market", _files.MarketPath, "--shock-range", "BTC=-2%..-10%/2%", "--json", "--threads", "2");

        code.ShouldBe(0);
        var root = JsonDocument.Parse(output).RootElement;
        root.GetProperty("sweep").GetProperty("kind").GetString().ShouldBe("shock");
        var points = root.GetProperty("points");
        points.GetArrayLength().ShouldBe(5);
        points[0].GetProperty("value").GetDecimal().ShouldBe(-0.02m);
        points[4].GetProperty("label").GetString().ShouldBe("-10.00%");

        // The −10% point is the worked example of SimulateCommandTests.
        points[4].GetProperty("summary").GetProperty("amplification").GetProperty("BTC").GetDecimal().ShouldBe(2.480761m);
        points[4].GetProperty("summary").GetProperty("badDebt").GetDecimal().ShouldBe(0.9595m);
        var tip = root.GetProperty("tippingPoint");
        tip.GetProperty("index").GetInt32().ShouldBe(4);
        tip.GetProperty("reasons").GetArrayLength().ShouldBe(2);
    }

    [Fact]
    public void A_range_runs_towards_its_end_and_includes_it_only_when_a_step_lands_on_it()
    {
        // From −2% by 3%: −2, −5, −8; the next step, −11%, would pass the end of −10%.
        var (_, output, _) = SimulateTestFiles.Run("sweep", _files.VenuePath, "--market", _files.MarketPath, "--shock-range", "BTC=-2%..-10%/3%", "--json");
        var labels = JsonDocument.Parse(output).RootElement.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("label").GetString()).ToArray();
        labels.ShouldBe(["-2.00%", "-5.00%", "-8.00%"]);
    }

    [Fact]
    public void Help_shows_usage_options_and_an_example()
    {
        var (code, output, _) = SimulateTestFiles.Run("sweep", "--help");
        code.ShouldBe(0);
        output.ShouldStartWith("Usage: marginrules sweep <venue files…> --market <file>");
        output.ShouldContain("--tip-jump X");
        output.ShouldContain("Example:\n  marginrules sweep examples/venues/binance-perps.json");
    }
}
