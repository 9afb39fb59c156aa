using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade.Shocks;
using MarginRules.Tests.Cascade.Reference;

namespace MarginRules.Tests.Cascade;

/// <summary><c>account.rounds_since_liquidation</c>: the engine counts rounds from an account's last liquidation.</summary>
public sealed class LiquidationAgeTests
{
    // A position is halved when the account is below 10% of its notional; two rounds after a liquidation whatever is
    // left is closed, healthy or not, so the count alone decides the second liquidation.
    private const string Text = """
        policy "age" currency USD
        equity = account.wallet + sum(p in positions: p.upnl)
        maintenance = sum(p in positions: p.notional) * 10%
        export age = account.rounds_since_liquidation
        liquidation halve {
          when equity < maintenance
          take p in positions
          size fraction 50%
        }
        liquidation two_rounds_on {
          when account.rounds_since_liquidation == 2 and count(p in positions) > 0
          take p in positions
          size all
        }
        """;

    private static CascadeSetup Setup(params Account[] accounts) => new()
    {
        Assets = [new AssetSetup("BTC", 100m, new LinearImpact(0m)), new AssetSetup("ETH", 10m, new LinearImpact(0m))],
        Instruments = [new InstrumentSetup("BTCUSD", "BTC")],
        Venues = [new VenueSetup("v", MarginPolicy.Compile(Text, "age.margin"), accounts)],
        // BTC moves only in round 1; ETH, which no account holds, keeps the run going for three rounds.
        Shock = new ShockPath(
            new Shock(new Dictionary<string, decimal> { ["BTC"] = -0.10m }),
            new Shock(new Dictionary<string, decimal> { ["ETH"] = -0.10m }),
            new Shock(new Dictionary<string, decimal> { ["ETH"] = -0.10m })),
    };

    [Fact]
    public void Two_rounds_after_a_liquidation_the_count_alone_triggers_the_next_even_with_no_price_move()
    {
        // Wallet 15, long 1 BTC from 100, marked at 90 in round 1: equity 15 − 10 = 5 < 9 (10% of 90), so `halve`
        // closes 0.5 BTC (45 of notional), realising −5: wallet 10, equity 10 − 5 = 5 ≥ 4.5, healthy. Round 2: it was
        // liquidated, so it is evaluated: age 1, healthy. Round 3: no price it depends on moved, yet its age is 2, so
        // `two_rounds_on` closes the other 0.5 BTC at 90 (45), realising −5: wallet 5, flat. Round 4 is quiet (ETH's
        // shock has ended) and the run stops; the final account reads as round 5 would: 5 − 3 = 2.
        var result = CascadeEngine.Run(Setup(TestData.Account("h", 15m, positions: [new Position("BTCUSD", 1m, 100m)])));

        result.Rounds.Count.ShouldBe(4);
        result.Rounds[0].Liquidations.ShouldBe(1);
        result.Rounds[0].LiquidatedNotional["BTC"].ShouldBe(45m);
        result.Rounds[1].Liquidations.ShouldBe(0);
        result.Rounds[2].Liquidations.ShouldBe(1);
        result.Rounds[2].LiquidatedNotional["BTC"].ShouldBe(45m);
        var final = result.FinalAccounts["v"].Single();
        final.Positions.ShouldBeEmpty();
        final.Wallet.ShouldBe(5m);
        final.RoundsSinceLiquidation.ShouldBe(2);
    }

    [Fact]
    public void An_account_arriving_with_a_count_goes_on_from_it()
    {
        // Given as liquidated one round before the run: round 1 reads 1, round 2 reads 2, when `two_rounds_on` closes
        // its 1 BTC at 90 (BTC moved only in round 1; the account is healthy: equity 50 − 10 = 40 ≥ 9). Round 3 is
        // quiet and the last of the shock, so the run stops, and the final account reads 4 − 2 = 2.
        var account = TestData.Account("a", 50m, positions: [new Position("BTCUSD", 1m, 100m)]) with { RoundsSinceLiquidation = 1 };
        var result = CascadeEngine.Run(Setup(account));

        result.Rounds[0].Liquidations.ShouldBe(0);
        result.Rounds[1].Liquidations.ShouldBe(1);
        result.Rounds[1].LiquidatedNotional["BTC"].ShouldBe(90m);
        result.FinalAccounts["v"].Single().RoundsSinceLiquidation.ShouldBe(2);
    }

    [Fact]
    public void A_count_given_at_the_largest_int_stays_there()
    {
        // JSON allows up to 2,147,483,647; counting on from it must not wrap around to a negative count.
        var account = TestData.Account("old", 1_000m, positions: [new Position("BTCUSD", 1m, 100m)]) with { RoundsSinceLiquidation = int.MaxValue };
        var result = CascadeEngine.Run(Setup(account));
        result.FinalAccounts["v"].Single().RoundsSinceLiquidation.ShouldBe(int.MaxValue);
    }

    [Fact]
    public void A_negative_count_from_the_api_is_a_clear_error()
    {
        var account = TestData.Account("bad", 1_000m, positions: [new Position("BTCUSD", 1m, 100m)]) with { RoundsSinceLiquidation = -5 };
        var e = Should.Throw<CascadeException>(() => CascadeEngine.Run(Setup(account)));
        e.Message.ShouldBe("venue `v`, account `bad`: rounds since liquidation is -5; it must be 0 or more");
    }

    [Fact]
    public void The_record_engine_agrees()
    {
        // The record-based reference engine counts the rounds its own way (one more each round, 1 after a liquidation).
        // Together the run has 4 rounds (h liquidated in 1 and 3, a in 2), so the final accounts read as round 5:
        // h 5 − 3 = 2, a 5 − 2 = 3, never 0.
        var accounts = new[]
        {
            TestData.Account("h", 15m, positions: [new Position("BTCUSD", 1m, 100m)]),
            TestData.Account("a", 50m, positions: [new Position("BTCUSD", 1m, 100m)]) with { RoundsSinceLiquidation = 1 },
            TestData.Account("never", 1_000m, positions: [new Position("BTCUSD", 1m, 100m)]),
        };
        var mine = CascadeEngine.Run(Setup(accounts));
        var reference = new RecordCascadeRun(Setup(accounts), new CascadeOptions { MaxDegreeOfParallelism = 1 }).Run(null, default);
        CascadeTestKit.Fingerprint(mine).ShouldBe(CascadeTestKit.Fingerprint(reference));
        mine.FinalAccounts["v"].Select(a => a.RoundsSinceLiquidation).ShouldBe(reference.FinalAccounts["v"].Select(a => a.RoundsSinceLiquidation));
        mine.FinalAccounts["v"].Select(a => a.RoundsSinceLiquidation).ShouldBe([2, 3, 0]);
    }
}
