using System.Text.Json;

namespace MarginRules.Tests.Cli;

/// <summary>
/// <c>marginrules simulate</c> end to end on <see cref="SimulateTestFiles"/>: two long 1-BTC accounts at entry 100
/// with wallets 10 and 18, BTC at 100, linear impact λ = 0.001, insurance fund 100, Binance policy (first bracket:
/// maintenance 0.40% of notional, liquidation fee 0.50% of notional to the insurance fund).
/// </summary>
public sealed class SimulateCommandTests : IDisposable
{
    private readonly SimulateTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    // Worked by hand:
    // Round 1 at 90 (the −10% shock): a has equity 10 − 10 = 0 < 0.36 maintenance → closed at 90, liquidated notional 90;
    //   fee 0.45 leaves its wallet at −0.45 → bad debt 0.45, paid by the fund (100 + 0.45 fee − 0.45 = 100).
    //   b has 18 − 10 = 8 ≥ 0.36 and stays. Selling 1 BTC at 90: 90 × (1 − 0.001 × 90) = 81.9.
    // Round 2 at 81.9: b has 18 − 18.1 = −0.1 < 0.3276 → closed, notional 81.9, fee 0.4095, wallet −0.5095 → bad debt
    //   0.5095 from the fund (100 + 0.4095 − 0.5095 = 99.9). Next price 81.9 × (1 − 0.001 × 81.9) = 75.19239.
    // Round 3 at 75.19239: nothing left to do → fixpoint.
    // Final move 75.19239 / 100 − 1 = −0.2480761; amplification −0.2480761 / −0.1 = 2.480761; total liquidated
    // 90 + 81.9 = 171.9; bad debt and insurance drawn 0.45 + 0.5095 = 0.9595; penalties: the fees 0.45 + 0.4095 =
    // 0.8595, all to the insurance fund.
    [Fact]
    public void Prints_each_round_and_the_summary_of_a_hand_worked_spiral()
    {
        var (code, output, error) = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%");

        error.ShouldBe(string.Empty);
        code.ShouldBe(0);
        output.ShouldBe($"""
            Market {_files.MarketPath}; 1 venue: perps (2 accounts, Binance USDS-M BTCUSDT tiered margin)
            Shock BTC=-10%

            round    BTC  calls  top-ups  liquidations  liquidated  bad debt  fund perps  ADL
                1  90.00      0        0             1       90.00      0.45      100.00    0
                2  81.90      0        0             1       81.90      0.51       99.90    0
                3  75.19      0        0             0        0.00      0.00       99.90    0

            Summary
            asset  initial shock  final move  amplification
            BTC          -10.00%     -24.81%          2.48×

            total liquidated     171.90
            accounts liquidated  2 of 2
            margin calls         0
            top-ups              0 (0.00)
            bad debt             0.96
            penalties            insurance 0.86
            insurance drawn      0.96
            ADL events           0
            socialised loss      0.00
            rounds               3
            stopped              fixpoint: the last round changed nothing

            """);
    }

    [Fact]
    public void Json_output_carries_the_exact_numbers_of_the_hand_worked_spiral()
    {
        var (code, output, error) = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%", "--json");

        (code, error).ShouldBe((0, string.Empty));
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        var summary = root.GetProperty("summary");

        // The numbers of the worked example above, without rounding.
        summary.GetProperty("initialShock").GetProperty("BTC").GetDecimal().ShouldBe(-0.1m);
        summary.GetProperty("finalMove").GetProperty("BTC").GetDecimal().ShouldBe(-0.2480761m);
        summary.GetProperty("amplification").GetProperty("BTC").GetDecimal().ShouldBe(2.480761m);
        summary.GetProperty("totalLiquidated").GetDecimal().ShouldBe(171.9m);
        summary.GetProperty("badDebt").GetDecimal().ShouldBe(0.9595m);
        summary.GetProperty("insuranceDrawn").GetDecimal().ShouldBe(0.9595m);
        summary.GetProperty("accountsLiquidated").GetInt32().ShouldBe(2);
        summary.GetProperty("rounds").GetInt32().ShouldBe(3);
        summary.GetProperty("stopReason").GetString().ShouldBe("fixpoint");
        root.GetProperty("finalPrices").GetProperty("BTC").GetDecimal().ShouldBe(75.19239m);
        root.GetProperty("report").ValueKind.ShouldBe(JsonValueKind.Null);

        var rounds = root.GetProperty("rounds");
        rounds.GetArrayLength().ShouldBe(3);
        rounds[1].GetProperty("prices").GetProperty("BTC").GetDecimal().ShouldBe(81.9m);
        rounds[1].GetProperty("badDebt").GetDecimal().ShouldBe(0.5095m);
        rounds[1].GetProperty("insuranceFunds").GetProperty("perps").GetDecimal().ShouldBe(99.9m);
        root.GetProperty("venues")[0].GetProperty("accounts").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void The_round_limit_stops_a_run_that_is_still_moving()
    {
        // With one round the run ends after round 1 of the worked example, while b is still to be liquidated.
        var (code, output, _) = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%", "--rounds", "1", "--json");

        code.ShouldBe(0);
        var summary = JsonDocument.Parse(output).RootElement.GetProperty("summary");
        summary.GetProperty("stopReason").GetString().ShouldBe("roundLimit");
        summary.GetProperty("rounds").GetInt32().ShouldBe(1);

        // After round 1's impact the price is 81.9 (worked example): −18.1%.
        summary.GetProperty("finalMove").GetProperty("BTC").GetDecimal().ShouldBe(-0.181m);
    }

    [Fact]
    public void Results_do_not_depend_on_the_thread_count()
    {
        var one = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%", "--threads", "1", "--json");
        var two = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%", "--threads", "2", "--json");
        two.Out.ShouldBe(one.Out);
    }

    [Fact]
    public void A_scenario_file_gives_a_shock_path_by_name()
    {
        var scenarios = _files.Write("scenarios.json", """
            { "scenarios": [
              { "name": "gap", "steps": [ { "BTC": "-10%" } ] },
              { "name": "two-steps", "description": "Two falls of 5%.", "steps": [ { "BTC": "-5%" }, { "BTC": -0.05 } ] }
            ] }
            """);

        var (code, output, _) = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", scenarios + "#two-steps");

        code.ShouldBe(0);
        output.ShouldContain("Shock scenario `two-steps` (BTC=-5% | BTC=-5%) over 2 steps\n");

        // 0.95 × 0.95 − 1 = −0.0975.
        output.ShouldContain("BTC           -9.75%");
    }

    [Fact]
    public void A_following_asset_takes_its_leaders_shock()
    {
        _files.Write("market.json", """
            { "assets": { "BTC": { "price": 100, "impact": { "model": "linear", "lambda": 0.001 } },
                          "WBTC": { "price": 100, "follows": "BTC" } },
              "instruments": { "BTCUSDT": "BTC" } }
            """);

        var (code, output, _) = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%");

        code.ShouldBe(0);
        output.ShouldContain("Shock BTC=-10% (WBTC follows BTC)\n");

        // WBTC moves −10% with BTC; nothing sells WBTC, so it stays at 90 and its amplification is 1.
        output.ShouldContain("round    BTC   WBTC  calls");
        output.ShouldContain("    1  90.00  90.00      0");
        output.ShouldContain("WBTC         -10.00%     -10.00%          1.00×");
    }

    [Fact]
    public void Venue_files_set_parameters_reserves_and_responses()
    {
        // The venue's settings reach the run: the JSON echoes them, and the 1% fee replaces the policy's 0.50%.
        _files.Write("venue.json", """
            { "name": "perps", "policy": "binance-btcusdt.margin", "portfolio": "portfolio.json", "insurance_fund": 100,
              "reserves": { "a": 5 }, "response": { "top_up_probability": "50%", "top_up_fraction": 1, "seed": 7 },
              "parameters": { "liquidation_fee": "1%" } }
            """);

        var (code, output, _) = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%", "--json");

        code.ShouldBe(0);
        var venue = JsonDocument.Parse(output).RootElement.GetProperty("venues")[0];
        venue.GetProperty("parameters").GetProperty("liquidation_fee").GetString().ShouldBe("1%");

        // Round 1: a is closed at 90 with a 1% fee: 0.90 to the fund, and bad debt 0.90 drawn back from it.
        var round = JsonDocument.Parse(output).RootElement.GetProperty("rounds")[0];
        round.GetProperty("badDebt").GetDecimal().ShouldBe(0.9m);
    }

    [Fact]
    public void A_csv_portfolio_gives_the_same_run_as_the_json_one()
    {
        // The two accounts of SimulateTestFiles.Portfolio, written as CSV rows (docs/data-formats.md, "CSV portfolios").
        _files.Write("portfolio.csv", """
            account,kind,symbol,quantity,entry_price,isolated,isolated_margin,wallet,tags,call_rounds
            a,account,,,,,,10,,
            a,position,BTCUSDT,1,100,,,,,
            b,account,,,,,,18,,
            b,position,BTCUSDT,1,100,,,,,

            """);
        var csvVenue = _files.Write("csv-venue.json", """{ "name": "perps", "policy": "binance-btcusdt.margin", "portfolio": "portfolio.csv", "insurance_fund": 100 }""");

        var json = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%");
        var csv = SimulateTestFiles.Run("simulate", csvVenue, "--market", _files.MarketPath, "--shock", "BTC=-10%");

        csv.Code.ShouldBe(0);
        csv.Out.ShouldBe(json.Out);
    }

    [Fact]
    public void Impact_models_take_the_names_and_bid_objects_of_policy_test_files_too()
    {
        // Bids 0.5 @ 95 and 10 @ 80. The −10% shock sets the reference to 90; a's sale of 1 BTC uses up the first level
        // (0.5) and reaches the second, so the mark is min(80, 90) = 80. At 80, b (wallet 18, 1 BTC from 100) has −2 of
        // equity and is closed too; 2 BTC sold in all still sits in the second level, so the price stays 80.
        // Final move 80 / 100 − 1 = −0.2; amplification −0.2 / −0.1 = 2.
        _files.Write("market.json", """
            { "assets": { "BTC": { "price": 100, "impact": { "model": "order_book",
                "bids": [ { "price": 95, "quantity": 0.5 }, { "price": 80, "quantity": 10 } ] } },
                          "ETH": { "price": 10, "impact": { "model": "square_root", "y": 1, "sigma": 0.02, "daily_volume": 1000 } } },
              "instruments": { "BTCUSDT": "BTC" } }
            """);

        var (code, output, _) = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%", "--json");

        code.ShouldBe(0);
        var summary = JsonDocument.Parse(output).RootElement.GetProperty("summary");
        summary.GetProperty("finalMove").GetProperty("BTC").GetDecimal().ShouldBe(-0.2m);
        summary.GetProperty("amplification").GetProperty("BTC").GetDecimal().ShouldBe(2m);
        summary.GetProperty("accountsLiquidated").GetInt32().ShouldBe(2);
    }

    [Fact]
    public void Help_shows_usage_options_and_an_example()
    {
        var (code, output, _) = SimulateTestFiles.Run("simulate", "--help");
        code.ShouldBe(0);
        output.ShouldStartWith("Usage: marginrules simulate <venue files…> --market <file> --shock");
        output.ShouldContain("--report <file>");
        output.ShouldContain("Example:\n  marginrules simulate examples/venues/binance-perps.json examples/venues/aave-lending.json");
    }
}
