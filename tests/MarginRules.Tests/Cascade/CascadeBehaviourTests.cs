using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade.Shocks;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Cascade;

/// <summary>Margin calls, bad debt, determinism, cancellation and progress.</summary>
public sealed class CascadeBehaviourTests
{
    private static MarginPolicy RegT => MarginPolicy.Compile(TestData.ExamplePolicy("regt-finra-4210.margin"), "regt-finra-4210.margin");

    private static CascadeSetup Broker(MarginCallResponse response, decimal reserve) => new()
    {
        Assets = [new AssetSetup("STOCK", 100m, new LinearImpact(0m)), new AssetSetup("USD", 1m, new LinearImpact(0m))],
        Venues =
        [
            new VenueSetup("broker", RegT, [TestData.Account("c1", holdings: [new Holding("STOCK", 100m)], debts: [new Debt("USD", 5_000m)])])
            {
                Reserves = new Dictionary<string, decimal> { ["c1"] = reserve },
                Response = response,
            },
        ],
        Shock = new ShockPath(new Shock(new Dictionary<string, decimal> { ["STOCK"] = -0.40m })),
    };

    [Fact]
    public void An_unanswered_call_expires_after_its_deadline_and_the_account_is_sold_out()
    {
        // At 60: MV 6,000, equity 1,000 < maintenance 1,500 → call for 500 (PUBLISHED.md Reg T rule).
        // Deadline 3: called in round 1, liquidated in round 4 when call_rounds reaches 3.
        var result = CascadeEngine.Run(Broker(MarginCallResponse.None, 0m));

        result.Rounds[0].MarginCalls.ShouldBe(1);
        result.Rounds.Take(3).Sum(r => r.Liquidations).ShouldBe(0);
        result.Rounds[3].Liquidations.ShouldBe(1);

        // Sell-out restores equity / MV to 25%: 1,000 / (6,000 − x) = 25% ⇔ x = 2,000 (see RegTExampleTests).
        result.Rounds[3].LiquidatedNotional["STOCK"].ShouldBe(2_000m);
        result.Summary.StopReason.ShouldBe(CascadeStopReason.Fixpoint);
    }

    [Fact]
    public void A_call_answered_from_the_reserve_is_met_without_liquidation()
    {
        var result = CascadeEngine.Run(Broker(new MarginCallResponse(1m, 1m, 42), 10_000m));

        result.Rounds[0].TopUps.ShouldBe(1);
        result.Rounds[0].TopUpAmount.ShouldBe(500m);   // 0.25 × 6,000 − 1,000
        result.Summary.AccountsLiquidated.ShouldBe(0);
        result.FinalAccounts["broker"].Single().Wallet.ShouldBe(500m);
    }

    private static MarginPolicy Binance => MarginPolicy.Compile(TestData.ExamplePolicy("binance-btcusdt.margin"), "binance-btcusdt.margin");

    private static CascadeSetup Perps(decimal insurance, bool withWinner) => new()
    {
        Assets = [new AssetSetup("BTC", 40_000m, new LinearImpact(0m))],
        Instruments = [new InstrumentSetup("BTCUSDT", "BTC")],
        Venues =
        [
            new VenueSetup("perps", Binance,
                withWinner
                    ? [TestData.Account("loser", 1_000m, positions: [new Position("BTCUSDT", 1m, 40_000m)]),
                       TestData.Account("winner", 10_000m, positions: [new Position("BTCUSDT", -0.5m, 40_000m)])]
                    : [TestData.Account("loser", 1_000m, positions: [new Position("BTCUSDT", 1m, 40_000m)]),
                       TestData.Account("saver", 3_000m)],
                insurance),
        ],
        Shock = new ShockPath(new Shock(new Dictionary<string, decimal> { ["BTC"] = -0.10m })),
    };

    [Fact]
    public void Bad_debt_is_covered_by_the_insurance_fund_first()
    {
        // BTC 40,000 → 36,000: the long loses 4,000 against a 1,000 wallet and closes at 36,000 with a
        // 0.5% fee (180) to the fund: wallet 1,000 − 4,000 − 180 = −3,180. The fund (10,000 + 180) covers it.
        var result = CascadeEngine.Run(Perps(10_000m, withWinner: false));

        result.Summary.BadDebt.ShouldBe(3_180m);
        result.Summary.InsuranceDrawn.ShouldBe(3_180m);
        result.Rounds[0].InsuranceFunds["perps"].ShouldBe(10_180m - 3_180m);
        result.FinalAccounts["perps"].Single(a => a.Id == "loser").Wallet.ShouldBe(0m);
    }

    [Fact]
    public void When_the_fund_runs_dry_profitable_positions_are_auto_deleveraged()
    {
        // Fund 1,000 (+180 fee) covers 1,180 of the 3,180 deficit; the short's 2,000 profit (0.5 × 4,000) covers the rest.
        var result = CascadeEngine.Run(Perps(1_000m, withWinner: true));

        result.Summary.InsuranceDrawn.ShouldBe(1_180m);
        result.Summary.AdlEvents.ShouldBe(1);
        result.Rounds[0].AdlAmount.ShouldBe(2_000m);
        var winner = result.FinalAccounts["perps"].Single(a => a.Id == "winner");
        winner.Positions.ShouldBeEmpty();    // its whole 2,000 of profit went to the deficit
        winner.Wallet.ShouldBe(10_000m);
    }

    [Fact]
    public void Without_ADL_candidates_the_rest_is_socialised()
    {
        // Fund 0 (+180 fee): 3,000 left, taken from the only other wallet (3,000).
        var result = CascadeEngine.Run(Perps(0m, withWinner: false));

        result.Summary.SocializedLoss.ShouldBe(3_000m);
        result.FinalAccounts["perps"].Single(a => a.Id == "saver").Wallet.ShouldBe(0m);
    }

    private static CascadeSetup Population(int accounts, decimal shock, int seed)
    {
        var random = new Random(seed);
        var list = Enumerable.Range(0, accounts).Select(i =>
        {
            var units = 1_000m + random.Next(0, 9_000);
            var leverage = 2m + random.Next(0, 900) / 100m;
            var debt = Math.Round(units * (1m - 1m / leverage), 2);
            return CascadeTestKit.BankAccount($"acct{i}", units, debt);
        }).ToArray();
        return CascadeTestKit.Setup(new AssetSetup("RISK", 1m, new LinearImpact(0.00000001m)),
            [new VenueSetup("banks", CascadeTestKit.Bank(), list)], shock);
    }

    [Fact]
    public void Results_are_bit_identical_whatever_the_thread_count()
    {
        var one = CascadeEngine.Run(Population(500, -0.08m, 7), new CascadeOptions { MaxDegreeOfParallelism = 1, PartitionSize = 500 });
        var many = CascadeEngine.Run(Population(500, -0.08m, 7), new CascadeOptions { MaxDegreeOfParallelism = 4, PartitionSize = 7 });

        one.Summary.AccountsLiquidated.ShouldBeGreaterThan(0);
        CascadeTestKit.Fingerprint(many).ShouldBe(CascadeTestKit.Fingerprint(one));
    }

    [Fact]
    public void A_run_reports_progress_each_round_and_can_be_cancelled()
    {
        var reports = new List<CascadeProgress>();
        var result = CascadeEngine.Run(Population(200, -0.08m, 3), progress: new SynchronousProgress<CascadeProgress>(reports.Add));
        reports.Select(r => r.Round).ShouldBe(Enumerable.Range(1, result.Rounds.Count));

        using var cts = new CancellationTokenSource();
        cts.Cancel();
        Should.Throw<OperationCanceledException>(() => CascadeEngine.Run(Population(200, -0.08m, 3), cancellationToken: cts.Token));
    }

    [Fact]
    public void Bad_setups_are_rejected_with_a_clear_error()
    {
        var unknown = Perps(0m, false) with { Shock = new ShockPath(new Shock(new Dictionary<string, decimal> { ["ETH"] = -0.1m })) };
        Should.Throw<CascadeException>(() => CascadeEngine.Run(unknown)).Message.ShouldBe("the shock names an unknown asset `ETH`");

        var duplicate = Perps(0m, false) with
        {
            Venues = [new VenueSetup("perps", Binance, [TestData.Account("x", 1m), TestData.Account("x", 2m)])],
        };
        Should.Throw<CascadeException>(() => CascadeEngine.Run(duplicate)).Message.ShouldBe("venue `perps` has two accounts with id `x`");

        // Accounts given as a table are checked against the market the same way, naming the account.
        var table = new AccountTable.Builder().AddAccount("ok", 1m).AddPosition("BTCUSDT", 1m, 1m).AddAccount("y", 1m).AddPosition("DOGEUSDT", 1m, 1m).Build();
        Should.Throw<CascadeException>(() => CascadeEngine.Run(Perps(0m, false) with { Venues = [new VenueSetup("perps", Binance, table)] }))
            .Message.ShouldBe("venue `perps`, account `y`: position on `DOGEUSDT`, which the market does not list as an instrument");
        var holding = new AccountTable.Builder().AddAccount("z", 1m).AddHolding("DOGE", 1m).Build();
        Should.Throw<CascadeException>(() => CascadeEngine.Run(Perps(0m, false) with { Venues = [new VenueSetup("perps", Binance, holding)] }))
            .Message.ShouldBe("venue `perps`, account `z`: unknown asset `DOGE`");

        Should.Throw<CascadeException>(() => CascadeEngine.Run(Perps(0m, false), new CascadeOptions { CertificateBand = -0.01m }))
            .Message.ShouldBe("the certificate band is -0.01; it must be at least 0 and below 1");
        Should.Throw<CascadeException>(() => CascadeEngine.Run(Perps(0m, false), new CascadeOptions { CertificateBand = 1m }))
            .Message.ShouldBe("the certificate band is 1; it must be at least 0 and below 1");
    }

    [Fact]
    public void Margins_that_rise_with_EWMA_volatility_liquidate_more()
    {
        // A broker margin of max(25%, 2 × volatility): the −30% move lifts the EWMA estimate
        // σ² = 0.5 × 0.2² + 0.5 × 0.3² × 1 = 0.065, σ = 0.2550, so maintenance rises to 51% of market value.
        var text = """
            policy "vol margin" currency USD
            param base_rate: ratio = 25%
            let value = sum(h in holdings: h.value)
            equity = account.wallet + value - sum(d in debts: d.value)
            maintenance = value * max(base_rate, 2 * volatility("STOCK"))
            liquidation sell { when equity < maintenance take h in holdings size all }
            """;
        var policy = MarginPolicy.Compile(text);
        CascadeSetup Setup() => new()
        {
            Assets = [new AssetSetup("STOCK", 100m, new LinearImpact(0m), Volatility: 0.2m), new AssetSetup("USD", 1m, new LinearImpact(0m))],
            Venues = [new VenueSetup("b", policy, [TestData.Account("x", holdings: [new Holding("STOCK", 100m)], debts: [new Debt("USD", 3_500m)])])],
            Shock = new ShockPath(new Shock(new Dictionary<string, decimal> { ["STOCK"] = -0.30m })),
        };

        // At 70: value 7,000, equity 3,500. Static volatility 0.2: maintenance max(25%, 40%) = 2,800 → healthy.
        CascadeEngine.Run(Setup()).Summary.AccountsLiquidated.ShouldBe(0);

        // With the EWMA estimate (λ = 0.5, scale 1): maintenance 2 × 0.2550 × 7,000 = 3,570 > 3,500 → liquidated.
        CascadeEngine.Run(Setup(), new CascadeOptions { Volatility = new VolatilityEstimate(0.5m, 1m) }).Summary.AccountsLiquidated.ShouldBe(1);
    }

    private sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
