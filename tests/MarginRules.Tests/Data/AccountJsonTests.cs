using System.Collections.Immutable;
using MarginRules.Accounts;
using MarginRules.Data;

namespace MarginRules.Tests.Data;

public sealed class AccountJsonTests
{
    private const string Portfolio = """
        { "accounts": [
            { "id": "a1", "wallet": 5000,
              "positions": [
                { "symbol": "BTCUSDT", "size": -1.5, "entry_price": 40000, "isolated": false, "isolated_margin": 0 },
                { "symbol": "ETHUSDT", "size": "2", "entry_price": "2500.10", "isolated": true, "isolated_margin": 300.25 }
              ],
              "holdings": [ { "asset": "ETH", "quantity": 2 } ],
              "debts": [ { "asset": "USDC", "quantity": 1000 } ],
              "tags": ["vip", "maker"],
              "call_rounds": 2 },
            { "id": "a2" }
        ] }
        """;

    private static readonly Market Market = new(new Dictionary<string, AssetQuote>
    {
        ["BTCUSDT"] = new(40010m),
        ["ETHUSDT"] = new(2501m),
        ["ETH"] = new(2500m, 0.65m),
        ["USDC"] = new(1m),
    });

    [Fact]
    public void Reads_every_field_of_a_portfolio()
    {
        var accounts = AccountJson.ParsePortfolio(Portfolio);

        accounts.Count.ShouldBe(2);
        var a1 = accounts[0];
        a1.Id.ShouldBe("a1");
        a1.Wallet.ShouldBe(5000m);
        a1.Positions.ShouldBe([
            new Position("BTCUSDT", -1.5m, 40000m, false, 0m),
            new Position("ETHUSDT", 2m, 2500.10m, true, 300.25m),
        ]);
        a1.Holdings.ShouldBe([new Holding("ETH", 2m)]);
        a1.Debts.ShouldBe([new Debt("USDC", 1000m)]);
        a1.Tags.ShouldBe(["vip", "maker"]);
        a1.CallRounds.ShouldBe(2);
    }

    [Fact]
    public void Gives_every_field_but_id_an_empty_default()
    {
        var a2 = AccountJson.ParsePortfolio(Portfolio)[1];

        a2.ShouldBe(new Account("a2", 0m));
        a2.Positions.IsDefault.ShouldBeFalse();
        a2.Positions.ShouldBeEmpty();
        a2.Holdings.ShouldBeEmpty();
        a2.Debts.ShouldBeEmpty();
        a2.Tags.ShouldBeEmpty();
        a2.CallRounds.ShouldBe(0);
    }

    [Fact]
    public void Defaults_a_positions_isolation_to_cross_margin()
    {
        var account = AccountJson.ParseAccount("""
            { "id": "a1", "positions": [ { "symbol": "BTCUSDT", "size": 1, "entry_price": 40000 } ] }
            """);

        account.Positions.ShouldBe([new Position("BTCUSDT", 1m, 40000m, false, 0m)]);
    }

    [Fact]
    public void Accepts_symbols_and_assets_the_market_lists()
    {
        var accounts = AccountJson.ParsePortfolio(Portfolio, market: Market);

        accounts.Select(a => a.Id).ShouldBe(["a1", "a2"]);
    }

    [Fact]
    public void Adds_decimals_without_binary_rounding()
    {
        var account = AccountJson.ParseAccount("""
            { "id": "a1", "wallet": 0.1, "holdings": [ { "asset": "ETH", "quantity": 0.2 } ] }
            """);

        // In decimal 0.1 + 0.2 is exactly 0.3; through double it would be 0.30000000000000004.
        (account.Wallet + account.Holdings[0].Quantity).ShouldBe(0.3m);
    }

    [Fact]
    public void Reads_a_28_digit_number_exactly()
    {
        var account = AccountJson.ParseAccount("""
            { "id": "a1", "wallet": 1234567890123456789012345678, "debts": [ { "asset": "X", "quantity": "0.1234567890123456789012345678" } ] }
            """);

        // 28 significant digits each: beyond double's 15–17, within decimal's 28–29.
        account.Wallet.ShouldBe(1234567890123456789012345678m);
        account.Debts[0].Quantity.ShouldBe(0.1234567890123456789012345678m);
    }

    [Fact]
    public void Reads_a_negative_wallet_and_a_whole_number_written_with_a_fraction()
    {
        var account = AccountJson.ParseAccount("""{ "id": "a1", "wallet": -250.75, "call_rounds": 3.0, "rounds_since_liquidation": 2 }""");

        // A cash loan is a negative wallet; 3.0 is the whole number 3.
        account.Wallet.ShouldBe(-250.75m);
        account.CallRounds.ShouldBe(3);
        account.RoundsSinceLiquidation.ShouldBe(2);
    }

    [Fact]
    public void Reads_escaped_strings()
    {
        var account = AccountJson.ParseAccount("""{ "id": "caf\u00e9 \"1\"", "tags": ["a\\b"] }""");

        account.Id.ShouldBe("café \"1\"");
        account.Tags.ShouldBe(ImmutableArray.Create("a\\b"));
    }

    [Fact]
    public void Loads_portfolio_and_account_files()
    {
        var dir = Directory.CreateTempSubdirectory("marginrules-data-");
        try
        {
            var portfolioPath = Path.Combine(dir.FullName, "portfolio.json");
            var accountPath = Path.Combine(dir.FullName, "account.json");
            File.WriteAllText(portfolioPath, Portfolio.ReplaceLineEndings("\r\n"));
            File.WriteAllText(accountPath, """{ "id": "solo", "wallet": 12.5 }""");

            // CRLF line ends must not change what is read.
            AccountJson.LoadPortfolio(portfolioPath, Market).Select(Describe)
                .ShouldBe(AccountJson.ParsePortfolio(Portfolio).Select(Describe));
            Describe(AccountJson.LoadAccount(accountPath)).ShouldBe(Describe(new Account("solo", 12.5m)));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    // Account's ImmutableArray members compare by reference, so accounts read twice are compared by content.
    private static string Describe(Account a) =>
        $"{a.Id} {a.Wallet} [{string.Join(", ", a.Positions)}] [{string.Join(", ", a.Holdings)}] [{string.Join(", ", a.Debts)}] [{string.Join(", ", a.Tags)}] {a.CallRounds}";
}
