using MarginRules.Accounts;
using MarginRules.Evaluation;

namespace MarginRules.Tests.Api;

/// <summary><c>open_interest(asset)</c>: the market quote's open interest in base units, an error when not given.</summary>
public sealed class OpenInterestTests
{
    // The initial margin grows with the market's open notional: 10% plus 1% for each 1M of open notional above 25M.
    private const string Text = """
        policy "open interest" currency USD
        fn open_notional(symbol: text): money = open_interest(symbol) * price(symbol)
        equity = account.wallet
        initial = sum(p in positions: p.notional * (10% + max(open_notional(p.symbol) - 25_000_000 USD, 0 USD) / 100_000_000 USD))
        maintenance = 0
        export oi = open_interest("SOL-USD")
        """;

    private static Account Long(decimal size) =>
        TestData.Account("a", 1_000m, positions: [new Position("SOL-USD", size, 100m)]);

    private static Market Quote(decimal price, decimal? openInterest) =>
        new([KeyValuePair.Create("SOL-USD", new AssetQuote(price, 0m, openInterest))]);

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void The_open_notional_is_the_quoted_open_interest_at_the_price(bool reference)
    {
        var policy = MarginPolicy.Compile(Text, "oi.margin", new CompileOptions { UseReferenceEvaluator = reference });

        // 300,000 SOL at 120 = 36M of open notional, 11M above 25M: rate 10% + 11M / 100M = 21%;
        // 10 SOL at 120 = 1,200 of notional, × 21% = 252.
        var assessment = policy.Evaluate(Long(10m), Quote(120m, 300_000m));
        assessment.Exports["oi"].ShouldBe(300_000m);
        assessment.Initial.ShouldBe(252m);

        // The same open interest at 80 is 24M, below 25M: the floor rate 10% of 800 = 80.
        policy.Evaluate(Long(10m), Quote(80m, 300_000m)).Initial.ShouldBe(80m);
    }

    [Theory]
    [MemberData(nameof(TestData.Evaluators), MemberType = typeof(TestData))]
    public void An_open_interest_the_market_does_not_give_is_an_evaluation_error_at_the_call(bool reference)
    {
        var policy = MarginPolicy.Compile(Text, "oi.margin", new CompileOptions { UseReferenceEvaluator = reference });

        var e = Should.Throw<PolicyEvaluationException>(() => policy.Evaluate(Long(10m), Quote(120m, null)));

        // The first read is open_notional's body; "fn open_notional(symbol: text): money = " is 40 characters.
        e.Reason.ShouldBe("the market gives no open interest for `SOL-USD`");
        (e.Line, e.Column).ShouldBe((2, 41));
    }
}
