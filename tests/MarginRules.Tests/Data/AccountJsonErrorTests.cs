using MarginRules.Accounts;
using MarginRules.Data;

namespace MarginRules.Tests.Data;

// One test per way a portfolio or account file can be wrong. Each expected "line:col" in a message is the position of the
// ‸ in the input, which MarkedJson computes from the text and ShouldReport checks against the exception's Line and Column.
public sealed class AccountJsonErrorTests
{
    private static readonly Market Market = new(new Dictionary<string, AssetQuote>
    {
        ["BTCUSDT"] = new(40010m),
        ["ETH"] = new(2500m),
        ["USDC"] = new(1m),
    });

    private static DataFormatException Fail(MarkedJson marked, Market? market = null) =>
        Should.Throw<DataFormatException>(() => AccountJson.ParsePortfolio(marked.Json, market: market));

    [Fact]
    public void Accounts_are_required()
    {
        var m = MarkedJson.Parse("""‸{ }""");

        Fail(m).ShouldReport(m, "accounts", "portfolio.json:1:1: error: missing field \"accounts\" (at accounts)");
    }

    [Fact]
    public void Misspelt_accounts_is_reported_before_it_is_missed()
    {
        var m = MarkedJson.Parse("""{ ‸"acounts": [] }""");

        Fail(m).ShouldReport(m, "acounts", "portfolio.json:1:3: error: unknown field \"acounts\"; did you mean \"accounts\"? (at acounts)");
    }

    [Fact]
    public void Accounts_must_be_an_array()
    {
        var m = MarkedJson.Parse("""{ "accounts": ‸{ "id": "a1" } }""");

        Fail(m).ShouldReport(m, "accounts", "portfolio.json:1:15: error: expected an array, found an object (at accounts)");
    }

    [Fact]
    public void Unknown_account_field_suggests_the_close_name()
    {
        var m = MarkedJson.Parse("""
            { "accounts": [
              { "id": "a1", "wallet": 1 },
              { "id": "a2", ‸"walet": 5000 }
            ] }
            """);

        Fail(m).ShouldReport(m, "accounts[1].walet", "portfolio.json:3:17: error: unknown field \"walet\"; did you mean \"wallet\"? (at accounts[1].walet)");
    }

    [Fact]
    public void Unknown_account_field_without_a_close_name_lists_the_known_ones()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", ‸"balance": 5 } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].balance",
            "portfolio.json:1:31: error: unknown field \"balance\"; known fields are \"id\", \"wallet\", \"positions\", \"holdings\", \"debts\", \"tags\", \"call_rounds\", \"rounds_since_liquidation\" (at accounts[0].balance)");
    }

    [Fact]
    public void Duplicate_field_where_both_were_defined()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "wallet": 1, ‸"wallet": 2 } ] }""");

        // The first "wallet" starts at column 31, after `{ "accounts": [ { "id": "a1", ` (30 characters).
        Fail(m).ShouldReport(m, "accounts[0].wallet", "portfolio.json:1:44: error: duplicate field \"wallet\"; first defined at 1:31 (at accounts[0].wallet)");
    }

    [Fact]
    public void Id_is_required()
    {
        var m = MarkedJson.Parse("""
            { "accounts": [
              ‸{ "wallet": 5000 }
            ] }
            """);

        Fail(m).ShouldReport(m, "accounts[0].id", "portfolio.json:2:3: error: missing field \"id\" (at accounts[0].id)");
    }

    [Fact]
    public void Id_must_not_be_empty()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": ‸"" } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].id", "portfolio.json:1:25: error: id must not be empty (at accounts[0].id)");
    }

    [Fact]
    public void Id_must_be_a_string()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": ‸17 } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].id", "portfolio.json:1:25: error: expected a string, found a number (at accounts[0].id)");
    }

    [Fact]
    public void Duplicate_account_ids_where_the_first_was_used()
    {
        var m = MarkedJson.Parse("""
            { "accounts": [
              { "id": "a1" },
              { "id": "a2" },
              { "wallet": 3, "id": ‸"a1" }
            ] }
            """);

        // The first "a1" value starts at line 2, column 11: `  { "id": ` is 10 characters.
        Fail(m).ShouldReport(m, "accounts[2].id", "portfolio.json:4:24: error: duplicate account id \"a1\"; first used at 2:11 (at accounts[2].id)");
    }

    [Fact]
    public void Wallet_of_wrong_json_type()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "wallet": ‸[5000] } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].wallet", "portfolio.json:1:41: error: expected a number, found an array (at accounts[0].wallet)");
    }

    [Fact]
    public void Position_entry_price_must_not_be_negative()
    {
        var m = MarkedJson.Parse("""
            { "accounts": [ { "id": "a1", "positions": [
                { "symbol": "BTCUSDT", "size": 1, "entry_price": ‸-1 }
            ] } ] }
            """);

        Fail(m).ShouldReport(m, "accounts[0].positions[0].entry_price",
            "portfolio.json:2:54: error: entry_price must not be negative, found -1 (at accounts[0].positions[0].entry_price)");
    }

    [Fact]
    public void Position_isolated_margin_must_not_be_negative()
    {
        var m = MarkedJson.Parse("""
            { "accounts": [ { "id": "a1", "positions": [
                { "symbol": "BTCUSDT", "size": 1, "entry_price": 1 },
                { "symbol": "BTCUSDT", "size": 1, "entry_price": 1, "isolated": true, "isolated_margin": ‸"-0.01" }
            ] } ] }
            """);

        Fail(m).ShouldReport(m, "accounts[0].positions[1].isolated_margin",
            "portfolio.json:3:94: error: isolated_margin must not be negative, found -0.01 (at accounts[0].positions[1].isolated_margin)");
    }

    [Fact]
    public void Position_size_is_required()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "positions": [ ‸{ "symbol": "BTCUSDT", "entry_price": 1 } ] } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].positions[0].size", "portfolio.json:1:46: error: missing field \"size\" (at accounts[0].positions[0].size)");
    }

    [Fact]
    public void Position_isolated_must_be_a_boolean()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "positions": [ { "symbol": "BTCUSDT", "size": 1, "entry_price": 1, "isolated": ‸"true" } ] } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].positions[0].isolated",
            "portfolio.json:1:110: error: expected true or false, found a string (at accounts[0].positions[0].isolated)");
    }

    [Fact]
    public void Position_field_typo_suggests_the_close_name()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "positions": [ { "symbol": "BTCUSDT", "size": 1, ‸"entryPrice": 1 } ] } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].positions[0].entryPrice",
            "portfolio.json:1:80: error: unknown field \"entryPrice\"; did you mean \"entry_price\"? (at accounts[0].positions[0].entryPrice)");
    }

    [Fact]
    public void Holding_quantity_must_not_be_negative()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "holdings": [ { "asset": "ETH", "quantity": ‸-2 } ] } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].holdings[0].quantity",
            "portfolio.json:1:75: error: quantity must not be negative, found -2 (at accounts[0].holdings[0].quantity)");
    }

    [Fact]
    public void Debt_quantity_must_not_be_negative()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "debts": [ { "asset": "USDC", "quantity": ‸-1000 } ] } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].debts[0].quantity",
            "portfolio.json:1:73: error: quantity must not be negative, found -1000 (at accounts[0].debts[0].quantity)");
    }

    [Fact]
    public void Holding_quantity_is_required()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "holdings": [ ‸{ "asset": "ETH" } ] } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].holdings[0].quantity", "portfolio.json:1:45: error: missing field \"quantity\" (at accounts[0].holdings[0].quantity)");
    }

    [Fact]
    public void Tags_must_be_strings()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "tags": ["café", ‸7] } ] }""");

        // "é" is one character but two UTF-8 bytes; the column counts characters.
        Fail(m).ShouldReport(m, "accounts[0].tags[1]", "portfolio.json:1:48: error: expected a string, found a number (at accounts[0].tags[1])");
    }

    [Fact]
    public void Call_rounds_must_be_whole()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "call_rounds": ‸1.5 } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].call_rounds", "portfolio.json:1:46: error: call_rounds must be a whole number, found 1.5 (at accounts[0].call_rounds)");
    }

    [Fact]
    public void Call_rounds_must_not_be_negative()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "call_rounds": ‸-1 } ] }""");

        Fail(m).ShouldReport(m, "accounts[0].call_rounds", "portfolio.json:1:46: error: call_rounds must not be negative, found -1 (at accounts[0].call_rounds)");
    }

    [Fact]
    public void Rounds_since_liquidation_must_be_whole_and_not_negative()
    {
        // `{ "accounts": [ { "id": "a1", "rounds_since_liquidation": ` is 58 characters, so the value is at column 59.
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "rounds_since_liquidation": ‸-2 } ] }""");
        Fail(m).ShouldReport(m, "accounts[0].rounds_since_liquidation", "portfolio.json:1:59: error: rounds_since_liquidation must not be negative, found -2 (at accounts[0].rounds_since_liquidation)");

        m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "rounds_since_liquidation": ‸0.5 } ] }""");
        Fail(m).ShouldReport(m, "accounts[0].rounds_since_liquidation", "portfolio.json:1:59: error: rounds_since_liquidation must be a whole number, found 0.5 (at accounts[0].rounds_since_liquidation)");
    }

    [Fact]
    public void Call_rounds_must_fit_an_int()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "call_rounds": ‸2147483648 } ] }""");

        // int.MaxValue = 2^31 - 1 = 2147483647.
        Fail(m).ShouldReport(m, "accounts[0].call_rounds", "portfolio.json:1:46: error: call_rounds must be at most 2147483647, found 2147483648 (at accounts[0].call_rounds)");
    }

    [Fact]
    public void Position_symbol_the_market_does_not_list_suggests_a_close_one()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "positions": [ { "symbol": ‸"BTCUSD", "size": 1, "entry_price": 1 } ] } ] }""");

        Fail(m, Market).ShouldReport(m, "accounts[0].positions[0].symbol",
            "portfolio.json:1:58: error: the market does not list \"BTCUSD\"; did you mean \"BTCUSDT\"? (at accounts[0].positions[0].symbol)");
    }

    [Fact]
    public void Holding_asset_the_market_does_not_list()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "holdings": [ { "asset": ‸"SOLANA", "quantity": 1 } ] } ] }""");

        Fail(m, Market).ShouldReport(m, "accounts[0].holdings[0].asset",
            "portfolio.json:1:56: error: the market does not list \"SOLANA\" (at accounts[0].holdings[0].asset)");
    }

    [Fact]
    public void Debt_asset_the_market_does_not_list()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "debts": [ { "quantity": 1, "asset": ‸"usdc" } ] } ] }""");

        // Symbols are case-sensitive, and a name that differs only in case is always the suggestion.
        Fail(m, Market).ShouldReport(m, "accounts[0].debts[0].asset",
            "portfolio.json:1:68: error: the market does not list \"usdc\"; did you mean \"USDC\"? (at accounts[0].debts[0].asset)");
    }

    [Fact]
    public void Unlisted_symbols_are_accepted_without_a_market()
    {
        var accounts = AccountJson.ParsePortfolio("""{ "accounts": [ { "id": "a1", "debts": [ { "quantity": 1, "asset": "usdc" } ] } ] }""");

        accounts[0].Debts.ShouldBe([new Debt("usdc", 1m)]);
    }

    [Fact]
    public void Single_account_errors_have_paths_from_the_root()
    {
        var m = MarkedJson.Parse("""
            {
              "id": "a1",
              "positions": [ { "symbol": "BTCUSDT", "size": ‸"1,5", "entry_price": 1 } ]
            }
            """);

        var e = Should.Throw<DataFormatException>(() => AccountJson.ParseAccount(m.Json));
        e.ShouldReport(m, "positions[0].size", "account.json:3:49: error: \"1,5\" is not a number (at positions[0].size)");
    }

    [Fact]
    public void Single_account_root_must_be_an_object()
    {
        var m = MarkedJson.Parse("""‸"a1" """);

        var e = Should.Throw<DataFormatException>(() => AccountJson.ParseAccount(m.Json, "accounts/a1.json"));
        e.ShouldReport(m, "$", "accounts/a1.json:1:1: error: expected an object, found a string (at $)");
        e.Path.ShouldBe("accounts/a1.json");
    }

    [Fact]
    public void Loading_names_the_file_and_counts_crlf_lines_once()
    {
        var dir = Directory.CreateTempSubdirectory("marginrules-data-");
        try
        {
            var path = Path.Combine(dir.FullName, "portfolio.json");
            var m = MarkedJson.Parse("{ \"accounts\": [\r\n  { \"id\": \"a1\" },\r\n  { \"id\": \"a2\", \"wallet\": ‸true }\r\n] }");
            File.WriteAllText(path, m.Json);

            var e = Should.Throw<DataFormatException>(() => AccountJson.LoadPortfolio(path));
            e.ShouldReport(m, "accounts[1].wallet", $"{path}:3:27: error: expected a number, found true (at accounts[1].wallet)");
            e.Path.ShouldBe(path);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
