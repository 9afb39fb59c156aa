namespace MarginRules.Tests.Examples;

/// <summary>
/// examples/policies/dydx-v4.margin: liquidation prices through <c>eval --liquidation-price</c> against
/// PUBLISHED.md, "dYdX v4".
/// </summary>
public sealed class DydxPolicyTests : IDisposable
{
    private readonly PerpetualPolicyRun _run = new();

    public void Dispose() => _run.Dispose();

    [Fact]
    public void Two_isolated_subaccounts_give_the_published_3174_60_rising_and_the_long_formula_falling()
    {
        // SOL-USD is Mid-Cap in the policy: MMF = 10% × 50% = 5%. Each subaccount has 1,000 of collateral.
        // PUBLISHED.md [P]: short 3 at 3,000, e = 1,000 → p′ = (1,000 + 9,000) / (0.15 + 3) = 3,174.6031…; the trigger is
        // strict, so 3,174.60 (476.20 ≥ 476.19) is the highest cent not yet liquidatable.
        // [D] the same formula for long 2 at 3,000: p′ = (1,000 − 6,000) / (0.10 − 2) = 2,631.5789…; at 2,631.58 the
        // collateral 1,000 − 2 × 368.42 = 263.16 ≥ MMR 263.158, at 2,631.57 it is 263.14 < 263.157.
        var (falling, rising) = _run.LiquidationPrices("dydx-v4.margin",
            """
            { "id": "two-subaccounts", "wallet": 2000, "positions": [
              { "symbol": "SOL-USD", "size": -3, "entry_price": 3000, "isolated": true, "isolated_margin": 1000 },
              { "symbol": "SOL-USD", "size": 2, "entry_price": 3000, "isolated": true, "isolated_margin": 1000 } ] }
            """,
            """{ "assets": { "SOL": { "price": 3000 }, "SOL-USD": { "price": 3000 } } }""",
            "SOL");

        falling.ShouldStartWith("Falling 2,631.58 the lowest price not yet liquidatable");
        // The table prints 3,174.60 without its trailing zero.
        rising.ShouldStartWith("Rising 3,174.6 the highest price not yet liquidatable");
    }

    [Fact]
    public void The_cross_price_subtracts_the_other_positions_maintenance()
    {
        // PUBLISHED.md cross formula p′ = (e − s·p − MMR_others) / (|s|·MMF − s): wallet 10,000, short 3 SOL-USD from
        // 3,000, long 1 BTC-USD at 50,000 whose MMR 3% × 50,000 = 1,500 does not move with SOL:
        // (10,000 + 9,000 − 1,500) / 3.15 = 5,555.5555…; at 5,555.55 TNC 2,333.35 ≥ 2,333.3325, at 5,555.56 2,333.32 < 2,333.334.
        var (falling, rising) = _run.LiquidationPrices("dydx-v4.margin",
            """
            { "id": "cross", "wallet": 10000, "positions": [
              { "symbol": "SOL-USD", "size": -3, "entry_price": 3000 },
              { "symbol": "BTC-USD", "size": 1, "entry_price": 50000 } ] }
            """,
            """{ "assets": { "SOL": { "price": 3000 }, "SOL-USD": { "price": 3000 }, "BTC-USD": { "price": 50000 } } }""",
            "SOL");

        rising.ShouldStartWith("Rising 5,555.55 the highest price not yet liquidatable");
        falling.ShouldStartWith("Falling none");
    }
}
