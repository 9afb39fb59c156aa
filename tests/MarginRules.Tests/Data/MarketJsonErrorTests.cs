using MarginRules.Data;

namespace MarginRules.Tests.Data;

// One test per way a market file can be wrong. Each expected "line:col" in a message is the position of the ‸ in the
// input, which MarkedJson computes from the text and ShouldReport checks against the exception's Line and Column.
public sealed class MarketJsonErrorTests
{
    private static DataFormatException Fail(MarkedJson marked) => Should.Throw<DataFormatException>(() => MarketJson.Parse(marked.Json));

    [Fact]
    public void Root_must_be_an_object()
    {
        var m = MarkedJson.Parse("""‸[ { "BTC": { "price": 1 } } ]""");

        Fail(m).ShouldReport(m, "$", "market.json:1:1: error: expected an object, found an array (at $)");
    }

    [Fact]
    public void Assets_are_required()
    {
        var m = MarkedJson.Parse("""‸{ }""");

        Fail(m).ShouldReport(m, "assets", "market.json:1:1: error: missing field \"assets\" (at assets)");
    }

    [Fact]
    public void Unknown_top_level_field_lists_the_known_ones()
    {
        var m = MarkedJson.Parse("""
            { "assets": {},
              ‸"quotes": {} }
            """);

        Fail(m).ShouldReport(m, "quotes", "market.json:2:3: error: unknown field \"quotes\"; known fields are \"assets\" (at quotes)");
    }

    [Fact]
    public void Unknown_quote_field_suggests_the_close_name()
    {
        var m = MarkedJson.Parse("""
            { "assets": {
                "BTC": { ‸"prise": 40000 } } }
            """);

        Fail(m).ShouldReport(m, "assets.BTC.prise", "market.json:2:14: error: unknown field \"prise\"; did you mean \"price\"? (at assets.BTC.prise)");
    }

    [Fact]
    public void Duplicate_asset_names_where_both_were_defined()
    {
        var m = MarkedJson.Parse("""
            { "assets": {
                "BTC": { "price": 40000 },
                ‸"BTC": { "price": 40001 } } }
            """);

        // The first "BTC" starts at line 2, column 5 (after four spaces of indentation).
        Fail(m).ShouldReport(m, "assets.BTC", "market.json:3:5: error: duplicate asset \"BTC\"; first defined at 2:5 (at assets.BTC)");
    }

    [Fact]
    public void Asset_name_must_not_be_empty()
    {
        var m = MarkedJson.Parse("""{ "assets": { ‸"": { "price": 1 } } }""");

        Fail(m).ShouldReport(m, "assets[\"\"]", "market.json:1:15: error: asset name must not be empty (at assets[\"\"])");
    }

    [Fact]
    public void Price_is_required()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": ‸{ "volatility": 0.8 } } }""");

        Fail(m).ShouldReport(m, "assets.BTC.price", "market.json:1:22: error: missing field \"price\" (at assets.BTC.price)");
    }

    [Fact]
    public void Price_must_not_be_negative()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC-PERP": { "price": ‸-40000.5 } } }""");

        Fail(m).ShouldReport(m, "assets[\"BTC-PERP\"].price", "market.json:1:38: error: price must not be negative, found -40000.5 (at assets[\"BTC-PERP\"].price)");
    }

    [Fact]
    public void Volatility_must_not_be_negative()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": { "price": 1, "volatility": ‸"-0.1" } } }""");

        Fail(m).ShouldReport(m, "assets.BTC.volatility", "market.json:1:50: error: volatility must not be negative, found -0.1 (at assets.BTC.volatility)");
    }

    [Fact]
    public void Open_interest_must_not_be_negative()
    {
        var m = MarkedJson.Parse("""{ "assets": { "SOL-USD": { "price": 100, "open_interest": ‸-300000 } } }""");

        Fail(m).ShouldReport(m, "assets[\"SOL-USD\"].open_interest", "market.json:1:59: error: open_interest must not be negative, found -300000 (at assets[\"SOL-USD\"].open_interest)");
    }

    [Fact]
    public void Price_of_wrong_json_type()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": { "price": ‸null } } }""");

        Fail(m).ShouldReport(m, "assets.BTC.price", "market.json:1:33: error: expected a number, found null (at assets.BTC.price)");
    }

    [Fact]
    public void Quote_of_wrong_json_type()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": ‸40000 } }""");

        Fail(m).ShouldReport(m, "assets.BTC", "market.json:1:22: error: expected an object, found a number (at assets.BTC)");
    }

    [Fact]
    public void NaN_string_is_not_a_finite_number()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": { "price": ‸"NaN" } } }""");

        Fail(m).ShouldReport(m, "assets.BTC.price", "market.json:1:33: error: \"NaN\" is not a finite number (at assets.BTC.price)");
    }

    [Fact]
    public void Infinity_string_is_not_a_finite_number()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": { "price": 1, "volatility": ‸"-Infinity" } } }""");

        Fail(m).ShouldReport(m, "assets.BTC.volatility", "market.json:1:50: error: \"-Infinity\" is not a finite number (at assets.BTC.volatility)");
    }

    [Fact]
    public void Non_numeric_string_is_not_a_number()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": { "price": ‸"40,000" } } }""");

        Fail(m).ShouldReport(m, "assets.BTC.price", "market.json:1:33: error: \"40,000\" is not a number (at assets.BTC.price)");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" 1")]
    [InlineData("1 ")]
    [InlineData("+1")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("01")]
    [InlineData("0x10")]
    [InlineData("1e")]
    [InlineData("1,5")]
    public void Strings_outside_the_json_number_grammar_are_not_numbers(string text)
    {
        var m = MarkedJson.Parse($$"""{ "assets": { "BTC": { "price": ‸"{{text}}" } } }""");

        Fail(m).ShouldReport(m, "assets.BTC.price", $"market.json:1:33: error: \"{text}\" is not a number (at assets.BTC.price)");
    }

    [Theory]
    [InlineData("nan")]
    [InlineData("-NaN")]
    [InlineData("Infinity")]
    [InlineData("+inf")]
    [InlineData("∞")]
    public void Strings_spelling_nan_or_infinity_are_not_finite(string text)
    {
        var m = MarkedJson.Parse($$"""{ "assets": { "BTC": { "price": ‸"{{text}}" } } }""");

        Fail(m).ShouldReport(m, "assets.BTC.price", $"market.json:1:33: error: \"{text}\" is not a finite number (at assets.BTC.price)");
    }

    [Fact]
    public void Number_beyond_the_decimal_range()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": { "price": ‸1e29 } } }""");

        // 10^29 > decimal.MaxValue = 79228162514264337593543950335 ≈ 7.9 × 10^28.
        Fail(m).ShouldReport(m, "assets.BTC.price", "market.json:1:33: error: number 1e29 is outside the decimal range (±79228162514264337593543950335) (at assets.BTC.price)");
    }

    [Fact]
    public void Number_a_decimal_would_round()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": { "price": ‸0.12345678901234567890123456789 } } }""");

        // 29 decimal places; a decimal keeps 28, and the 29th digit 9 rounds ...678|9 up to ...679.
        Fail(m).ShouldReport(m, "assets.BTC.price", "market.json:1:33: error: number 0.12345678901234567890123456789 would be rounded to 0.1234567890123456789012345679 as a decimal (at assets.BTC.price)");
    }

    [Fact]
    public void Number_too_small_for_a_decimal()
    {
        var m = MarkedJson.Parse("""{ "assets": { "BTC": { "price": ‸1e-29 } } }""");

        // The smallest positive decimal is 10^-28, so 10^-29 would become zero.
        Fail(m).ShouldReport(m, "assets.BTC.price", "market.json:1:33: error: number 1e-29 would be rounded to 0.0000000000000000000000000000 as a decimal (at assets.BTC.price)");
    }
}
