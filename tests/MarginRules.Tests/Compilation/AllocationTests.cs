using MarginRules.Accounts;
using MarginRules.Compilation;
using MarginRules.Evaluation;

namespace MarginRules.Tests.Compilation;

/// <summary>
/// A compiled program evaluates an account without allocating: no boxing, closures, enumerators or strings. This
/// counts bytes allocated on the test thread, not time, so it is deterministic.
/// </summary>
public sealed class AllocationTests
{
    /// <summary>A policy that reaches every helper compiled code calls: each table kind, rounding mode, built-in and aggregate, functions, tags, text.</summary>
    private const string EveryHelper = """
        policy "every runtime helper" currency USD
        param rate: ratio = 12.5%
        param floor_amount: money = 10 USD
        table fees by asset {
          columns fee: ratio, haircut: ratio
          BTC: 0.1%, 10%
          default: 0.2%, 50%
        }
        table tiers by tag {
          columns multiplier: ratio
          pro: 90%
          vip: 80%
          default: 100%
        }
        table brackets by v: money {
          columns rate: ratio, amount: money
          0 ..< 1_000: 1%, 0
          1_000 ..: 2%, 10
        }
        fn bracketed(v: money): money = v * brackets[v].rate - brackets[v].amount
        let collateral = sum(h in holdings where h.asset != "DOGE": h.value * (100% - fees[h.asset].haircut))
        let debt = sum(d in debts: d.value)
        let largest = max(p in positions: p.notional)
        let smallest = min(p in positions where p.is_long: abs(p.upnl))
        let shorts = count(p in positions where p.is_short)
        let isolated = any(p in positions: p.isolated)
        let listed = all(h in holdings: h.price > price("USDC") * 0)
        let rounded = round(collateral, 2, down) + round(collateral, 2, up) + round(collateral, 1, half_up) + round(collateral, 1, half_even)
        let volatile = volatility("BTC") * sqrt(pow(rate, 2)) * exp(rate) + floor(rate) + ceil(rate) + shorts
        let sides = sum(p in positions: p.side * p.entry_price / p.mark_price) + account.call_rounds
        let vip = tagged("vip") and isolated and listed
        let label = if vip then "vip" else "standard"
        equity = account.wallet + collateral + sum(p in positions: p.upnl + p.isolated_margin) - debt
        maintenance = max(sum(p in positions: bracketed(p.notional)) * tiers[account.tags].multiplier, floor_amount) + clamp(largest * rate, 0 USD, 1_000 USD)
        initial = maintenance * 2 + rounded * volatile * 0 + smallest * sides * 0
        export ratio = if equity > 0 USD then maintenance / equity else 100%
        export tier = if label == "vip" then 1 else 0
        margin_call { when equity < maintenance amount maintenance - equity deadline 1 }
        liquidation sell {
          when call_expired or equity < 0 USD
          take h in holdings by h.value desc
          size restore ratio to 50%
          penalty fees[h.asset].fee to liquidator
          chunk 1_000 USD
        }
        liquidation close {
          when equity < maintenance
          take p in positions by p.notional asc
          size fraction rate
          penalty rate to insurance
        }
        adl rank p: p.upnl / max(equity, 1 USD)
        """;

    [Fact]
    public void Binance_example_allocates_nothing()
    {
        var (_, compiled) = ExamplePolicies.Load("binance-btcusdt.margin");
        AllocatedBytes(compiled, ExamplePolicyTests.FivePositions, ExamplePolicyTests.PerpetualMarket).ShouldBe(0);
    }

    [Fact]
    public void Aave_example_allocates_nothing()
    {
        var (_, compiled) = ExamplePolicies.Load("aave-v3.margin");
        var market = new Market(new Dictionary<string, AssetQuote> { ["WETH"] = new(2_000m), ["USDC"] = new(1m) });
        var account = new Account("lender", 0m, [], [new Holding("WETH", 10m), new Holding("USDC", 5_000m)], [new Debt("USDC", 22_000m)], []);
        AllocatedBytes(compiled, account, market).ShouldBe(0);
    }

    [Fact]
    public void RegT_example_allocates_nothing()
    {
        var (_, compiled) = ExamplePolicies.Load("regt-finra-4210.margin");
        var market = new Market(new Dictionary<string, AssetQuote> { ["AAPL"] = new(120m), ["USD"] = new(1m) });
        var account = new Account("broker", 0m, [], [new Holding("AAPL", 100m)], [new Debt("USD", 10_000m)], []) { CallRounds = 3 };
        AllocatedBytes(compiled, account, market).ShouldBe(0);
    }

    [Fact]
    public void Every_runtime_helper_allocates_nothing()
    {
        var (_, compiled) = ExamplePolicies.Build(EveryHelper, "every-helper.margin");
        var market = new Market(new Dictionary<string, AssetQuote>
        {
            ["BTC"] = new(62_000.5m, 0.8m),
            ["ETH"] = new(3_100.25m, 0.9m),
            ["USDC"] = new(1.0000m),
        });
        var account = new Account("everything", 250.75m,
            [new Position("BTC", 0.25m, 60_000m, Isolated: true, IsolatedMargin: 500m), new Position("ETH", -3m, 3_200m)],
            [new Holding("BTC", 0.1m), new Holding("USDC", 1_500.50m)],
            [new Debt("USDC", 4_000m)],
            ["vip", "pro"]) { CallRounds = 2 };
        AllocatedBytes(compiled, account, market).ShouldBe(0);
    }

    /// <summary>Bytes allocated by a thousand evaluations of everything the program computes for the account, after warming up.</summary>
    private static long AllocatedBytes(LinqProgram program, Account account, Market market)
    {
        var frame = program.CreateFrame();
        var policy = program.Policy;

        void EvaluateEverything()
        {
            program.Run(account, market, frame);
            for (var r = 0; r < policy.Liquidations.Count; r++)
            {
                var rule = policy.Liquidations[r];
                if (rule.SizeValue != null) program.GetRuleValue(r, RuleValue.Size, account, market, frame);
                if (rule.SizeTarget != null) program.GetRuleValue(r, RuleValue.Target, account, market, frame);
                if (rule.Chunk != null) program.GetRuleValue(r, RuleValue.Chunk, account, market, frame);
                var items = rule.Collection switch
                {
                    Language.Binding.CollectionKind.Positions => account.Positions.Length,
                    Language.Binding.CollectionKind.Holdings => account.Holdings.Length,
                    _ => account.Debts.Length,
                };
                for (var item = 0; item < items; item++)
                    for (var which = rule.OrderBy == null ? 0 : -1; which < rule.Penalties.Count; which++)
                        program.GetItemValue(r, which, account, market, frame, item);
            }

            if (policy.Adl != null)
                for (var position = 0; position < account.Positions.Length; position++) program.GetAdlRank(account, market, frame, position);
        }

        // Warm up first: the JIT and tiered compilation may allocate while methods are first compiled.
        for (var i = 0; i < 500; i++) EvaluateEverything();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++) EvaluateEverything();
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
