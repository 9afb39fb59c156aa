using System.Text.Json;
using MarginRules.Cli;

namespace MarginRules.Tests.Cli;

/// <summary><c>marginrules eval</c> end to end: the assessment table, the trace, JSON, overrides, the liquidation price and every bad input.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private static readonly string RegT = TestData.ExamplePath("policies", "regt-finra-4210.margin");
    private static readonly string Binance = TestData.ExamplePath("policies", "binance-btcusdt.margin");

    private readonly string _dir = Directory.CreateTempSubdirectory("marginrules-eval-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Reg_T_after_the_call_expires_prints_the_sell_out_with_steps_and_repayments()
    {
        // PUBLISHED.md, "Broker stock margin": 100 shares bought at 100 with a 5,000 loan, now at 60 (MV 6,000).
        // Equity 6,000 − 5,000 = 1,000; initial 50% × 6,000 = 3,000; maintenance 25% × 6,000 = 1,500; call 1,500 − 1,000 = 500.
        // Three rounds outstanding expire the call: sell x until 1,000 / (6,000 − x) = 25%, x = 2,000 (RegTExampleTests),
        // 2,000 / 60 = 33.333333 shares, repaying 2,000 of the 5,000 loan (the base). Ratio 1,000 / 6,000 = 16.666667%.
        var (code, output, error) = Run("eval", RegT, "--account", RegTAccount(callRounds: 3), "--market", RegTMarket(60m));

        error.ShouldBeEmpty();
        code.ShouldBe(ExitCodes.Success);
        output.ShouldBe("""
            Policy       Reg T + FINRA 4210 long stock margin (version 2024-01, USD)
            Account      broker-1
            Status       liquidatable
            Equity       1,000 USD
            Initial      3,000 USD
            Maintenance  1,500 USD
            Margin call  500 USD within 3 rounds (3 outstanding, expired)
            Liquidation  sell_out (sells holdings, size restore)
              Base       5,000 USD
              Target     2,000 USD
              Amount     2,000 USD
              Chunk      none
              Penalties  none

            Liquidation steps
              Step  Item  Symbol  Quantity   Value      Seized     Penalties
                 1     0  STOCK   33.333333  2,000 USD  2,000 USD  none

            Repayments
              Item  Asset  Quantity  Value
                 0  USD       2,000  2,000 USD

            Exports
              equity_ratio  16.666667%

            """);
    }

    [Fact]
    public void Reg_T_short_only_after_the_call_expires_prints_the_buy_in_steps()
    {
        // regt-finra-4210-shorts.tests.json, "short only": 75,000 in the wallet, short 1,000 XYZ at 60. Equity 15,000;
        // initial 50% × 60,000 = 30,000; maintenance 30% × 60,000 = 18,000; call 3,000. buy_in: 30% × (60,000 − x) =
        // 15,000 ⇔ x = 10,000 of the 60,000 short (the base), 10,000 / 60 = 166.666667 shares, paid from the wallet.
        var account = Write("short.json", """{ "id": "short-only", "wallet": 75000, "debts": [ { "asset": "XYZ", "quantity": 1000 } ], "call_rounds": 3 }""");
        var market = Write("short-market.json", """{ "assets": { "XYZ": { "price": 60 }, "USD": { "price": 1 } } }""");

        var (code, output, error) = Run("eval", TestData.ExamplePath("policies", "regt-finra-4210-shorts.margin"), "--account", account, "--market", market);

        error.ShouldBeEmpty();
        code.ShouldBe(ExitCodes.Success);
        output.ShouldStartWith("""
            Policy       Reg T + FINRA 4210 long and short stock margin (version 2024-01, USD)
            Account      short-only
            Status       liquidatable
            Equity       15,000 USD
            Initial      30,000 USD
            Maintenance  18,000 USD
            Margin call  3,000 USD within 3 rounds (3 outstanding, expired)
            Liquidation  buy_in (buys in debts, size restore)
              Base       60,000 USD
              Target     10,000 USD
              Amount     10,000 USD
              Chunk      none
              Penalties  none

            Buy-in steps
              Step  Debt  Asset  Bought      Value       Paid        Penalties
                 1     0  XYZ    166.666667  10,000 USD  10,000 USD  none

            Exports
            """);
    }

    [Fact]
    public void Binance_close_out_prints_penalties_and_adl_ranks()
    {
        // Long 5 BTCUSDT from 52,000 with a 15,000 wallet, marked at 49,000: upnl 5 × −3,000 = −15,000, equity 0.
        // Notional 245,000 is bracket 2: MM = 245,000 × 0.5% − 50 = 1,175; initial 245,000 / 20 = 12,250.
        // 0 < 1,175 closes all 245,000 with the 0.5% clearance fee, 1,225, to insurance. ADL: upnl < 0, so
        // rank = −15,000 / max(0, 1) = −15,000. Margin ratio: equity ≤ 0 gives 100%.
        var market = Write("market.json", """{ "assets": { "BTCUSDT": { "price": 49000 } } }""");
        var (code, output, _) = Run("eval", Binance, "--account", BinanceAccount(), "--market", market);

        code.ShouldBe(ExitCodes.Success);
        output.ShouldBe("""
            Policy       Binance USDS-M BTCUSDT tiered margin (version 2021-05, USD)
            Account      trader-7
            Status       liquidatable
            Equity       0 USD
            Initial      12,250 USD
            Maintenance  1,175 USD
            Margin call  none
            Liquidation  close_out (closes positions, size all)
              Base       245,000 USD
              Target     245,000 USD
              Amount     245,000 USD
              Chunk      none
              Penalties  insurance 1,225 USD

            Liquidation steps
              Step  Item  Symbol   Quantity  Value        Seized       Penalties
                 1     0  BTCUSDT         5  245,000 USD  245,000 USD  insurance 1,225 USD

            ADL ranks
              Position  Symbol   Size  Rank
                     0  BTCUSDT     5  -15,000

            Exports
              margin_ratio  100%

            """);
    }

    [Fact]
    public void Explain_prints_each_value_with_its_position_unit_and_expression()
    {
        // At 100: long value 100 × 100 = 10,000, loan 5,000, equity 5,000, initial 5,000, maintenance 2,500, ratio 0.5.
        // Positions are those of the declarations in examples/policies/regt-finra-4210.margin.
        var (code, output, _) = Run("eval", RegT, "--account", RegTAccount(), "--market", RegTMarket(100m), "--explain");

        code.ShouldBe(ExitCodes.Success);
        output.ShouldBe("""
            Policy       Reg T + FINRA 4210 long stock margin (version 2024-01, USD)
            Account      broker-1
            Status       healthy
            Equity       5,000 USD
            Initial      5,000 USD
            Maintenance  2,500 USD
            Margin call  none
            Liquidation  none

            Exports
              equity_ratio  50%

            Trace
              Line:Col  Name          Value  Unit   Expression
              9:5       long_value    10000  money  sum(h in holdings: h.value)
              10:5      loan           5000  money  sum(d in debts: d.value)
              12:1      equity         5000  money  account.wallet + long_value - loan
              13:1      initial        5000  money  long_value * initial_rate
              14:1      maintenance    2500  money  long_value * maintenance_rate
              16:8      equity_ratio    0.5  ratio  if long_value > 0 then equity / long_value else 100%

            """);
    }

    [Fact]
    public void Explain_lists_the_accounts_own_values_once_even_when_a_restore_liquidation_reevaluates()
    {
        // The expired call sizes its sell-out by re-evaluating the policy; the trace still shows six values.
        var (_, output, _) = Run("eval", RegT, "--account", RegTAccount(callRounds: 3), "--market", RegTMarket(60m), "--explain");
        var trace = output[output.IndexOf("Trace\n", StringComparison.Ordinal)..].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        trace.Length.ShouldBe(8); // the title, the header and six values
        trace[2].ShouldBe("  9:5       long_value                              6000  money  sum(h in holdings: h.value)");
    }

    [Fact]
    public void Liquidation_price_of_a_linked_asset_reports_the_instrument_price_at_the_boundary()
    {
        // Long 5 BTCUSDT from 52,000, wallet 15,000; BTCUSDT moves with BTC by the prefix rule. Entry bracket 3, LP bracket 2:
        // LP = (15,000 + 50 − 260,000) / (0.025 − 5) = 49,236.1809… (LiquidationPriceSolverTests); lowest safe cent 49,236.19.
        // At the entry price equity 15,000, initial 260,000 / 20 = 13,000, MM 260,000 × 1% − 1,300 = 1,300, ratio 8.666667%.
        var market = Write("market.json", """{ "assets": { "BTC": { "price": 52000 }, "BTCUSDT": { "price": 52000 } } }""");
        var (code, output, _) = Run("eval", Binance, "--account", BinanceAccount(), "--market", market, "--liquidation-price", "BTC");

        code.ShouldBe(ExitCodes.Success);
        output.ShouldBe("""
            Policy       Binance USDS-M BTCUSDT tiered margin (version 2021-05, USD)
            Account      trader-7
            Status       healthy
            Equity       15,000 USD
            Initial      13,000 USD
            Maintenance  1,300 USD
            Margin call  none
            Liquidation  none

            ADL ranks
              Position  Symbol   Size  Rank
                     0  BTCUSDT     5     0

            Exports
              margin_ratio  8.666667%

            Liquidation price of BTC (current 52,000; moving BTC, BTCUSDT)
              Falling  49,236.19  the lowest price not yet liquidatable; below it: liquidatable (boundary 49,236.180905; BTCUSDT 49,236.19)
              Rising        none  no price up to 52,000,000 liquidates

            """);
    }

    [Fact]
    public void Margin_call_price_on_a_finer_tick_is_the_published_66_6667()
    {
        // PUBLISHED.md [D]: MV < 6,666.67 calls, i.e. a price of 66.6667 for 100 shares; on a 0.0001 tick 66.6667 is the
        // lowest price without a call (66.6666: equity 1,666.66 < 1,666.665). Nothing liquidates before the call expires.
        var (code, output, _) = Run("eval", RegT, "--account", RegTAccount(), "--market", RegTMarket(100m),
            "--liquidation-price", "STOCK", "--status", "margin-call", "--tick", "0.0001");

        code.ShouldBe(ExitCodes.Success);
        output.ShouldEndWith("""
            Margin-call price of STOCK (current 100; moving STOCK)
              Falling  66.6667  the lowest price without a margin call; below it: margin call (boundary 66.666667)
              Rising      none  no price up to 100,000 brings a margin call

            """);

        var (_, liquidation, _) = Run("eval", RegT, "--account", RegTAccount(), "--market", RegTMarket(100m), "--liquidation-price", "STOCK");
        liquidation.ShouldEndWith("""
            Liquidation price of STOCK (current 100; moving STOCK)
              Falling  none  no price down to 0.0000001 liquidates
              Rising   none  no price up to 100,000 liquidates

            """);
    }

    [Fact]
    public void An_account_already_past_the_boundary_says_so()
    {
        var (_, output, _) = Run("eval", RegT, "--account", RegTAccount(), "--market", RegTMarket(60m), "--liquidation-price", "STOCK", "--status", "margin-call");
        output.ShouldEndWith("""
            Margin-call price of STOCK (current 60; moving STOCK)
              The account is already called at the current price.

            """);
    }

    [Fact]
    public void Instrument_of_links_a_symbol_that_does_not_share_the_prefix()
    {
        // XBTUSDT carries the position; by name it would not move with BTC. Mapped, the Binance long from above gets
        // its 49,236.19 back (BTC and XBTUSDT both at 52,000, so they move one for one).
        var account = Write("xbt-account.json", """{ "id": "x", "wallet": 15000, "positions": [ { "symbol": "XBTUSDT", "size": 5, "entry_price": 52000 } ] }""");
        var market = Write("market.json", """{ "assets": { "BTC": { "price": 52000 }, "XBTUSDT": { "price": 52000 } } }""");

        var (_, unlinked, _) = Run("eval", Binance, "--account", account, "--market", market, "--liquidation-price", "BTC");
        unlinked.ShouldContain("Falling  none  no price down to 0.000052 liquidates");

        var (code, linked, _) = Run("eval", Binance, "--account", account, "--market", market, "--liquidation-price", "BTC", "--instrument-of", "XBTUSDT=BTC");
        code.ShouldBe(ExitCodes.Success);
        linked.ShouldContain("(current 52,000; moving BTC, XBTUSDT)");
        linked.ShouldContain("Falling  49,236.19  the lowest price not yet liquidatable");
    }

    [Fact]
    public void Param_overrides_replace_the_policy_defaults()
    {
        // maintenance_rate 30% of MV 6,000 = 1,800 (the policy's default is 25%: 1,500).
        var (code, output, _) = Run("eval", RegT, "--account", RegTAccount(), "--market", RegTMarket(60m), "--param", "maintenance_rate=30%");
        code.ShouldBe(ExitCodes.Success);
        output.ShouldContain("Maintenance  1,800 USD\n");
        output.ShouldContain("Margin call  800 USD within 3 rounds (0 outstanding)\n"); // 1,800 − 1,000
    }

    [Fact]
    public void Json_output_carries_every_number_exactly()
    {
        var (code, output, error) = Run("eval", RegT, "--account", RegTAccount(callRounds: 3), "--market", RegTMarket(60m),
            "--json", "--explain", "--liquidation-price", "STOCK", "--status", "margin-call");

        code.ShouldBe(ExitCodes.Success);
        error.ShouldBeEmpty();
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("policy").GetProperty("name").GetString().ShouldBe("Reg T + FINRA 4210 long stock margin");
        root.GetProperty("policy").GetProperty("file").GetString().ShouldBe(RegT);
        root.GetProperty("account").GetString().ShouldBe("broker-1");
        root.GetProperty("status").GetString().ShouldBe("liquidatable");
        root.GetProperty("equity").GetDecimal().ShouldBe(1_000m);
        root.GetProperty("initial").GetDecimal().ShouldBe(3_000m);
        root.GetProperty("maintenance").GetDecimal().ShouldBe(1_500m);
        var call = root.GetProperty("marginCall");
        call.GetProperty("amount").GetDecimal().ShouldBe(500m);
        call.GetProperty("deadlineRounds").GetInt32().ShouldBe(3);
        call.GetProperty("expired").GetBoolean().ShouldBeTrue();
        var liquidation = root.GetProperty("liquidation");
        liquidation.GetProperty("rule").GetString().ShouldBe("sell_out");
        liquidation.GetProperty("target").GetString().ShouldBe("holdings");
        liquidation.GetProperty("size").GetString().ShouldBe("restore");
        liquidation.GetProperty("chunk").ValueKind.ShouldBe(JsonValueKind.Null);
        var step = liquidation.GetProperty("steps")[0];
        step.GetProperty("symbol").GetString().ShouldBe("STOCK");
        step.GetProperty("quantity").GetDecimal().ShouldBe(2_000m / 60m);   // exact, not the 6 decimals of the table
        liquidation.GetProperty("repayments")[0].GetProperty("value").GetDecimal().ShouldBe(2_000m);
        root.GetProperty("adlRanks").ValueKind.ShouldBe(JsonValueKind.Null);
        root.GetProperty("exports").GetProperty("equity_ratio").GetDecimal().ShouldBe(1_000m / 6_000m);

        var trace = root.GetProperty("trace");
        trace.GetArrayLength().ShouldBe(6);
        trace[0].GetProperty("name").GetString().ShouldBe("long_value");
        trace[0].GetProperty("kind").GetString().ShouldBe("definition");
        trace[0].GetProperty("line").GetInt32().ShouldBe(9);
        trace[0].GetProperty("description").GetString().ShouldBe("Market value of the long stock");

        var price = root.GetProperty("liquidationPrice");
        price.GetProperty("threshold").GetString().ShouldBe("marginCall");
        price.GetProperty("alreadyReached").GetBoolean().ShouldBeTrue();
        price.GetProperty("falling").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void Json_liquidation_price_gives_the_boundary_and_each_moving_price()
    {
        var market = Write("market.json", """{ "assets": { "BTC": { "price": 52000 }, "BTCUSDT": { "price": 52000 } } }""");
        var (_, output, _) = Run("eval", Binance, "--account", BinanceAccount(), "--market", market, "--liquidation-price", "BTC", "--json");

        using var doc = JsonDocument.Parse(output);
        var price = doc.RootElement.GetProperty("liquidationPrice");
        price.GetProperty("movingSymbols").EnumerateArray().Select(e => e.GetString()).ShouldBe(["BTC", "BTCUSDT"]);
        price.GetProperty("tick").GetDecimal().ShouldBe(0.01m);
        var falling = price.GetProperty("falling");
        falling.GetProperty("price").GetDecimal().ShouldBe(49_236.19m);   // LiquidationPriceSolverTests: 244,950 / 4.975, to the cent
        falling.GetProperty("statusBeyond").GetString().ShouldBe("liquidatable");
        Math.Abs(falling.GetProperty("boundary").GetDecimal() - 244_950m / 4.975m).ShouldBeLessThan(0.0000001m);
        falling.GetProperty("prices").GetProperty("BTCUSDT").GetDecimal().ShouldBe(49_236.19m);
        price.GetProperty("rising").ValueKind.ShouldBe(JsonValueKind.Null);
        doc.RootElement.GetProperty("adlRanks")[0].GetProperty("symbol").GetString().ShouldBe("BTCUSDT");
    }

    [Fact]
    public void Status_is_coloured_only_when_colour_is_on()
    {
        var (_, output, _) = Run(color: true, "eval", RegT, "--account", RegTAccount(), "--market", RegTMarket(60m));
        output.ShouldContain("Status       \u001b[33mmargin call\u001b[0m\n");
        output.ShouldContain("Equity       1,000 USD\n"); // the escape codes do not widen the column
    }

    [Fact]
    public void A_parameter_of_the_wrong_unit_is_one_line_and_exit_2()
    {
        // maintenance_rate is declared on line 6 of the example; the name starts in column 7.
        var (code, output, error) = Run("eval", RegT, "--account", RegTAccount(), "--market", RegTMarket(60m), "--param", "maintenance_rate=5 USD");

        code.ShouldBe(ExitCodes.UsageError);
        output.ShouldBeEmpty();
        error.ShouldBe($"{RegT}:6:7: error MR0213: parameter `maintenance_rate` is ratio; the override `5 USD` is not\n");
    }

    [Fact]
    public void An_unknown_parameter_suggests_the_close_one()
    {
        var (code, _, error) = Run("eval", RegT, "--account", RegTAccount(), "--market", RegTMarket(60m), "--param", "maintenance_rat=30%");
        code.ShouldBe(ExitCodes.UsageError);
        error.ShouldBe($"{RegT}:1:1: error MR0111: the policy has no parameter `maintenance_rat` to override; did you mean `maintenance_rate`?\n");
    }

    [Theory]
    [InlineData("maintenance_rate", "error: --param takes name=value, not `maintenance_rate`")]
    [InlineData("=30%", "error: --param takes name=value, not `=30%`")]
    public void A_param_without_a_name_and_value_is_a_usage_error(string param, string expected)
    {
        var (code, _, error) = Run("eval", RegT, "--account", RegTAccount(), "--market", RegTMarket(60m), "--param", param);
        code.ShouldBe(ExitCodes.UsageError);
        error.ShouldBe(expected + "\n");
    }

    [Fact]
    public void A_policy_with_errors_prints_its_diagnostics_and_exits_1()
    {
        var policy = Write("broken.margin", "policy \"b\" currency USD\nequity = account.walet\nmaintenance = 5%\n");
        var (code, output, error) = Run("eval", policy, "--account", RegTAccount(), "--market", RegTMarket(60m));

        code.ShouldBe(ExitCodes.Failure);
        output.ShouldBeEmpty();
        error.ShouldBe($"""
            {policy}:2:18: error MR0103: the account has no member `walet`
             2 | equity = account.walet
               |                  ^~~~~
               = help: did you mean `wallet`?

            {policy}:3:15: error MR0201: expected money, found ratio
             3 | maintenance = 5%
               |               ^~

            {policy}: 2 errors; nothing evaluated

            """);

        // With --json the diagnostics also go to standard output, as JSON.
        var (_, json, _) = Run("eval", policy, "--account", RegTAccount(), "--market", RegTMarket(60m), "--json");
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).ShouldBe(["MR0103", "MR0201"]);
    }

    [Fact]
    public void Missing_files_are_named()
    {
        var missing = Path.Combine(_dir, "nope.json");
        Run("eval", Path.Combine(_dir, "nope.margin"), "--account", RegTAccount(), "--market", RegTMarket(60m))
            .ShouldBe((ExitCodes.UsageError, "", $"{Path.Combine(_dir, "nope.margin")}: error: no such file\n"));
        Run("eval", RegT, "--account", missing, "--market", RegTMarket(60m)).ShouldBe((ExitCodes.UsageError, "", $"{missing}: error: no such file\n"));
        Run("eval", RegT, "--account", RegTAccount(), "--market", missing).ShouldBe((ExitCodes.UsageError, "", $"{missing}: error: no such file\n"));
    }

    [Fact]
    public void Malformed_json_names_the_file_line_and_column()
    {
        // The trailing comma after 5000 is at line 2, column 19.
        var account = Write("bad.json", "{ \"id\": \"a\",\n  \"wallet\": 5000, }\n");
        var (code, output, error) = Run("eval", RegT, "--account", account, "--market", RegTMarket(60m));

        code.ShouldBe(ExitCodes.UsageError);
        output.ShouldBeEmpty();
        error.ShouldBe($"{account}:2:19: error: invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode (at $)\n");
    }

    [Fact]
    public void A_symbol_the_market_does_not_list_is_an_input_error()
    {
        var account = Write("acct.json", """{ "id": "a", "holdings": [ { "asset": "STOK", "quantity": 1 } ] }""");
        var (code, _, error) = Run("eval", RegT, "--account", account, "--market", RegTMarket(60m));
        code.ShouldBe(ExitCodes.UsageError);
        // The asset's string starts at column 39 of the one-line file.
        error.ShouldBe($"{account}:1:39: error: the market does not list \"STOK\"; did you mean \"STOCK\"? (at holdings[0].asset)\n");
    }

    [Fact]
    public void An_unknown_asset_for_the_liquidation_price_lists_what_the_market_has()
    {
        var market = RegTMarket(60m);
        var (code, output, error) = Run("eval", RegT, "--account", RegTAccount(), "--market", market, "--liquidation-price", "GOLD");
        code.ShouldBe(ExitCodes.UsageError);
        output.ShouldBeEmpty();
        error.ShouldBe($"{market}: error: the market does not list `GOLD`, the asset of --liquidation-price; it lists STOCK, USD\n");
    }

    [Theory]
    [InlineData(new[] { "--status", "margin-call" }, "error: --status only applies with --liquidation-price")]
    [InlineData(new[] { "--liquidation-price", "STOCK", "--status", "called" }, "error: --status takes liquidatable or margin-call, not `called`")]
    [InlineData(new[] { "--liquidation-price", "STOCK", "--tick", "0" }, "error: --tick takes a positive number such as 0.01, not `0`")]
    [InlineData(new[] { "--liquidation-price", "STOCK", "--tick", "1,5" }, "error: --tick takes a positive number such as 0.01, not `1,5`")]
    [InlineData(new[] { "--liquidation-price", "STOCK", "--instrument-of", "STOCK" }, "error: --instrument-of takes INSTRUMENT=ASSET, not `STOCK`")]
    [InlineData(new[] { "--acount", "x" }, "error: unknown option --acount; did you mean --account?")]
    public void Bad_options_are_usage_errors(string[] extra, string expected)
    {
        var (code, _, error) = Run(["eval", RegT, "--account", RegTAccount(), "--market", RegTMarket(60m), .. extra]);
        code.ShouldBe(ExitCodes.UsageError);
        error.ShouldBe(expected + "\n");
    }

    [Fact]
    public void An_instrument_mapping_to_an_unlisted_instrument_is_an_input_error()
    {
        var market = RegTMarket(60m);
        var (code, _, error) = Run("eval", RegT, "--account", RegTAccount(), "--market", market, "--liquidation-price", "STOCK", "--instrument-of", "STOCKX=STOCK");
        code.ShouldBe(ExitCodes.UsageError);
        error.ShouldBe($"{market}: error: the market does not list `STOCKX`, named by --instrument-of; it lists STOCK, USD\n");
    }

    [Fact]
    public void Missing_arguments_are_usage_errors()
    {
        Run("eval", RegT, "--market", RegTMarket(60m)).ShouldBe((ExitCodes.UsageError, "", "error: --account is required\n"));
        Run("eval", "--account", RegTAccount(), "--market", RegTMarket(60m)).ShouldBe((ExitCodes.UsageError, "", "error: name exactly one policy file\n"));
    }

    [Fact]
    public void An_evaluation_error_names_the_expression_and_exits_2()
    {
        var policy = Write("div.margin", "policy \"div\" currency USD\nequity = account.wallet\nmaintenance = account.wallet / count(h in holdings)\n");
        var account = Write("empty.json", """{ "id": "empty", "wallet": 5 }""");
        var (code, _, error) = Run("eval", policy, "--account", account, "--market", RegTMarket(60m));
        code.ShouldBe(ExitCodes.UsageError);
        error.ShouldBe($"{policy}:3:32: error: division by zero (account `empty`)\n");
    }

    [Fact]
    public void An_evaluation_error_at_a_trial_price_says_it_happened_during_the_search()
    {
        // sqrt of (value − 5,000) × 1 USD is fine at 60 (value 6,000) but fails once the falling search passes 50.
        var policy = Write("sqrt.margin", "policy \"s\" currency USD\nequity = sum(h in holdings: h.value)\nmaintenance = sqrt((sum(h in holdings: h.value) - 5_000 USD) * 1 USD)\nliquidation all_out {\n  when equity < maintenance\n  take h in holdings\n  size all\n}\n");
        var account = Write("holder.json", """{ "id": "a", "holdings": [ { "asset": "X", "quantity": 100 } ] }""");
        var market = Write("x-market.json", """{ "assets": { "X": { "price": 60 } } }""");

        Run("eval", policy, "--account", account, "--market", market).Code.ShouldBe(ExitCodes.Success);
        var (code, output, error) = Run("eval", policy, "--account", account, "--market", market, "--liquidation-price", "X");
        code.ShouldBe(ExitCodes.UsageError);
        output.ShouldBeEmpty();
        error.ShouldBe($"{policy}:3:15: error: square root of a negative number (account `a`), at a trial price of `X` while searching its liquidation price\n");
    }

    [Fact]
    public void Help_shows_usage_and_an_example()
    {
        var (code, output, _) = Run("eval", "--help");
        code.ShouldBe(ExitCodes.Success);
        output.ShouldStartWith("Usage: marginrules eval <policy> --account <json> --market <json>");
        output.ShouldContain("Example:\n  marginrules eval examples/policies/binance-btcusdt.margin");
    }

    private string RegTAccount(int callRounds = 0) =>
        Write($"regt-account-{callRounds}.json", $$"""
            { "id": "broker-1", "holdings": [ { "asset": "STOCK", "quantity": 100 } ], "debts": [ { "asset": "USD", "quantity": 5000 } ], "call_rounds": {{callRounds}} }
            """);

    private string RegTMarket(decimal price) =>
        Write($"regt-market-{price}.json", $$"""{ "assets": { "STOCK": { "price": {{price}} }, "USD": { "price": 1 } } }""");

    private string BinanceAccount() =>
        Write("binance-account.json", """
            { "id": "trader-7", "wallet": 15000, "positions": [ { "symbol": "BTCUSDT", "size": 5, "entry_price": 52000, "isolated": true, "isolated_margin": 15000 } ] }
            """);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => Run(false, args);

    private static (int Code, string Output, string Error) Run(bool color, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, new CliConsole(output, error, color));
        return (code, output.ToString(), error.ToString());
    }
}
