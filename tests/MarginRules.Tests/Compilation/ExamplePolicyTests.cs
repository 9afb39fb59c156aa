using MarginRules.Accounts;
using MarginRules.Evaluation;

namespace MarginRules.Tests.Compilation;

/// <summary>The three example policies compiled: they agree with the reference on hand-built accounts, and give the hand-computed numbers.</summary>
public sealed class ExamplePolicyTests
{
    private static readonly Market Perpetuals = new(new Dictionary<string, AssetQuote>
    {
        ["BTCUSDT"] = new(62_000m),
        ["ETHUSDT"] = new(3_100m),
        ["SOLUSDT"] = new(140m),
    });

    private static readonly Market Lending = new(new Dictionary<string, AssetQuote> { ["WETH"] = new(2_000m), ["USDC"] = new(1m) });

    /// <summary>Five positions in three brackets, shared with the allocation test and the benchmark figure.</summary>
    internal static readonly Account FivePositions = new("cross", 10_000m,
        [
            new Position("BTCUSDT", 0.5m, 60_000m),
            new Position("BTCUSDT", -1m, 65_000m),
            new Position("ETHUSDT", 10m, 3_000m),
            new Position("SOLUSDT", -100m, 150m),
            new Position("BTCUSDT", 20m, 61_000m),
        ],
        [], [], []);

    internal static Market PerpetualMarket => Perpetuals;

    [Fact]
    public void Binance_cross_account_with_five_positions()
    {
        var (reference, compiled) = ExamplePolicies.Load("binance-btcusdt.margin");
        var frame = RunBoth(reference, compiled, FivePositions, Perpetuals);

        // upnl = size × (mark − entry): 0.5 × 2,000 + (−1) × (−3,000) + 10 × 100 + (−100) × (−10) + 20 × 1,000 = 26,000.
        ExamplePolicies.Number(compiled, frame, "equity").ShouldBe(36_000m);
        // Notionals 31,000 + 62,000 + 31,000 + 14,000 + 1,240,000 = 1,378,000, at 20× leverage.
        ExamplePolicies.Number(compiled, frame, "initial").ShouldBe(68_900m);
        // Brackets: 31,000 × 0.4% = 124; 62,000 × 0.5% − 50 = 260; 124; 14,000 × 0.4% = 56; 1,240,000 × 2.5% − 16,300 = 14,700.
        ExamplePolicies.Number(compiled, frame, "maintenance").ShouldBe(15_264m);
        // 15,264 / 36,000.
        ExamplePolicies.Number(compiled, frame, "margin_ratio").ShouldBe(0.424m);
        frame.RuleIndex.ShouldBe(-1);
        frame.CallTriggered.ShouldBeFalse();

        // The order key is the notional; the ADL rank of the 20 BTC long is 20,000 / 36,000 × 1,240,000 / 36,000.
        compiled.GetItemValue(0, -1, FivePositions, Perpetuals, frame, 4).ShouldBe(1_240_000m);
        compiled.GetAdlRank(FivePositions, Perpetuals, frame, 4).ShouldBe(19.1358024691m, 0.0000000001m);
    }

    [Fact]
    public void Binance_underwater_position_is_closed_out()
    {
        var (reference, compiled) = ExamplePolicies.Load("binance-btcusdt.margin");
        var account = new Account("underwater", 100m, [new Position("BTCUSDT", 1m, 70_000m)], [], [], []);
        var frame = RunBoth(reference, compiled, account, Perpetuals);

        // 100 + 1 × (62,000 − 70,000); maintenance 62,000 × 0.5% − 50 = 260; equity ≤ 0 reports 100%.
        ExamplePolicies.Number(compiled, frame, "equity").ShouldBe(-7_900m);
        ExamplePolicies.Number(compiled, frame, "maintenance").ShouldBe(260m);
        ExamplePolicies.Number(compiled, frame, "margin_ratio").ShouldBe(1m);
        frame.RuleIndex.ShouldBe(0);
        // The clearance fee, 0.50%.
        compiled.GetItemValue(0, 0, account, Perpetuals, frame, 0).ShouldBe(0.005m);
    }

    [Fact]
    public void Aave_health_factor_picks_the_liquidation_rule()
    {
        var (reference, compiled) = ExamplePolicies.Load("aave-v3.margin");
        var holdings = new Holding[] { new("WETH", 10m), new("USDC", 5_000m) };

        var healthy = new Account("healthy", 0m, [], [.. holdings], [new Debt("USDC", 15_000m)], []);
        var frame = RunBoth(reference, compiled, healthy, Lending);
        // Collateral 20,000 + 5,000; thresholds 20,000 × 86% + 5,000 × 88.5% = 21,625; LTVs 20,000 × 82.5% + 5,000 × 86.5% = 20,825.
        ExamplePolicies.Number(compiled, frame, "equity").ShouldBe(10_000m);
        ExamplePolicies.Number(compiled, frame, "initial").ShouldBe(4_175m);
        ExamplePolicies.Number(compiled, frame, "maintenance").ShouldBe(3_375m);
        // 21,625 / 15,000.
        ExamplePolicies.Number(compiled, frame, "health_factor").ShouldBe(1.4416666667m, 0.0000000001m);
        frame.RuleIndex.ShouldBe(-1);

        // HF 21,625 / 22,000 ≈ 0.983: below 1 and above 0.95, both reserves of the pair (WETH 20,000, USDC 22,000) above
        // $2,000, so the 50% close factor applies: min(22,000, 50% × 22,000) = 11,000, which leaves more than $1,000 of both.
        var partial = healthy with { Debts = [new Debt("USDC", 22_000m)] };
        frame = RunBoth(reference, compiled, partial, Lending);
        frame.RuleIndex.ShouldBe(0);
        compiled.GetRuleValue(0, RuleValue.Size, partial, Lending, frame).ShouldBe(11_000m);
        // WETH: bonus 5.20% × (100% − 10%) to the liquidator, 5.20% × 10% to the protocol.
        compiled.GetItemValue(0, 0, partial, Lending, frame, 0).ShouldBe(0.0468m);
        compiled.GetItemValue(0, 1, partial, Lending, frame, 0).ShouldBe(0.0052m);

        // HF 21,625 / 30,000 ≈ 0.72 is below 0.95: the whole debt.
        var full = healthy with { Debts = [new Debt("USDC", 30_000m)] };
        frame = RunBoth(reference, compiled, full, Lending);
        frame.RuleIndex.ShouldBe(1);
    }

    [Fact]
    public void RegT_margin_call_expires_after_three_rounds()
    {
        var (reference, compiled) = ExamplePolicies.Load("regt-finra-4210.margin");
        var account = new Account("broker", 0m, [], [new Holding("AAPL", 100m)], [new Debt("USD", 10_000m)], []);

        var market = new Market(new Dictionary<string, AssetQuote> { ["AAPL"] = new(150m), ["USD"] = new(1m) });
        var frame = RunBoth(reference, compiled, account, market);
        // Long value 15,000, loan 10,000: equity 5,000 against 50% × 15,000 initial and 25% × 15,000 maintenance.
        ExamplePolicies.Number(compiled, frame, "equity").ShouldBe(5_000m);
        ExamplePolicies.Number(compiled, frame, "initial").ShouldBe(7_500m);
        ExamplePolicies.Number(compiled, frame, "maintenance").ShouldBe(3_750m);
        frame.CallTriggered.ShouldBeFalse();

        // At 120 the long value is 12,000: equity 2,000 is below maintenance 3,000, a call for the 1,000 difference.
        var fallen = market.With([KeyValuePair.Create("AAPL", new AssetQuote(120m))]);
        frame = RunBoth(reference, compiled, account with { CallRounds = 2 }, fallen);
        frame.CallTriggered.ShouldBeTrue();
        frame.CallAmount.ShouldBe(1_000m);
        frame.RuleIndex.ShouldBe(-1);

        // Deadline 3: after three rounds the call has expired and the sell-out applies, restoring 2,000 / 12,000 to 25%.
        var expired = account with { CallRounds = 3 };
        frame = RunBoth(reference, compiled, expired, fallen);
        frame.RuleIndex.ShouldBe(0);
        compiled.GetRuleValue(0, RuleValue.Size, expired, fallen, frame).ShouldBe(0.1666666667m, 0.0000000001m);
        compiled.GetRuleValue(0, RuleValue.Target, expired, fallen, frame).ShouldBe(0.25m);
    }

    /// <summary>Runs both programs, asserts they agree on everything, and returns the compiled program's frame.</summary>
    private static EvaluationFrame RunBoth(PolicyProgram reference, PolicyProgram compiled, Account account, Market market)
    {
        ProgramComparison.Compare(reference, compiled, account, market, out var completed).ShouldBeEmpty();
        completed.ShouldBeTrue();
        var frame = compiled.CreateFrame();
        compiled.Run(account, market, frame);
        return frame;
    }
}
