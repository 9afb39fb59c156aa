using System.Globalization;
using MarginRules.Accounts;
using MarginRules.Language.Binding;

namespace MarginRules.Tests.Compilation;

/// <summary>
/// One case per line: an expression, and the value both programs must give for one fixed account. The cases pin the
/// reference semantics the compiled code must keep where a shortcut would change the result: short-circuits, early
/// exits, the first of equal values, evaluation of unused arguments, row selection, rounding modes.
/// </summary>
public sealed class SemanticsTests
{
    // Account: wallet 100.50; positions BTC +2 @ 60,000, ETH −10 @ 3,000, DOGE +1 @ 0.1 (DOGE is not listed);
    // holdings BTC 0.50 and USDC 1,000.00; one debt of 500 USDC; tags vip then pro.
    // Market: BTC 62,000, ETH 3,100.5, USDC 1.0000.
    private static readonly Account Account = new("fixed", 100.50m,
        [new Position("BTC", 2m, 60_000m), new Position("ETH", -10m, 3_000m), new Position("DOGE", 1m, 0.1m)],
        [new Holding("BTC", 0.50m), new Holding("USDC", 1_000.00m)],
        [new Debt("USDC", 500m)],
        ["vip", "pro"]);

    private static readonly Market Market = new(new Dictionary<string, AssetQuote>
    {
        ["BTC"] = new(62_000m, 0.8m),
        ["ETH"] = new(3_100.5m, 0.9m),
        ["USDC"] = new(1.0000m),
    });

    private const string Declarations = """
        policy "semantics" currency USD
        table tiers by tag {
          columns rate: ratio
          pro: 1%
          vip: 2%
          default: 3%
        }
        table fees by asset {
          columns fee: ratio
          BTC: 0.1%
          default: 0.2%
        }
        table steps by v: ratio {
          columns rate: ratio
          0 ..< 1: 1%
          1 ..< 2: 2%
        }
        fn ignore(x: price): ratio = 1
        equity = account.wallet
        maintenance = 0 USD

        """;

    [Theory]
    // any/all stop at the first decisive item: BTC decides any, ETH (3,100.5 is not above 3,100.5) decides all; DOGE is never priced.
    [InlineData("""any(p in positions: p.mark_price > price("ETH"))""", "True")]
    [InlineData("""all(p in positions: p.mark_price > price("ETH"))""", "False")]
    // Without an early exit every position is priced, and DOGE is not listed.
    [InlineData("sum(p in positions: p.notional)", "fails")]
    // 2 × 62,000 + |−10| × 3,100.5 = 124,000 + 31,005.0; the sum takes the larger scale.
    [InlineData("""sum(p in positions where p.symbol != "DOGE": p.notional)""", "155005.0")]
    // Short-circuits: the right operand and the other branch are never evaluated.
    [InlineData("""account.wallet < 0 USD and price("DOGE") > price("BTC")""", "False")]
    [InlineData("""account.wallet > 0 USD or price("DOGE") > price("BTC")""", "True")]
    [InlineData("""if account.wallet > 0 USD then 1 else price("DOGE") / price("BTC")""", "1")]
    // Arguments are evaluated even when the body does not use them.
    [InlineData("""ignore(price("DOGE"))""", "fails")]
    // Of equal values the first is kept, with its scale: 100.50 × 1.0 = 100.500.
    [InlineData("min(account.wallet * 1.0, account.wallet)", "100.500")]
    [InlineData("max(account.wallet, account.wallet * 1.0)", "100.50")]
    [InlineData("min(h in holdings: h.quantity)", "0.50")]
    // An aggregate whose filter passes nothing is 0.
    [InlineData("max(h in holdings where h.quantity > h.quantity * 2: h.quantity)", "0")]
    [InlineData("""count(p in positions where p.symbol != "DOGE")""", "2")]
    // Sides 1 and −1 (DOGE is +1 but filtered out).
    [InlineData("""sum(p in positions where p.symbol != "DOGE": p.side)""", "0")]
    [InlineData("count(p in positions where p.is_short)", "1")]
    // Text compares ordinally: "btc" is not "BTC".
    [InlineData("""count(p in positions where p.symbol == "btc")""", "0")]
    // 500 × 1.0000.
    [InlineData("sum(d in debts: d.value)", "500.0000")]
    // Tag tables take the first row in table order whose key the account has: pro, though the account lists vip first.
    [InlineData("tiers[account.tags].rate", "0.01")]
    // Keyed tables fall back to the default row: ETH has none.
    [InlineData("""fees[if account.wallet > 0 USD then "ETH" else "BTC"].fee""", "0.002")]
    // Brackets are lower ≤ v < upper: one debt is in [1, 2); two holdings are at the closed upper bound 2, in no bracket.
    [InlineData("steps[count(d in debts)].rate", "0.02")]
    [InlineData("steps[count(h in holdings)].rate", "fails")]
    // 100.50 to whole numbers: ties to even, ties away from zero, toward zero, away from zero.
    [InlineData("round(account.wallet, 0, half_even)", "100")]
    [InlineData("round(account.wallet, 0, half_up)", "101")]
    [InlineData("round(account.wallet, 0, down)", "100")]
    [InlineData("round(account.wallet, 0, up)", "101")]
    [InlineData("round(-account.wallet, 0, up)", "-101")]
    [InlineData("round(-account.wallet, 0, down)", "-100")]
    // Directed modes leave a value with no more digits than asked for unchanged, scale included.
    [InlineData("round(account.wallet, 3, up)", "100.50")]
    [InlineData("""tagged("vip") and not tagged("retail")""", "True")]
    // pow of a dimensionless base with an exponent computed at run time: two holdings give 2² = 4 and 0.5⁻² = 4;
    // the exponent must be whole (100.50 is not) and at most 1000 in magnitude.
    [InlineData("pow(2, count(h in holdings))", "4")]
    [InlineData("pow(0.5, -count(h in holdings))", "4")]
    [InlineData("pow(2, account.wallet / 1 USD)", "fails")]
    [InlineData("pow(1, count(h in holdings) * 501)", "fails")]
    [InlineData("pow(1, count(h in holdings) * 500)", "1")]
    public void Compiled_and_reference_give_the_expected_value(string expression, string expected)
    {
        var (reference, compiled) = ExamplePolicies.Build(Declarations + "let value = " + expression + "\n", "semantics.margin");
        ProgramComparison.Compare(reference, compiled, Account, Market, out var completed).ShouldBeEmpty();
        if (!completed)
        {
            expected.ShouldBe("fails");
            return;
        }

        var frame = compiled.CreateFrame();
        compiled.Run(Account, Market, frame);
        var let = compiled.Policy.Lets.Single(l => l.Name == "value");
        var slot = compiled.Layout.Slot(let);
        var actual = let.Type.Kind switch
        {
            TypeKind.Bool => frame.Flags[slot].ToString(),
            TypeKind.Text => frame.Texts[slot]!,
            _ => frame.Numbers[slot].ToString(CultureInfo.InvariantCulture),
        };
        actual.ShouldBe(expected);
    }
}
