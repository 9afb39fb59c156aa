using System.Globalization;
using MarginRules.Accounts;
using MarginRules.Compilation;

namespace MarginRules.Tests.Compilation;

/// <summary>
/// The lookup-sharing pass: one case per line, named values and their rewritten trees, where <c>(#n = x)</c> computes
/// x into slot n and <c>#n</c> reads it back; then values both programs must agree on where sharing could change
/// them, skip a failure, or read a slot no path has filled.
/// </summary>
public sealed class LookupSharingTests
{
    private const string Declarations = """
        policy "sharing" currency USD
        table fees by asset {
          columns fee: ratio, haircut: ratio
          BTC: 0.1%, 10%
          default: 0.2%, 50%
        }
        table steps by v: money {
          columns rate: ratio, amount: money
          0 ..< 1_000: 1%, 0
          1_000 ..: 2%, 10
        }
        table tiers by tag {
          columns rate: ratio, floor: money
          pro: 1%, 1
          default: 2%, 2
        }
        fn fee(a: text): ratio = fees[a].fee
        equity = account.wallet
        maintenance = 0 USD

        """;

    // Account: wallet 100.50; positions BTC +2 @ 60,000, ETH −10 @ 3,000, DOGE +1 @ 0.1 (DOGE is not listed);
    // holdings BTC 0.50 and USDC 1,000.00; tags vip then pro. Market: BTC 62,000, ETH 3,100.5, USDC 1.0000.
    private static readonly Account Account = new("fixed", 100.50m,
        [new Position("BTC", 2m, 60_000m), new Position("ETH", -10m, 3_000m), new Position("DOGE", 1m, 0.1m)],
        [new Holding("BTC", 0.50m), new Holding("USDC", 1_000.00m)],
        [],
        ["vip", "pro"]);

    private static readonly Market Market = new(new Dictionary<string, AssetQuote>
    {
        ["BTC"] = new(62_000m, 0.8m),
        ["ETH"] = new(3_100.5m, 0.9m),
        ["USDC"] = new(1.0000m),
    });

    [Theory]
    // The benchmark's maintenance: the notional is computed once, and both columns read one row found by it.
    [InlineData("let value = sum(p in positions: p.notional * steps[p.notional].rate - steps[p.notional].amount)",
        "(sum p Positions - (Subtract (Multiply (#0 = p.notional) steps[#1 = #0].rate) steps[#1].amount))")]
    // Upnl, notional and the mark price itself share one market read.
    [InlineData("let value = sum(p in positions: p.upnl + p.notional + p.mark_price * p.size)",
        "(sum p Positions - (Add (Add p.upnl@(#0 = p.mark_price) p.notional@#0) (Multiply #0 p.size)))")]
    [InlineData("let value = sum(h in holdings: h.value * fees[h.asset].haircut + h.price * fees[h.asset].fee * h.quantity)",
        "(sum h Holdings - (Add (Multiply h.value@(#0 = h.price) fees[#1 = h.asset].haircut) (Multiply (Multiply #0 fees[#1].fee) h.quantity)))")]
    // The filter runs before the body in every iteration the body runs in.
    [InlineData("let value = sum(p in positions where p.notional > 0 USD: p.notional)",
        "(sum p Positions (Greater (#0 = p.notional) 0) #0)")]
    // Named values, the rules and the loops inside them reuse what an earlier named value computed.
    [InlineData("let first = price(\"BTC\") * 2\nlet value = price(\"BTC\") + sum(p in positions: price(\"BTC\") + p.mark_price)",
        "(Multiply (#0 = price(\"BTC\")) 2); (Add #0 (sum p Positions - (Add #0 p.mark_price)))")]
    // A tag table's row depends only on the account's tags.
    [InlineData("let value = tiers[account.tags].rate * 1 USD + tiers[account.tags].floor",
        "(Add (Multiply tiers[#0 = account.tags].rate 1) tiers[#0].floor)")]
    [InlineData("let value = steps[account.wallet].rate * 1 USD + steps[account.wallet].amount",
        "(Add (Multiply steps[#0 = account.wallet].rate 1) steps[#0].amount)")]
    // Keys are compared digit for digit, scale included: 1.0 and 1.00 name different lookups.
    [InlineData("let value = steps[account.wallet * 1.0].rate * 1 USD + steps[account.wallet * 1.00].amount",
        "(Add (Multiply steps[(Multiply account.wallet 1.0)].rate 1) steps[(Multiply account.wallet 1.00)].amount)")]
    // Nothing computed in a branch, or on the right of and/or, is reused after it.
    [InlineData("let value = sum(p in positions: (if p.is_short then p.notional else 0 USD) + p.notional)",
        "(sum p Positions - (Add (if p.is_short p.notional 0) p.notional))")]
    [InlineData("let value = count(p in positions where p.is_short and p.notional > 0 USD or p.notional < 0 USD)",
        "(count p Positions (Or (And p.is_short (Greater p.notional 0)) (Less p.notional 0)) -)")]
    // Each iteration sees another item, and a loop may run no iteration: nothing leaves an aggregate.
    [InlineData("let value = sum(p in positions: p.notional) + sum(p in positions: p.notional)",
        "(Add (sum p Positions - p.notional) (sum p Positions - p.notional))")]
    [InlineData("let value = sum(h in holdings: h.quantity * price(\"ETH\")) / price(\"ETH\")",
        "(Divide (sum h Holdings - (Multiply h.quantity price(\"ETH\"))) price(\"ETH\"))")]
    // An inlined function's parameter is bound afresh at each call: the two calls look up different rows.
    [InlineData("let value = sum(p in positions: fee(p.symbol) + fee(if p.is_long then \"BTC\" else \"ETH\")) * 1 USD",
        "(Multiply (sum p Positions - (Add (let (a=p.symbol) fees[a].fee) (let (a=(if p.is_long \"BTC\" \"ETH\")) fees[a].fee))) 1)")]
    public void Repeated_lookups_are_shared_where_the_first_is_always_computed_before(string lets, string expected)
    {
        var policy = ExamplePolicies.Check(Declarations + lets + "\n", "sharing.margin");
        var passes = new RewritePasses(policy);
        var shared = RewritePasses.ShareLookups(policy.Lets.Select(l => (passes.Value(l), false)).ToList());
        var mine = policy.Lets.Select((let, i) => (let, i)).Where(x => x.let.Name is "first" or "value").Select(x => shared[x.i].ToString());
        string.Join("; ", mine).ShouldBe(expected);
    }

    [Fact]
    public void What_the_margin_call_amount_computes_is_not_reused_by_the_rules()
    {
        // The amount is evaluated only when the call triggers, and here it does not (the wallet is positive), so the
        // trigger computes both prices itself: 62,000 > 3,100.5 holds and the rule applies.
        const string rules = """
            margin_call { when account.wallet < 0 USD amount account.wallet * price("BTC") / price("ETH") deadline 1 }
            liquidation close { when price("BTC") > price("ETH") take p in positions size all }

            """;
        var (reference, compiled) = ExamplePolicies.Build(Declarations + rules, "sharing.margin");
        ProgramComparison.Compare(reference, compiled, Account, Market, out var completed).ShouldBeEmpty();
        completed.ShouldBeTrue();
        var frame = compiled.CreateFrame();
        compiled.Run(Account, Market, frame);
        frame.CallTriggered.ShouldBeFalse();
        frame.RuleIndex.ShouldBe(0);

        var passes = new RewritePasses(compiled.Policy);
        var shared = RewritePasses.ShareLookups(
            [(passes.Rewrite(compiled.Policy.MarginCall!.When), false), (passes.Rewrite(compiled.Policy.MarginCall.Amount), true), (passes.Rewrite(compiled.Policy.Liquidations[0].When), false)]);
        shared[2].ToString().ShouldBe("(Greater price(\"BTC\") price(\"ETH\"))");
    }

    [Theory]
    // BTC notional 2 × 62,000 = 124,000 → 2% − 10 = 2,480.00 − 10; ETH 10 × 3,100.5 = 31,005.0 → 620.100 − 10.
    [InlineData("""sum(p in positions where p.symbol != "DOGE": p.notional * steps[p.notional].rate - steps[p.notional].amount)""", "3080.100")]
    // BTC 0 + 124,000; ETH 31,005.0 + 31,005.0: the second read of a notional computed in a branch computes it again.
    [InlineData("""sum(p in positions where p.symbol != "DOGE": (if p.is_short then p.notional else 0 USD) + p.notional)""", "186010.0")]
    // DOGE's price is read only in a branch its iteration does not take: BTC 124,000 + 2 × 2,000; ETH 31,005.0 − 10 × 100.5.
    [InlineData("""sum(p in positions: if p.symbol == "DOGE" then 0 USD else p.notional + p.upnl)""", "158000.0")]
    // DOGE's price is first read by its upnl, which still fails.
    [InlineData("""sum(p in positions: (if p.symbol == "DOGE" then 0 USD else p.notional) + (if p.is_long then p.upnl else 0 USD))""", "fails")]
    // DOGE skips the `and`'s right side, then the `or` reads its notional: that read fails even though `and` read others.
    [InlineData("""count(p in positions where (p.symbol != "DOGE" and p.notional > 0 USD) or p.notional > 0 USD)""", "fails")]
    [InlineData("""count(p in positions where p.symbol != "DOGE" and p.notional > 100_000 USD)""", "1")]
    // BTC's fee 0.1% and, through the default row, USDC's 0.2%: each call of fee looks up its own argument.
    [InlineData("""sum(h in holdings where h.asset == "BTC": fee(h.asset) + fee(if h.quantity > 0 then "USDC" else "BTC"))""", "0.003")]
    // The pro row of the tag table: 1% × 1 + 1.
    [InlineData("tiers[account.tags].rate * 1 USD + tiers[account.tags].floor", "1.01")]
    public void Compiled_and_reference_agree_where_lookups_are_shared(string expression, string expected)
    {
        var (reference, compiled) = ExamplePolicies.Build(Declarations + "let value = " + expression + "\n", "sharing.margin");
        ProgramComparison.Compare(reference, compiled, Account, Market, out var completed).ShouldBeEmpty();
        if (!completed)
        {
            expected.ShouldBe("fails");
            return;
        }

        var frame = compiled.CreateFrame();
        compiled.Run(Account, Market, frame);
        ExamplePolicies.Number(compiled, frame, "value").ToString(CultureInfo.InvariantCulture).ShouldBe(expected);
    }
}
