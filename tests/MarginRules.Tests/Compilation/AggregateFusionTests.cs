using System.Globalization;
using MarginRules.Accounts;
using MarginRules.Compilation;
using MarginRules.Compilation.Fusion;
using MarginRules.Evaluation;

namespace MarginRules.Tests.Compilation;

/// <summary>
/// Aggregate fusion: one case per line, named values and what the pass makes of them, where <c>(fused #n …)</c> is a
/// loop run before the named value it is listed with and <c>(#n.m of …)</c> reads member m's result; then values and
/// failures both programs must agree on.
/// </summary>
public sealed class AggregateFusionTests
{
    private const string Declarations = """
        policy "fusion" currency USD
        fn notional_of(s: quantity, m: price): money = s * m
        equity = account.wallet
        maintenance = 0 USD

        """;

    // Account: wallet 100.50; positions BTC +2 @ 60,000, ETH −10 @ 3,000, DOGE +1 @ 0.1 (DOGE is not listed);
    // holdings BTC 0.50 and USDC 1,000.00. Market: BTC 62,000, ETH 3,100.5, USDC 1.0000.
    private static readonly Account Account = new("fixed", 100.50m,
        [new Position("BTC", 2m, 60_000m), new Position("ETH", -10m, 3_000m), new Position("DOGE", 1m, 0.1m)],
        [new Holding("BTC", 0.50m), new Holding("USDC", 1_000.00m)],
        [],
        []);

    private static readonly Market Market = new(new Dictionary<string, AssetQuote>
    {
        ["BTC"] = new(62_000m, 0.8m),
        ["ETH"] = new(3_100.5m, 0.9m),
        ["USDC"] = new(1.0000m),
    });

    [Theory]
    // The benchmark's shape: upnl and notional sums in two named values, one loop before the first.
    [InlineData("let a = account.wallet + sum(p in positions: p.upnl)\nlet b = sum(p in positions: p.notional)",
        "a: (fused #0 (sum p Positions - p.upnl) (sum p Positions - p.notional)) (Add account.wallet (#0.0 of (sum p Positions - p.upnl))); b: (#0.1 of (sum p Positions - p.notional))")]
    // Filters, counts and extremes fuse; holdings get a loop of their own.
    [InlineData("let a = max(p in positions where p.is_long: p.notional) + sum(h in holdings: h.value)\nlet b = count(p in positions where p.upnl > 0 USD) * 1 USD - sum(h in holdings: h.price * h.quantity)",
        "a: (fused #0 (max p Positions p.is_long p.notional) (count p Positions (Greater p.upnl 0) -)) (fused #1 (sum h Holdings - h.value) (sum h Holdings - (Multiply h.price h.quantity))) (Add (#0.0 of (max p Positions p.is_long p.notional)) (#1.0 of (sum h Holdings - h.value))); b: (Subtract (Multiply (#0.1 of (count p Positions (Greater p.upnl 0) -)) 1) (#1.1 of (sum h Holdings - (Multiply h.price h.quantity))))")]
    // An aggregate that reads a named value computed after a loop's place joins a later loop; one that reads none
    // joins the first.
    [InlineData("let a = sum(p in positions: p.notional)\nlet b = a * 2\nlet c = sum(p in positions: p.upnl + b)\nlet d = sum(p in positions: p.mark_price * p.size + b)\nlet e = sum(p in positions: p.mark_price * p.size)",
        "a: (fused #0 (sum p Positions - p.notional) (sum p Positions - (Multiply p.mark_price p.size))) (#0.0 of (sum p Positions - p.notional)); b: (Multiply a 2); "
        + "c: (fused #1 (sum p Positions - (Add p.upnl b)) (sum p Positions - (Add (Multiply p.mark_price p.size) b))) (#1.0 of (sum p Positions - (Add p.upnl b))); "
        + "d: (#1.1 of (sum p Positions - (Add (Multiply p.mark_price p.size) b))); e: (#0.1 of (sum p Positions - (Multiply p.mark_price p.size)))")]
    // Aggregates that do not always run, stop early, or do not read the item's price stay where they are.
    [InlineData("let a = sum(p in positions: p.upnl)\nlet b = if account.wallet > 0 USD then sum(p in positions: p.notional) else 0 USD",
        "a: (sum p Positions - p.upnl); b: (if (Greater account.wallet 0) (sum p Positions - p.notional) 0)")]
    [InlineData("let a = sum(p in positions: p.upnl)\nlet b = account.wallet > 0 USD and sum(p in positions: p.notional) > 0 USD",
        "a: (sum p Positions - p.upnl); b: (And (Greater account.wallet 0) (Greater (sum p Positions - p.notional) 0))")]
    [InlineData("let a = sum(p in positions: p.upnl)\nlet b = any(p in positions: p.notional > 0 USD)\nlet c = count(p in positions where p.is_short)",
        "a: (sum p Positions - p.upnl); b: (any p Positions - (Greater p.notional 0)); c: (count p Positions p.is_short -)")]
    // A function's arguments are always evaluated; its body runs with parameters bound, and is left alone.
    [InlineData("let a = sum(p in positions: p.upnl)\nlet b = notional_of(sum(p in positions: p.size), sum(p in positions: p.mark_price))",
        "a: (fused #0 (sum p Positions - p.upnl) (sum p Positions - p.mark_price)) (#0.0 of (sum p Positions - p.upnl)); b: (let (s=(sum p Positions - p.size) m=(#0.1 of (sum p Positions - p.mark_price))) (Multiply s m))")]
    public void Aggregates_that_always_run_over_the_same_items_share_one_loop(string lets, string expected)
    {
        var policy = ExamplePolicies.Check(Declarations + lets + "\n", "fusion.margin");
        var passes = new RewritePasses(policy);
        var (loops, values) = AggregateFusionPass.Fuse(policy.Lets, policy.Lets.Select(passes.Value).ToList());
        var mine = policy.Lets.Select((let, i) => (let, i)).Where(x => x.let.Name.Length == 1)
            .Select(x => $"{x.let.Name}: " + string.Join(" ", loops[x.i].Select(l => l.ToString()).Append(values[x.i].ToString())));
        string.Join("; ", mine).ShouldBe(expected);
    }

    [Theory]
    // a = BTC 2 × 2,000 + ETH −10 × 100.5 = 4,000 − 1,005.0 = 2,995.0; notionals 124,000 + 31,005.0 = 155,005.0.
    [InlineData("let a = sum(p in positions where p.symbol != \"DOGE\": p.upnl)\nlet value = a + sum(p in positions where p.symbol != \"DOGE\": p.notional)", "158000.0")]
    // a = 155,005.0 and b = 310,010.0 are computed before c's loop runs: c = (4,000 + 310,010.0) + (−1,005.0 + 310,010.0)
    // = 623,015.0; value = c + (62,000 × 2 + 310,010.0) + (3,100.5 × −10 + 310,010.0) = 623,015.0 + 434,010.0 + 279,005.0.
    [InlineData("let a = sum(p in positions where p.symbol != \"DOGE\": p.notional)\nlet b = a * 2\nlet c = sum(p in positions where p.symbol != \"DOGE\": p.upnl + b)\nlet value = c + sum(p in positions where p.symbol != \"DOGE\": p.mark_price * p.size + b)", "1336030.0")]
    // The largest long notional (BTC's 124,000; DOGE is filtered out) plus the holdings, 0.50 × 62,000 + 1,000.00 × 1.0000
    // = 32,000.000000; then one position (BTC) with a positive upnl.
    [InlineData("let a = max(p in positions where p.is_long and p.symbol != \"DOGE\": p.notional) + sum(h in holdings: h.value)\nlet value = a + count(p in positions where p.symbol != \"DOGE\" and p.upnl > 0 USD) * 1 USD", "156001.000000")]
    // The first member's body runs for shorts only, so the second computes each notional itself: ETH's 31,005.0, then
    // 124,000 + 31,005.0.
    [InlineData("let a = sum(p in positions where p.is_short: p.notional)\nlet value = a + sum(p in positions where p.symbol != \"DOGE\": p.notional)", "186010.0")]
    public void Fused_values_equal_the_reference(string lets, string expected)
    {
        var (reference, compiled) = ExamplePolicies.Build(Declarations + lets + "\n", "fusion.margin");
        ProgramComparison.Compare(reference, compiled, Account, Market, out var completed).ShouldBeEmpty();
        completed.ShouldBeTrue();
        var frame = compiled.CreateFrame();
        compiled.Run(Account, Market, frame);
        ExamplePolicies.Number(compiled, frame, "value").ToString(CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Fact]
    public void Two_inlined_copies_of_one_function_aggregate_fuse_into_one_loop()
    {
        // Found by the differential test (seed 4oDgjaELl7C1): inlined at both calls, the two copies of f's aggregate
        // carry the same variable symbol, and the fused loop bound it twice. Each requirement is the smallest holding
        // value, min(0.50 × 62,000, 1,000.00 × 1.0000) = 1,000.000000.
        const string text = """
            policy "fusion" currency USD
            param on: bool = true
            fn f(x: text): money = min(h in holdings where on: h.value)
            equity = account.wallet
            initial = f("SOL")
            maintenance = f("BTC")

            """;
        var (reference, compiled) = ExamplePolicies.Build(text, "fusion.margin");
        ProgramComparison.Compare(reference, compiled, Account, Market, out var completed).ShouldBeEmpty();
        completed.ShouldBeTrue();
        var assessment = MarginPolicy.Compile(text, "fusion.margin").Evaluate(Account, Market);
        assessment.Maintenance.ToString(CultureInfo.InvariantCulture).ShouldBe("1000.000000");
        assessment.Initial!.Value.ToString(CultureInfo.InvariantCulture).ShouldBe("1000.000000");
    }

    [Fact]
    public void An_aggregate_shared_with_an_earlier_named_value_is_not_fused()
    {
        // Found by the differential test (seed 5Xm2807aoMD1): f does not read its argument, so every inlined copy of its
        // body is one shared subtree. l2's copy is always evaluated and fused into a loop placed before l2, but l1 holds
        // the same subtree inside its call and was emitted before that loop: the compiler failed with
        // KeyNotFoundException. With the aggregate left unfused: l1 = l2 = (1,000 / 62,000) BTC × 62,000 = 1,000 (the
        // largest mark of the listed positions, BTC at 62,000, over its own price), l3 = 124,000 + 31,005 = 155,005.
        const string text = """
            policy "fusion" currency USD
            fn f(a: money): money = (1_000 USD / price("BTC")) * max(p in positions where p.symbol != "DOGE": p.mark_price)
            let l1: money = f(round(account.wallet, 1, half_even))
            let l2 = f(2236.85 USD)
            let l3 = sum(p in positions where p.symbol != "DOGE": p.notional)
            equity = l1 + l2 + l3
            maintenance = 0 USD

            """;
        var (reference, compiled) = ExamplePolicies.Build(text, "fusion.margin");
        ProgramComparison.Compare(reference, compiled, Account, Market, out var completed).ShouldBeEmpty();
        completed.ShouldBeTrue();
        var frame = compiled.CreateFrame();
        compiled.Run(Account, Market, frame);
        ExamplePolicies.Number(compiled, frame, "equity").ShouldBe(1_000m + 1_000m + 155_005m);
    }

    [Fact]
    public void An_inlined_copy_of_a_function_aggregate_inside_another_copys_loop_shadows_its_variable()
    {
        // Found by the differential test (seed 2q3EM0dRwVD1): f's aggregate is fused as a member of the positions loop
        // and a copy of it also runs inside the other member's filter, so the nested copy binds the symbol p while the
        // loop has it bound. f = −min(BTC 2 × (62,000 − 60,000), ETH −10 × (3,100.5 − 3,000)) = −min(4,000, −1,005.0)
        // = 1,005.0 (DOGE, unlisted, is filtered out); only BTC's upnl 4,000 exceeds it, so maintenance = 1 × 1 USD.
        const string text = """
            policy "fusion" currency USD
            fn f(x: money): money = -min(p in positions where p.symbol != "DOGE": p.upnl)
            equity = account.wallet
            initial = f(1 USD)
            maintenance = count(q in positions where q.symbol != "DOGE" and q.upnl > f(q.notional)) * 1 USD

            """;
        var (reference, compiled) = ExamplePolicies.Build(text, "fusion.margin");
        ProgramComparison.Compare(reference, compiled, Account, Market, out var completed).ShouldBeEmpty();
        completed.ShouldBeTrue();
        var assessment = MarginPolicy.Compile(text, "fusion.margin").Evaluate(Account, Market);
        assessment.Initial!.Value.ToString(CultureInfo.InvariantCulture).ShouldBe("1005.0");
        assessment.Maintenance.ShouldBe(1m);
    }

    [Fact]
    public void Members_of_a_fused_loop_share_their_item_price()
    {
        var policy = ExamplePolicies.Check(Declarations + "let a = account.wallet + sum(p in positions: p.upnl)\nlet b = sum(p in positions: p.notional)\n", "fusion.margin");
        var passes = new RewritePasses(policy);
        var (loops, values) = AggregateFusionPass.Fuse(policy.Lets, policy.Lets.Select(passes.Value).ToList());
        var a = policy.Lets.Select((let, i) => (let, i)).Single(x => x.let.Name == "a").i;
        var shared = RewritePasses.ShareLookups([(loops[a][0], false), (values[a], false)]);
        shared[0].ToString().ShouldBe("(fused #0 (sum p Positions - p.upnl@(#0 = p.mark_price)) (sum p Positions - p.notional@#0))");
    }

    [Fact]
    public void A_failing_loop_fails_where_the_reference_fails()
    {
        // Fused, BTC's second member divides by zero (62,000 × 2 − 124,000) before DOGE's missing price is read by the first;
        // the reference computes the first sum over every position before the second, so DOGE fails first.
        const string lets = """
            let a = sum(p in positions: p.upnl)
            let value = sum(p in positions: p.notional / (p.mark_price * p.size - 124_000 USD))

            """;
        var (reference, compiled) = ExamplePolicies.Build(Declarations + lets, "fusion.margin");
        ProgramComparison.Compare(reference, compiled, Account, Market, out var completed).ShouldBeEmpty();
        completed.ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => compiled.Run(Account, Market, compiled.CreateFrame()));
        Should.Throw<PolicyEvaluationException>(() => reference.Run(Account, Market, reference.CreateFrame())).Message.ShouldContain("DOGE");
    }
}
