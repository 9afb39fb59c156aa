using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using CsCheck;
using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Evaluation;
using MarginRules.Tests.Cascade.Reference;
using MarginRules.Tests.Compilation;
using Xunit.Abstractions;

namespace MarginRules.Tests.Api;

/// <summary>
/// The loop-based <see cref="LiquidationPlanner"/> against the LINQ planner it replaced (kept in Cascade/Reference/ as the
/// oracle): on random accounts for the example policies, two policies written for what the examples leave out, and random
/// generated policies, every field of the instruction (steps and their penalties, repayments, penalty totals, amounts,
/// credit) must agree to the last decimal digit and scale, and a plan that fails must fail with the same exception and
/// message.
/// </summary>
public sealed class PlannerEquivalenceTests(ITestOutputHelper output)
{
    /// <summary>Notional (or value) of one unit of an item's quantity; sizes are whole multiples so equal keys are common.</summary>
    private const decimal Unit = 5_000m;

    /// <summary>An example policy with the symbols its accounts take (positions or holdings) and owe, and their prices.</summary>
    private sealed record Venue(bool Positions, (string Symbol, decimal Price)[] Items, (string Symbol, decimal Price)[] Debts);

    /// <summary>The example policies compared, each with symbols and prices its tables and functions accept.</summary>
    private static readonly Dictionary<string, Venue> Venues = new()
    {
        ["binance-btcusdt.margin"] = new(true, [("BTCUSDT", 40_000m), ("ETHUSDT", 2_000m), ("SOLUSDT", 100m)], []),
        ["binance-usdm.margin"] = new(true, [("BTCUSDT", 40_000m), ("ETHUSDT", 2_000m), ("SOLUSDT", 100m)], []),
        ["hyperliquid.margin"] = new(true, [("BTC-PERP", 100_000m), ("ETH-PERP", 4_000m), ("SOL-PERP", 200m), ("XYZ-PERP", 30m)], []),
        ["dydx-v4.margin"] = new(true, [("BTC-USD", 40_000m), ("ETH-USD", 2_000m), ("SOL-USD", 100m), ("DOGE-USD", 0.25m)], []),
        ["aave-v3.margin"] = new(false, [("WETH", 2_000m), ("WBTC", 40_000m), ("USDC", 1m), ("wstETH", 2_200m), ("DAI", 1m)], [("USDC", 1m), ("DAI", 1m), ("WETH", 2_000m)]),
        ["compound-v3.margin"] = new(false, [("WETH", 2_000m), ("WBTC", 40_000m), ("COMP", 50m), ("UNI", 6m), ("LINK", 7m)], [("USDC", 1m), ("WETH", 2_000m)]),
        ["makerdao-liq2.margin"] = new(false, [("ETH", 1_500m)], [("DAI", 1m)]),
        ["regt-finra-4210.margin"] = new(false, [("STOCK", 100m), ("A", 50m), ("B", 20m)], [("USD", 1m)]),
        ["regt-finra-4210-shorts.margin"] = new(false, [("STOCK", 100m), ("A", 50m)], [("USD", 1m), ("XYZ", 50m), ("PENNY", 2m)]),
        ["leverage-target.margin"] = new(false, [("RISK", 100m), ("SAFE", 10m)], [("USD", 1m)]),
        ["procyclical-haircut.margin"] = new(false, [("RISK", 100m), ("SAFE", 10m)], [("USD", 1m)]),
    };

    [Theory]
    [InlineData("binance-btcusdt.margin")]
    [InlineData("binance-usdm.margin")]
    [InlineData("hyperliquid.margin")]
    [InlineData("dydx-v4.margin")]
    [InlineData("aave-v3.margin")]
    [InlineData("compound-v3.margin")]
    [InlineData("makerdao-liq2.margin")]
    [InlineData("regt-finra-4210.margin")]
    [InlineData("regt-finra-4210-shorts.margin")]
    [InlineData("leverage-target.margin")]
    [InlineData("procyclical-haircut.margin")]
    public void The_planner_matches_the_LINQ_planner_on_an_example_policy(string file)
    {
        var venue = Venues[file];
        var (_, compiled) = ExamplePolicies.Load(file);
        var counts = new Counts();
        Gen.Select(Account(venue), Market(venue))
            .Sample((account, market) => Compare(compiled, account, market, counts), iter: 1_000, print: Describe);

        output.WriteLine($"{file}: {counts}");
        // Guards against generators that never reach the planner's branches for this policy.
        counts.Planned.ShouldBeGreaterThan(40);
        counts.Taken.ShouldBeGreaterThan(20);
        if (!venue.Positions) counts.Repaid.ShouldBeGreaterThan(10);
    }

    /// <summary>
    /// What no example writes: <c>size each</c> with a 28-digit share, an ascending order, a chunk and several penalties
    /// to one recipient, on positions and on holdings, so sums over three or more items round and their order shows.
    /// </summary>
    private static readonly Dictionary<string, (string Text, Venue Venue)> Cases = new()
    {
        ["positions"] = ("""
            policy "Planner cases: positions" version "1" currency USD

            param third "A share 28 digits long": ratio = 1 / 3

            equity = account.wallet + sum(p in positions: p.upnl)
            maintenance = sum(p in positions: p.notional) * 10%

            liquidation trim "A third of every cross position, smallest first, at most the maintenance a step" {
              when equity < maintenance
              take p in positions where not p.isolated by p.notional asc
              size each third
              penalty third / 10 to insurance
              penalty 1% to liquidator
              penalty third / 100 to insurance
              chunk maintenance
            }
            """, Venues["binance-btcusdt.margin"]),
        ["holdings"] = ("""
            policy "Planner cases: holdings" version "1" currency USD

            param third "A share 28 digits long": ratio = 1 / 3

            let collateral "Collateral value" = sum(h in holdings: h.value)
            let debt "Debt value" = sum(d in debts: d.value)
            equity = account.wallet + collateral - debt
            maintenance = collateral * 20%

            liquidation trim "A third of every holding, smallest first, at most half the debt a step" {
              when equity < maintenance
              take h in holdings by h.value asc
              size each third
              penalty third / 10 to liquidator
              penalty 2% to protocol
              penalty third / 100 to liquidator
              chunk debt / 2
            }
            """, Venues["aave-v3.margin"]),
        ["debts"] = ("""
            policy "Planner cases: debts" version "1" currency USD

            param third "A share 28 digits long": ratio = 1 / 3

            let collateral "Collateral value" = sum(h in holdings: h.value)
            let debt "Debt value" = sum(d in debts: d.value)
            equity = account.wallet + collateral - debt
            maintenance = debt * 30%

            liquidation buy_in "A third of every debt but cash, smallest first, at most half the debt a step" {
              when equity < maintenance
              take d in debts where d.asset != "USD" by d.value asc
              size each third
              penalty third / 10 to liquidator
              penalty 2% to protocol
              penalty third / 100 to liquidator
              chunk debt / 2
            }
            """, Venues["regt-finra-4210-shorts.margin"]),
    };

    [Theory]
    [InlineData("positions")]
    [InlineData("holdings")]
    [InlineData("debts")]
    public void The_planner_matches_the_LINQ_planner_on_size_each_in_ascending_order_with_a_chunk(string name)
    {
        var (text, venue) = Cases[name];
        var (_, compiled) = ExamplePolicies.Build(text, name + ".margin");
        var counts = new Counts();
        Gen.Select(Account(venue), Market(venue))
            .Sample((account, market) => Compare(compiled, account, market, counts), iter: 1_000, print: Describe);

        output.WriteLine($"{name}: {counts}");
        counts.Taken.ShouldBeGreaterThan(100);
    }

    [Fact]
    public void The_planner_matches_the_LINQ_planner_on_random_generated_policies()
    {
        var counts = new Counts();
        Gen.Select(PolicyGenerator.Policy, AccountGenerator.Market, AccountGenerator.Account.Array[6])
            .Sample((text, market, accounts) =>
            {
                var policy = ExamplePolicies.Check(text, "generated.margin");
                var program = ProgramFactory.Create(policy, new FrameLayout(policy));
                foreach (var account in accounts) Compare(program, account, market, counts);
            }, iter: 500);

        output.WriteLine($"generated policies: {counts}");
        counts.Planned.ShouldBeGreaterThan(50);
        counts.Taken.ShouldBeGreaterThan(20);
        counts.Failed.ShouldBeGreaterThan(0);
    }

    /// <summary>Plans with both planners, each from its own frame, and fails the test on the first difference.</summary>
    private static void Compare(PolicyProgram program, Account account, Market market, Counts counts)
    {
        var expectedFrame = program.CreateFrame();
        var actualFrame = program.CreateFrame();
        try
        {
            program.Run(account, market, expectedFrame);
            program.Run(account, market, actualFrame);
        }
        catch (Exception e) when (e is PolicyEvaluationException or ArithmeticException or ArgumentException or KeyNotFoundException or IndexOutOfRangeException)
        {
            // An account the policy cannot evaluate is never planned.
            return;
        }

        if (expectedFrame.RuleIndex < 0) return;
        var expected = Outcome(() => LinqLiquidationPlanner.Plan(program, account, market, expectedFrame));
        var actual = Outcome(() => LiquidationPlanner.Plan(program, account, market, actualFrame));
        actual.Text.ShouldBe(expected.Text);
        lock (counts)
        {
            counts.Planned++;
            if (expected.Plan == null) counts.Failed++;
            else if (expected.Plan.Steps.Count > 0) counts.Taken++;
            if (expected.Plan?.Repayments.Count > 0) counts.Repaid++;
        }
    }

    private static (LiquidationInstruction? Plan, string Text) Outcome(Func<LiquidationInstruction> plan)
    {
        try
        {
            var instruction = plan();
            return (instruction, Show(instruction));
        }
        catch (Exception e) when (e is PolicyEvaluationException or ArithmeticException or ArgumentException or KeyNotFoundException or IndexOutOfRangeException)
        {
            return (null, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Every field of an instruction, decimals with their scale and sign (1.0, 1.00 and -0 all differ).</summary>
    private static string Show(LiquidationInstruction l)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"{l.RuleName} {l.Target} {l.SizeKind} base={D(l.BaseAmount)} target={D(l.TargetAmount)} amount={D(l.Amount)} credit={D(l.Credit)} chunk={(l.Chunk.HasValue ? D(l.Chunk.Value) : "none")}");
        foreach (var s in l.Steps)
            text.AppendLine(CultureInfo.InvariantCulture, $"  step {s.ItemIndex} {s.Symbol} quantity={D(s.Quantity)} value={D(s.Value)} seized={D(s.Seized)} penalties={Penalties(s.Penalties)}");
        foreach (var r in l.Repayments)
            text.AppendLine(CultureInfo.InvariantCulture, $"  repay {r.ItemIndex} {r.Asset} quantity={D(r.Quantity)} value={D(r.Value)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  penalties={Penalties(l.Penalties)}");
        return text.ToString();
    }

    private static string Penalties(IReadOnlyList<PenaltyAmount> penalties) =>
        string.Join(", ", penalties.Select(p => $"{p.Recipient} {D(p.Amount)}"));

    private static string D(decimal value) =>
        string.Create(CultureInfo.InvariantCulture, $"{value}") + (decimal.IsNegative(value) && value == 0m ? "(-0)" : string.Empty);

    /// <summary>
    /// An account of the venue's kind: up to four positions (long or short, some isolated) or holdings, up to three debts,
    /// sizes multiples of 15 (positions, up to 450,000 of notional) or of 1 (holdings) times <see cref="Unit"/> of notional written with 0 to 2 decimal places, so order keys and debt
    /// values tie often and in different scales, or a third of that, so sums and products round in the 28th digit and
    /// their order shows; zero sizes too. Leverage from 1× to 60× on the wallet.
    /// </summary>
    private static Gen<Account> Account(Venue venue) =>
        from items in Gen.Select(Gen.Int[0, venue.Items.Length - 1], venue.Positions ? Gen.Int[-6, 6].Select(u => u * 15) : Gen.Int[0, 30], Gen.Int[0, 5], Gen.Int[-5, 5], Gen.Bool, Gen.Int[0, 20]).Array[0, 4]
        from debts in Gen.Select(Gen.Int[0, Math.Max(0, venue.Debts.Length - 1)], Gen.Int[0, 30], Gen.Int[0, 5]).Array[0, venue.Debts.Length == 0 ? 0 : 3]
        from leverage in Gen.Int[1, 60]
        from callRounds in Gen.Int[0, 5]
        select Build(venue, items, debts, leverage, callRounds);

    private static Account Build(Venue venue, (int Item, int Units, int Form, int EntryMove, bool Isolated, int Margin)[] items, (int Debt, int Units, int Form)[] debts, int leverage, int callRounds)
    {
        var positions = ImmutableArray.CreateBuilder<Position>();
        var holdings = ImmutableArray.CreateBuilder<Holding>();
        decimal notional = 0m;
        foreach (var x in items)
        {
            var (symbol, price) = venue.Items[x.Item];
            var quantity = x.Units * Unit / price * Form(x.Form);
            notional += Math.Abs(quantity) * price;
            if (venue.Positions)
                positions.Add(new Position(symbol, quantity, price * (1m + x.EntryMove / 100m), x.Isolated, Math.Abs(quantity) * price * x.Margin / 100m));
            else
                holdings.Add(new Holding(symbol, quantity));
        }

        var owed = debts.Select(d => new Debt(venue.Debts[d.Debt].Symbol, d.Units * Unit / venue.Debts[d.Debt].Price * Form(d.Form))).ToImmutableArray();
        return new Account("generated", venue.Positions ? Math.Round(notional / leverage, 2) : leverage * 100m, positions.ToImmutable(), holdings.ToImmutable(), owed, [])
        {
            CallRounds = callRounds,
        };
    }

    /// <summary>One written with <paramref name="form"/> decimal places (0 to 2), or a third, 28 digits long (3 to 5).</summary>
    private static decimal Form(int form) => form < 3 ? new((int)Math.Pow(10, form), 0, 0, false, (byte)form) : 1m / 3m;

    /// <summary>
    /// The venue's prices moved by −30% to +10% (debts in cash stay at their price), with a volatility per item and an
    /// open interest worth 0 to 60M at the start price (across dYdX's open-interest caps).
    /// </summary>
    private static Gen<Market> Market(Venue venue) =>
        from move in Gen.Int[-30, 10]
        from volatility in Gen.Int[0, 60]
        from openNotional in Gen.Int[0, 60]
        select new Market(venue.Items.Select(i => KeyValuePair.Create(i.Symbol,
                new AssetQuote(i.Price * (1m + move / 100m), volatility / 100m, openNotional * 1_000_000m / i.Price)))
            .Concat(venue.Debts.Where(d => venue.Items.All(i => i.Symbol != d.Symbol)).Select(d => KeyValuePair.Create(d.Symbol, new AssetQuote(d.Price)))));

    private static string Describe((Account Account, Market Market) sample) =>
        $"account wallet={sample.Account.Wallet} rounds={sample.Account.CallRounds}\n  positions: {string.Join("; ", sample.Account.Positions)}\n" +
        $"  holdings: {string.Join("; ", sample.Account.Holdings)}\n  debts: {string.Join("; ", sample.Account.Debts)}\n" +
        $"market: {string.Join(", ", sample.Market.Quotes.Select(q => $"{q.Key}={q.Value.Price}"))}";

    /// <summary>How many plans were compared, and how many failed, took something or repaid debt.</summary>
    private sealed class Counts
    {
        public int Planned;
        public int Failed;
        public int Taken;
        public int Repaid;

        public override string ToString() => $"{Planned} plans compared, {Failed} failed in both, {Taken} took items, {Repaid} repaid debt";
    }
}
