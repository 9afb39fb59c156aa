using System.Globalization;
using CsCheck;
using MarginRules.Accounts;
using MarginRules.Data;

namespace MarginRules.Tests.Data;

public sealed class MarketJsonTests
{
    [Fact]
    public void Reads_prices_and_volatilities_exactly()
    {
        var market = MarketJson.Parse("""
            { "assets": {
                "BTC": { "price": 40000.5, "volatility": 0.8 },
                "BTCUSDT": { "price": 40010 },
                "ETH": { "price": "2500.10", "volatility": "0.65" },
                "BTC-PERP": { "price": 4.0005e4 },
                "USDC": { "volatility": 0, "price": 1 }
            } }
            """);

        market.Quotes.Count.ShouldBe(5);
        market.Price("BTC").ShouldBe(40000.5m);
        market.Volatility("BTC").ShouldBe(0.8m);
        market.Price("BTCUSDT").ShouldBe(40010m);
        // volatility is optional and defaults to 0.
        market.Volatility("BTCUSDT").ShouldBe(0m);
        market.Price("ETH").ShouldBe(2500.10m);
        market.Volatility("ETH").ShouldBe(0.65m);
        // 4.0005e4 = 4.0005 × 10^4 = 40005.
        market.Price("BTC-PERP").ShouldBe(40005m);
        market.Price("USDC").ShouldBe(1m);
    }

    [Fact]
    public void Reads_open_interest_and_fails_a_read_of_one_not_given()
    {
        var market = MarketJson.Parse("""
            { "assets": {
                "SOL-USD": { "price": 100, "open_interest": 300000.5 },
                "ETH-USD": { "price": 2000, "open_interest": "0" },
                "BTC-USD": { "price": 50000 }
            } }
            """);

        market.OpenInterest("SOL-USD").ShouldBe(300000.5m);
        // A zero open interest is a value the market gives, not a missing one.
        market.OpenInterest("ETH-USD").ShouldBe(0m);
        // Not given is not 0: the read fails, so an open-interest-scaled margin is never silently at its floor.
        Should.Throw<KeyNotFoundException>(() => market.OpenInterest("BTC-USD")).Message.ShouldBe("the market gives no open interest for `BTC-USD`");
        market.Quotes["BTC-USD"].OpenInterest.ShouldBeNull();
    }

    [Fact]
    public void Keeps_the_written_scale_of_a_numeric_string()
    {
        var market = MarketJson.Parse("""{ "assets": { "ETH": { "price": "2500.10" } } }""");

        // decimal keeps trailing zeros, so the price prints as it was written.
        market.Price("ETH").ToString(CultureInfo.InvariantCulture).ShouldBe("2500.10");
    }

    [Fact]
    public void Reads_the_largest_and_most_precise_decimals()
    {
        var market = MarketJson.Parse("""
            { "assets": {
                "MAX": { "price": 79228162514264337593543950335 },
                "TINY": { "price": 0.0000000000000000000000000001 },
                "DIGITS": { "price": "1234567890.123456789012345678" }
            } }
            """);

        // decimal.MaxValue = 2^96 - 1 = 79228162514264337593543950335.
        market.Price("MAX").ShouldBe(decimal.MaxValue);
        // 10^-28 is the smallest step a decimal holds (scale 28).
        market.Price("TINY").ShouldBe(new decimal(1, 0, 0, false, 28));
        // 28 significant digits, written out as the decimal literal.
        market.Price("DIGITS").ShouldBe(1234567890.123456789012345678m);
    }

    [Fact]
    public void Loads_a_file_with_a_byte_order_mark()
    {
        var dir = Directory.CreateTempSubdirectory("marginrules-data-");
        try
        {
            var path = Path.Combine(dir.FullName, "market.json");
            File.WriteAllText(path, "{ \"assets\": { \"BTC\": { \"price\": 40000.5 } } }", new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

            MarketJson.Load(path).Price("BTC").ShouldBe(40000.5m);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Any_decimal_reads_back_unchanged_as_a_number_or_a_numeric_string()
    {
        Gen.Decimal.Select(d => Math.Abs(d)).Sample(price =>
        {
            var text = price.ToString(CultureInfo.InvariantCulture);
            var market = MarketJson.Parse($$"""{ "assets": { "N": { "price": {{text}} }, "S": { "price": "{{text}}" } } }""");

            // Equal value and equal scale: decimal.ToString round-trips both.
            market.Price("N").ToString(CultureInfo.InvariantCulture).ShouldBe(text);
            market.Price("S").ToString(CultureInfo.InvariantCulture).ShouldBe(text);
        }, iter: 2000);
    }

    [Fact]
    public void A_market_with_no_assets_is_empty()
    {
        MarketJson.Parse("""{ "assets": {} }""").Quotes.ShouldBeEmpty();
    }

    [Fact]
    public void Returns_a_market_whose_symbols_are_case_sensitive()
    {
        var market = MarketJson.Parse("""{ "assets": { "BTC": { "price": 1 }, "btc": { "price": 2 } } }""");

        // Keys differ by case, so they are two assets, not a duplicate.
        market.TryGetQuote("BTC", out var upper).ShouldBeTrue();
        market.TryGetQuote("btc", out var lower).ShouldBeTrue();
        upper.ShouldBe(new AssetQuote(1m));
        lower.ShouldBe(new AssetQuote(2m));
    }
}
