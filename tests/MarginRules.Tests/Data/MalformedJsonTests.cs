using System.Text.Json;
using MarginRules.Data;

namespace MarginRules.Tests.Data;

// Malformed JSON is reported by System.Text.Json with a zero-based line and a zero-based byte offset in that line; these
// tests pin the conversion to one-based lines and UTF-16 columns. Each expected "line:col" is the position of the ‸.
public sealed class MalformedJsonTests
{
    private static DataFormatException Fail(MarkedJson marked) => Should.Throw<DataFormatException>(() => AccountJson.ParsePortfolio(marked.Json));

    [Fact]
    public void Trailing_comma_names_the_innermost_container()
    {
        var m = MarkedJson.Parse("""
            { "accounts": [
              { "id": "a1", "wallet": 5, ‸}
            ] }
            """);

        var e = Fail(m);
        e.ShouldReport(m, "accounts[0]",
            "portfolio.json:2:30: error: invalid JSON: The JSON object contains a trailing comma at the end which is not supported in this mode (at accounts[0])");
        e.InnerException.ShouldBeAssignableTo<JsonException>();
    }

    [Fact]
    public void Column_counts_characters_not_bytes_after_non_ascii_text()
    {
        // "日本" is 2 characters but 6 UTF-8 bytes and "é" 1 character but 2 bytes, so a byte column would be 5 too far right.
        var m = MarkedJson.Parse("""
            { "accounts": [
              { "id": "日本", "tags": ["café"] ‸"wallet": 5 }
            ] }
            """);

        Fail(m).ShouldReport(m, "accounts[0]",
            "portfolio.json:2:34: error: invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']' (at accounts[0])");
    }

    [Fact]
    public void Column_counts_a_surrogate_pair_as_two_code_units()
    {
        // "🙂" is one code point, two UTF-16 code units (the column unit of policy diagnostics) and four UTF-8 bytes.
        // The reader reports an incomplete literal at the character after it.
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "🙂", "wallet": tru‸ } ] }""");

        Fail(m).ShouldReport(m, "accounts[0]",
            "portfolio.json:1:44: error: invalid JSON: 'tru } ] }' is an invalid JSON literal. Expected the literal 'true' (at accounts[0])");
    }

    [Fact]
    public void Lone_carriage_returns_end_lines()
    {
        // System.Text.Json counts only line feeds, so it sees one line here; the loader counts CR as a line end like editors do.
        var m = MarkedJson.Parse("{ \"accounts\": [\r  { \"id\": \"a1\" }\r  ‸{ \"id\": \"a2\" }\r] }");

        Fail(m).ShouldReport(m, "accounts",
            "portfolio.json:3:3: error: invalid JSON: '{' is invalid after a value. Expected either ',', '}', or ']' (at accounts)");
    }

    [Fact]
    public void Empty_file()
    {
        var m = MarkedJson.Parse("‸ \n ");

        Fail(m).ShouldReport(m, "$", "portfolio.json:1:1: error: invalid JSON: the file is empty (at $)");
    }

    [Fact]
    public void Content_after_the_document()
    {
        var m = MarkedJson.Parse("""{ "accounts": [] } ‸{ "accounts": [] }""");

        Fail(m).ShouldReport(m, "$", "portfolio.json:1:20: error: invalid JSON: '{' is invalid after a single JSON value. Expected end of data (at $)");
    }

    [Fact]
    public void Comments_are_not_json()
    {
        var m = MarkedJson.Parse("""
            { "accounts": [
              ‸// the house account
              { "id": "house" }
            ] }
            """);

        Fail(m).ShouldReport(m, "accounts",
            "portfolio.json:2:3: error: invalid JSON: comments are not allowed (at accounts)");
    }

    [Fact]
    public void Unquoted_nan_is_not_json()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": "a1", "wallet": ‸NaN } ] }""");

        Fail(m).ShouldReport(m, "accounts[0]", "portfolio.json:1:41: error: invalid JSON: 'N' is an invalid start of a value (at accounts[0])");
    }

    [Fact]
    public void Escaped_lone_surrogate_is_not_text()
    {
        var m = MarkedJson.Parse("""{ "accounts": [ { "id": ‸"\uD800" } ] }""");

        Fail(m).ShouldReport(m, "accounts[0]",
            "portfolio.json:1:25: error: invalid JSON: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate (at accounts[0])");
    }

    [Fact]
    public void Market_files_convert_malformed_json_too()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": { "price": 1 ‸"volatility": 0.8 } } }""");

        var e = Should.Throw<DataFormatException>(() => MarketJson.Parse(m.Json));
        e.ShouldReport(m, "assets.BTC",
            "market.json:1:35: error: invalid JSON: '\"' is invalid after a value. Expected either ',', '}', or ']' (at assets.BTC)");
    }
}
