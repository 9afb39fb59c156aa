namespace MarginRules.Tests.Cli;

/// <summary>
/// Malformed test files stop <c>marginrules test</c> before any test runs: one line on stderr naming the file, line and
/// column, nothing on stdout, exit code 2. Columns are computed here from the text itself (1-based).
/// </summary>
public sealed class TestCommandInputErrorTests : IDisposable
{
    private const string Account = """{ "id": "a", "holdings": [ { "asset": "STOCK", "quantity": 100 } ], "debts": [ { "asset": "USD", "quantity": 5000 } ] }""";
    private const string Market = """{ "STOCK": { "price": 100 }, "USD": { "price": 1 } }""";

    private readonly TestCommandFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A file whose line 4 is the one test given.</summary>
    private static string FileWith(string test, string policy = "regt.margin") =>
        $$"""
        {
          "policy": "{{policy}}",
          "tests": [
            {{test}}
          ]
        }
        """;

    private static int Column(string line, string marker) => line.IndexOf(marker, StringComparison.Ordinal) + 1;

    private TestCommandRun RunExpectingInputError(string path)
    {
        var run = TestCommandRun.Of("test", path);
        run.Exit.ShouldBe(2);
        run.Out.ShouldBe(string.Empty);
        run.Error.TrimEnd('\n').ShouldNotContain('\n');
        return run;
    }

    [Fact]
    public void Malformed_json_is_reported_at_the_readers_line_and_column()
    {
        var test = $$"""{ "name": "x", "account": {{Account}}, "market": {{Market}}, "expect": { "status": "healthy", } }""";
        var path = _folder.Write("bad.tests.json", FileWith(test));

        var run = RunExpectingInputError(path);

        // System.Text.Json stops at the `}` after the trailing comma: two characters after the comma.
        var column = Column("    " + test, ", }") + 2;
        run.Error.ShouldBe($"{path}:4:{column}: error: invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode (at tests[0].expect)\n");
    }

    [Fact]
    public void An_unknown_expectation_key_suggests_the_closest_one()
    {
        var test = $$"""{ "name": "x", "account": {{Account}}, "market": {{Market}}, "expect": { "liquidation.steps[0].seize": 1 } }""";
        var path = _folder.Write("unknown.tests.json", FileWith(test));

        var run = RunExpectingInputError(path);

        var column = Column("    " + test, "\"liquidation.steps");
        run.Error.ShouldBe($"{path}:4:{column}: error: unknown expectation \"liquidation.steps[0].seize\"; did you mean \"liquidation.steps[0].seized\"? (at tests[0].expect[\"liquidation.steps[0].seize\"])\n");
    }

    [Fact]
    public void An_unknown_top_level_key_suggests_the_closest_one()
    {
        var test = $$"""{ "name": "x", "account": {{Account}}, "market": {{Market}}, "expect": { "maintenence": 2500 } }""";
        var path = _folder.Write("unknown.tests.json", FileWith(test));

        var run = RunExpectingInputError(path);

        var column = Column("    " + test, "\"maintenence\"");
        run.Error.ShouldBe($"{path}:4:{column}: error: unknown expectation \"maintenence\"; did you mean \"maintenance\"? (at tests[0].expect.maintenence)\n");
    }

    [Fact]
    public void An_unknown_cascade_key_suggests_the_closest_one()
    {
        var test = $$"""{ "name": "x", "cascade": { "assets": { "STOCK": { "price": 100 }, "USD": { "price": 1 } }, "venues": [ { "name": "broker", "accounts": [ {{Account}} ] } ], "shock": "STOCK=-40%" }, "expect": { "summary.final_mov.STOCK": -0.4 } }""";
        var path = _folder.Write("cascade.tests.json", FileWith(test));

        var run = RunExpectingInputError(path);

        var column = Column("    " + test, "\"summary.");
        run.Error.ShouldBe($"{path}:4:{column}: error: unknown expectation \"summary.final_mov.STOCK\"; did you mean \"summary.final_move.STOCK\"? (at tests[0].expect[\"summary.final_mov.STOCK\"])\n");
    }

    [Fact]
    public void A_negative_open_interest_in_a_test_market_is_reported_at_the_value()
    {
        var test = $$"""{ "name": "x", "account": {{Account}}, "market": { "STOCK": { "price": 100, "open_interest": -5 }, "USD": { "price": 1 } }, "expect": { "status": "healthy" } }""";
        var path = _folder.Write("oi.tests.json", FileWith(test));

        var run = RunExpectingInputError(path);

        var column = Column("    " + test, "-5 }");
        run.Error.ShouldBe($"{path}:4:{column}: error: open_interest must not be negative, found -5 (at tests[0].market.STOCK.open_interest)\n");
    }

    [Fact]
    public void A_negative_open_interest_of_a_cascade_asset_is_reported_at_the_value()
    {
        var test = $$"""{ "name": "x", "cascade": { "assets": { "STOCK": { "price": 100, "open_interest": -5 }, "USD": { "price": 1 } }, "venues": [ { "name": "broker", "accounts": [ {{Account}} ] } ], "shock": "STOCK=-40%" }, "expect": { "summary.rounds": 1 } }""";
        var path = _folder.Write("cascade-oi.tests.json", FileWith(test));

        var run = RunExpectingInputError(path);

        var column = Column("    " + test, "-5 }");
        run.Error.ShouldBe($"{path}:4:{column}: error: open_interest must not be negative, found -5 (at tests[0].cascade.assets.STOCK.open_interest)\n");
    }

    [Fact]
    public void An_unknown_status_value_suggests_the_closest_one()
    {
        var test = $$"""{ "name": "x", "account": {{Account}}, "market": {{Market}}, "expect": { "status": "helthy" } }""";
        var path = _folder.Write("status.tests.json", FileWith(test));

        var run = RunExpectingInputError(path);

        var column = Column("    " + test, "\"helthy\"");
        run.Error.ShouldBe($"{path}:4:{column}: error: \"helthy\" is not a value of \"status\"; did you mean \"healthy\"? (at tests[0].expect.status)\n");
    }

    [Fact]
    public void A_missing_policy_file_is_reported_at_the_policy_field()
    {
        var path = _folder.Write("missing.tests.json", FileWith("""{ "name": "x", "account": { "id": "a" }, "market": { }, "expect": { "equity": 0 } }""", "nowhere.margin"));

        var run = RunExpectingInputError(path);

        // Line 2 is `  "policy": "nowhere.margin",`: the value starts at column 13.
        run.Error.ShouldBe($"{path}:2:13: error: the policy file \"nowhere.margin\" does not exist (looked for {_folder.File("nowhere.margin")}) (at policy)\n");
    }

    [Fact]
    public void A_parameter_of_the_wrong_unit_is_reported_at_the_override_with_the_declaration()
    {
        var test = $$"""{ "name": "x", "parameters": { "maintenance_rate": "5000 USD" }, "account": {{Account}}, "market": {{Market}}, "expect": { "status": "healthy" } }""";
        var path = _folder.Write("unit.tests.json", FileWith(test));

        var run = RunExpectingInputError(path);

        // `param maintenance_rate …` is line 6 of the policy; its name starts at column 7.
        var column = Column("    " + test, "\"5000 USD\"");
        run.Error.ShouldBe($"{path}:4:{column}: error: parameter `maintenance_rate` is ratio; the override `5000 USD` is not; the parameter is declared at {_folder.File("regt.margin")}:6:7 (at tests[0].parameters.maintenance_rate)\n");
    }

    [Fact]
    public void An_account_error_keeps_the_test_files_position()
    {
        var account = Account.Replace("\"STOCK\", \"quantity\"", "\"STOK\", \"quantity\"", StringComparison.Ordinal);
        var test = $$"""{ "name": "x", "account": {{account}}, "market": {{Market}}, "expect": { "status": "healthy" } }""";
        var path = _folder.Write("account.tests.json", FileWith(test));

        var run = RunExpectingInputError(path);

        var column = Column("    " + test, "\"STOK\"");
        run.Error.ShouldBe($"{path}:4:{column}: error: the market does not list \"STOK\"; did you mean \"STOCK\"? (at tests[0].account.holdings[0].asset)\n");
    }

    [Fact]
    public void A_bad_file_next_to_a_good_one_stops_the_run_before_any_test()
    {
        _folder.Write("a-good.tests.json", FileWith($$"""{ "name": "good", "account": {{Account}}, "market": {{Market}}, "expect": { "equity": 5000 } }"""));
        var bad = _folder.Write("b-bad.tests.json", "{ \"policy\": \"regt.margin\", \"tests\": [ }");

        var run = RunExpectingInputError(_folder.Path);

        run.Error.ShouldStartWith($"{bad}:1:");
    }

    [Fact]
    public void A_missing_path_is_a_usage_error()
    {
        var missing = _folder.File("no-such-folder");

        var run = RunExpectingInputError(missing);

        run.Error.ShouldBe($"{missing}: error: no such file or folder\n");
    }
}
