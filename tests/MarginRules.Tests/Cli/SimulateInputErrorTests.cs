namespace MarginRules.Tests.Cli;

/// <summary>Every bad input of <c>marginrules simulate</c> is one line on stderr naming the file and position, and exit code 2.</summary>
public sealed class SimulateInputErrorTests : IDisposable
{
    private readonly SimulateTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private void ShouldFail(string expected, params string[] args)
    {
        var (code, output, error) = SimulateTestFiles.Run(args);
        error.ShouldBe(expected + "\n");
        output.ShouldBe(string.Empty);
        code.ShouldBe(2);
    }

    private void ShouldFailWithMarket(string market, string expected)
    {
        var path = _files.Write("market.json", market);
        ShouldFail(expected.Replace("MARKET", path), "simulate", _files.VenuePath, "--market", path, "--shock", "BTC=-10%");
    }

    private void ShouldFailWithVenue(string venue, string expected)
    {
        var path = _files.Write("venue.json", venue);
        ShouldFail(expected.Replace("VENUE", path).Replace("FOLDER", _files.Folder), "simulate", path, "--market", _files.MarketPath, "--shock", "BTC=-10%");
    }

    private string[] Simulate(string shock) => ["simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", shock];

    [Fact]
    public void Unknown_asset_in_the_shock_names_the_column() =>
        ShouldFail("error: --shock `BTC=-5%,BTX=-10%`: column 9: unknown asset `BTX`; did you mean `BTC`?", Simulate("BTC=-5%,BTX=-10%"));

    [Fact]
    public void A_move_without_a_percent_sign_names_the_column() =>
        ShouldFail("error: --shock `BTC=-10`: column 5: `-10` needs a `%` sign; a move is a percentage such as `-20%`", Simulate("BTC=-10"));

    [Fact]
    public void The_market_is_required() =>
        ShouldFail("error: --market is required", "simulate", _files.VenuePath, "--shock", "BTC=-10%");

    [Fact]
    public void The_shock_is_required() =>
        ShouldFail("error: --shock is required", "simulate", _files.VenuePath, "--market", _files.MarketPath);

    [Fact]
    public void A_venue_file_is_required() =>
        ShouldFail("error: name at least one venue file, such as examples/venues/binance-perps.json", "simulate", "--market", _files.MarketPath, "--shock", "BTC=-10%");

    [Fact]
    public void A_missing_market_file_is_named() =>
        ShouldFail($"{_files.PathOf("nope.json")}: error: no such file", "simulate", _files.VenuePath, "--market", _files.PathOf("nope.json"), "--shock", "BTC=-10%");

    [Fact]
    public void A_missing_venue_file_is_named() =>
        ShouldFail($"{_files.PathOf("nope.json")}: error: no such file", "simulate", _files.PathOf("nope.json"), "--market", _files.MarketPath, "--shock", "BTC=-10%");

    [Fact]
    public void A_misspelt_option_gets_a_suggestion() =>
        ShouldFail("error: unknown option --shok; did you mean --shock?", "simulate", _files.VenuePath, "--market", _files.MarketPath, "--shok", "BTC=-10%");

    [Fact]
    public void The_round_limit_must_be_at_least_one() =>
        ShouldFail("error: --rounds takes a whole number from 1 to 100000, not `0`", [.. Simulate("BTC=-10%"), "--rounds", "0"]);

    // Column 40 is the brace after the trailing comma: `{ "assets": { "BTC": { "price": 100 }, } }`.
    [Fact]
    public void Malformed_market_json_names_line_and_column() =>
        ShouldFailWithMarket("""{ "assets": { "BTC": { "price": 100 }, } }""",
            "MARKET:1:40: error: invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode (at assets)");

    [Fact]
    public void An_unknown_impact_model_gets_a_suggestion() =>
        ShouldFailWithMarket("""
            { "assets": {
                "BTC": { "price": 100, "impact": { "model": "lineer", "lambda": 0.001 } } } }
            """,
            "MARKET:2:49: error: unknown impact model \"lineer\"; did you mean \"linear\"? (at assets.BTC.impact.model)");

    [Fact]
    public void A_parameter_of_another_model_is_an_unknown_field() =>
        ShouldFailWithMarket("""
            { "assets": {
                "BTC": { "price": 100, "impact": { "model": "linear", "alpha": 0.001 } } } }
            """,
            "MARKET:2:59: error: unknown field \"alpha\"; known fields are \"model\", \"lambda\" (at assets.BTC.impact.alpha)");

    [Fact]
    public void A_misspelt_asset_field_gets_a_suggestion() =>
        ShouldFailWithMarket("""{ "assets": { "BTC": { "price": 100, "volatilty": 0.5 } } }""",
            "MARKET:1:38: error: unknown field \"volatilty\"; did you mean \"volatility\"? (at assets.BTC.volatilty)");

    [Fact]
    public void A_missing_price_is_placed_at_the_asset() =>
        ShouldFailWithMarket("""{ "assets": { "BTC": { "volatility": 0.5 } } }""",
            "MARKET:1:22: error: missing field \"price\" (at assets.BTC.price)");

    [Fact]
    public void A_negative_open_interest_is_rejected() =>
        ShouldFailWithMarket("""{ "assets": { "BTC": { "price": 100, "open_interest": -1.5 } } }""",
            "MARKET:1:55: error: open_interest must not be negative, found -1.5 (at assets.BTC.open_interest)");

    [Fact]
    public void A_price_of_zero_is_rejected() =>
        ShouldFailWithMarket("""{ "assets": { "BTC": { "price": 0 } } }""",
            "MARKET:1:33: error: price must be positive, found 0 (at assets.BTC.price)");

    [Fact]
    public void A_negative_impact_coefficient_is_rejected() =>
        ShouldFailWithMarket("""{ "assets": { "BTC": { "price": 1, "impact": { "model": "linear", "lambda": -1 } } } }""",
            "MARKET:1:77: error: lambda must not be negative, found -1 (at assets.BTC.impact.lambda)");

    [Fact]
    public void A_bid_ladder_must_fall() =>
        ShouldFailWithMarket("""{ "assets": { "BTC": { "price": 100, "impact": { "model": "orderbook", "bids": [[99, 1], [99.5, 2]] } } } }""",
            "MARKET:1:91: error: bid prices must fall strictly from the best bid; 99.5 is not below 99 (at assets.BTC.impact.bids[1][0])");

    [Fact]
    public void A_follower_must_name_a_listed_asset() =>
        ShouldFailWithMarket("""{ "assets": { "BTC": { "price": 100 }, "WBTC": { "price": 100, "follows": "BTX" } } }""",
            "MARKET:1:75: error: unknown asset \"BTX\"; did you mean \"BTC\"? (at assets.WBTC.follows)");

    [Fact]
    public void An_instrument_must_name_a_listed_underlying() =>
        ShouldFailWithMarket("""{ "assets": { "BTC": { "price": 100 } }, "instruments": { "BTCUSDT": "ETH" } }""",
            "MARKET:1:70: error: unknown asset \"ETH\"; the market lists BTC (at instruments.BTCUSDT)");

    [Fact]
    public void An_unknown_venue_field_gets_a_suggestion() =>
        ShouldFailWithVenue("""{ "policy": "binance-btcusdt.margin", "portfolio": "portfolio.json", "insurance_fnd": 5 }""",
            "VENUE:1:70: error: unknown field \"insurance_fnd\"; did you mean \"insurance_fund\"? (at insurance_fnd)");

    [Fact]
    public void A_missing_policy_file_is_placed_at_its_path_in_the_venue_file() =>
        ShouldFailWithVenue("""{ "policy": "nope.margin", "portfolio": "portfolio.json" }""",
            "VENUE:1:13: error: no such file \"FOLDER/nope.margin\" (paths are relative to the venue file) (at policy)");

    [Fact]
    public void A_missing_portfolio_is_required() =>
        ShouldFailWithVenue("""{ "policy": "binance-btcusdt.margin" }""",
            "VENUE:1:1: error: missing field \"portfolio\" (at portfolio)");

    [Fact]
    public void A_csv_portfolio_error_names_the_csv_file_and_its_position()
    {
        _files.Write("portfolio.csv", "account,kind,symbol,quantity,entry_price,isolated,isolated_margin,wallet,tags,call_rounds\na,position,ETHUSDT,1,100,,,,,\n");
        var (code, _, error) = SimulateTestFiles.Run("simulate", _files.Write("venue.json", """{ "policy": "binance-btcusdt.margin", "portfolio": "portfolio.csv" }"""),
            "--market", _files.MarketPath, "--shock", "BTC=-10%");

        code.ShouldBe(2);
        error.ShouldStartWith($"{_files.PathOf("portfolio.csv")}:2:");
        error.ShouldContain("ETHUSDT");
        error.Count(c => c == '\n').ShouldBe(1);
    }

    [Fact]
    public void A_portfolio_error_names_the_portfolio_file()
    {
        _files.Write("portfolio.json", """{ "accounts": [ { "id": "a", "positions": [ { "symbol": "ETHUSDT", "size": 1, "entry_price": 1 } ] } ] }""");
        ShouldFailWithVenue(SimulateTestFiles.Venue,
            "FOLDER/portfolio.json:1:57: error: the market does not list \"ETHUSDT\"; did you mean \"BTCUSDT\"? (at accounts[0].positions[0].symbol)");
    }

    [Fact]
    public void A_parameter_of_the_wrong_unit_is_placed_at_its_value_in_the_venue_file() =>
        ShouldFailWithVenue("""{ "policy": "binance-btcusdt.margin", "portfolio": "portfolio.json", "parameters": { "liquidation_fee": "5 USD" } }""",
            "VENUE:1:105: error: parameter `liquidation_fee` is ratio; the override `5 USD` is not (MR0213) (at parameters.liquidation_fee)");

    [Fact]
    public void An_unknown_parameter_is_placed_at_its_name_in_the_venue_file() =>
        ShouldFailWithVenue("""{ "policy": "binance-btcusdt.margin", "portfolio": "portfolio.json", "parameters": { "liquidation_feee": "1%" } }""",
            "VENUE:1:86: error: the policy has no parameter `liquidation_feee` to override (MR0111) (at parameters.liquidation_feee)");

    [Fact]
    public void Reserves_must_name_accounts_of_the_portfolio() =>
        ShouldFailWithVenue("""{ "policy": "binance-btcusdt.margin", "portfolio": "portfolio.json", "reserves": { "c": 5 } }""",
            "VENUE:1:84: error: the portfolio has no account \"c\"; did you mean \"a\"? (at reserves.c)");

    [Fact]
    public void A_top_up_probability_above_one_is_rejected() =>
        ShouldFailWithVenue("""{ "policy": "binance-btcusdt.margin", "portfolio": "portfolio.json", "response": { "top_up_probability": 1.5 } }""",
            "VENUE:1:106: error: top_up_probability must be from 0 to 1 (0% to 100%), found 1.5 (at response.top_up_probability)");

    [Fact]
    public void A_field_given_twice_is_placed_at_its_second_name() =>
        ShouldFailWithVenue("""{ "policy": "binance-btcusdt.margin", "policy": "x.margin", "portfolio": "portfolio.json" }""",
            "VENUE:1:39: error: duplicate field \"policy\"; first defined at 1:3 (at policy)");

    [Fact]
    public void A_top_up_probability_may_be_a_percentage_but_not_above_100_percent() =>
        ShouldFailWithVenue("""{ "policy": "binance-btcusdt.margin", "portfolio": "portfolio.json", "response": { "top_up_probability": "150%" } }""",
            "VENUE:1:106: error: top_up_probability must be from 0 to 1 (0% to 100%), found 150% (at response.top_up_probability)");

    [Fact]
    public void A_seed_must_be_whole() =>
        ShouldFailWithVenue("""{ "policy": "binance-btcusdt.margin", "portfolio": "portfolio.json", "response": { "seed": 1.5 } }""",
            "VENUE:1:92: error: seed must be a whole number from 0 to 18446744073709551615, found 1.5 (at response.seed)");

    [Fact]
    public void A_policy_that_does_not_compile_prints_its_first_error()
    {
        _files.Write("broken.margin", "policy \"broken\" currency USD\nequity = nope\nmaintenance = 0\n");
        ShouldFailWithVenue("""{ "policy": "broken.margin", "portfolio": "portfolio.json" }""",
            "FOLDER/broken.margin:2:10: error MR0101: unknown name `nope`");
    }

    [Fact]
    public void Two_venues_with_one_name_are_refused()
    {
        var other = _files.Write("other.json", SimulateTestFiles.Venue);
        ShouldFail($"{other}: error: the venue name `perps` is already used by {_files.VenuePath}; give each venue its own \"name\"",
            "simulate", _files.VenuePath, other, "--market", _files.MarketPath, "--shock", "BTC=-10%");
    }

    [Fact]
    public void A_missing_scenario_file_is_named() =>
        ShouldFail($"{_files.PathOf("nope.json")}: error: no such file", Simulate(_files.PathOf("nope.json")));

    [Fact]
    public void An_unknown_scenario_name_gets_a_suggestion()
    {
        var path = _files.Write("scenarios.json", """{ "scenarios": [ { "name": "crash", "steps": [ { "BTC": "-10%" } ] } ] }""");
        ShouldFail($"error: {path} has no scenario `crsh`; did you mean `crash`?", Simulate(path + "#crsh"));
    }

    [Fact]
    public void A_scenario_with_an_unknown_asset_names_line_and_column()
    {
        var path = _files.Write("scenarios.json", """{ "scenarios": [ { "name": "crash", "steps": [ { "ETH": "-10%" } ] } ] }""");
        ShouldFail($"{path}:1:50: error: unknown asset `ETH`; known assets: BTC (at $.scenarios[0].steps[0].ETH)", Simulate(path));
    }

    [Fact]
    public void A_file_of_several_scenarios_needs_a_name()
    {
        var path = _files.Write("scenarios.json", """
            { "scenarios": [ { "name": "a", "steps": [ { "BTC": "-1%" } ] }, { "name": "b", "steps": [ { "BTC": "-2%" } ] } ] }
            """);
        ShouldFail($"error: {path} holds 2 scenarios (`a`, `b`); pick one as {path}#NAME", Simulate(path));
    }
}
