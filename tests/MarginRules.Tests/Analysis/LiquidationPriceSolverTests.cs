using MarginRules.Accounts;
using MarginRules.Analysis;
using MarginRules.Assessment;

namespace MarginRules.Tests.Analysis;

/// <summary>The numerical liquidation-price search against closed-form prices from PUBLISHED.md.</summary>
public sealed class LiquidationPriceSolverTests
{
    // A dYdX-style isolated policy (PUBLISHED.md, "dYdX v4"): equity = Q + Σ S·P, MMR = |S·P·MMF| with MMF 5%,
    // liquidated when equity falls below the maintenance requirement.
    private const string DydxPolicy = """
        policy "dYdX-style isolated" currency USD

        param mmf: ratio = 5%

        equity = account.wallet + sum(p in positions: p.upnl)
        maintenance = sum(p in positions: abs(p.size * p.mark_price * mmf))

        liquidation close_out {
          when equity < maintenance
          take p in positions
          size all
        }
        """;

    private static readonly MarginPolicy Dydx = MarginPolicy.Compile(DydxPolicy, "dydx.margin");
    private static readonly MarginPolicy Binance = MarginPolicy.Compile(TestData.ExamplePolicy("binance-btcusdt.margin"), "binance-btcusdt.margin");
    private static readonly MarginPolicy RegT = MarginPolicy.Compile(TestData.ExamplePolicy("regt-finra-4210.margin"), "regt-finra-4210.margin");

    [Fact]
    public void Dydx_isolated_short_matches_the_published_3174_60()
    {
        // PUBLISHED.md [P]: e = 1,000, short 3 at 3,000, MMF 5% → p′ = (e − s·p) / (|s|·MMF − s)
        // = (1,000 + 9,000) / (0.15 + 3) = 3,174.6031746…; at the entry price upnl is 0, so the wallet is e = 1,000.
        // The trigger is strict (<), so 3,174.60 is the highest cent not yet liquidatable; 3,174.61 liquidates.
        var account = TestData.Account("short", 1_000m, positions: [new Position("ETH-USD", -3m, 3_000m)]);
        var result = new LiquidationPriceSolver(Dydx).Solve(account, TestData.Market(("ETH-USD", 3_000m)), "ETH-USD");

        result.CurrentStatus.ShouldBe(MarginStatus.Healthy);
        result.Falling.ShouldBeNull();
        var rising = result.Rising!;
        rising.Direction.ShouldBe(PriceDirection.Rising);
        rising.Price.ShouldBe(3_174.60m);
        rising.StatusBeyond.ShouldBe(MarginStatus.Liquidatable);
        Math.Abs(rising.Boundary - 10_000m / 3.15m).ShouldBeLessThan(0.0000001m);
        Dydx.Evaluate(account, TestData.Market(("ETH-USD", 3_174.61m))).Status.ShouldBe(MarginStatus.Liquidatable);
    }

    [Fact]
    public void Dydx_isolated_long_falls_to_its_closed_form_price()
    {
        // Same formula with s = +2, p = 3,000, e = 1,000: p′ = (1,000 − 6,000) / (0.10 − 2) = 2,631.5789…;
        // the lowest cent not yet liquidatable is 2,631.58.
        var account = TestData.Account("long", 1_000m, positions: [new Position("ETH-USD", 2m, 3_000m)]);
        var result = new LiquidationPriceSolver(Dydx).Solve(account, TestData.Market(("ETH-USD", 3_000m)), "ETH-USD");

        result.Rising.ShouldBeNull();
        result.Falling!.Price.ShouldBe(2_631.58m);
        Math.Abs(result.Falling.Boundary - 5_000m / 1.9m).ShouldBeLessThan(0.0000001m);
    }

    [Fact]
    public void Binance_long_within_one_bracket()
    {
        // PUBLISHED.md [D]: LP = (WB + cum − side·Q·EP) / (Q·MMR − side·Q). One position alone, so the cross margin
        // balance is the isolated one (WB = wallet). Long 1 from 40,000 with WB 2,000, bracket 1 (0.40%, cum 0) at
        // the LP (notional ≈ 38,153 < 50,000): LP = (2,000 − 40,000) / (0.004 − 1) = 38,152.6104…
        // At 38,152.61 equity 152.61 < MM 152.61044 (liquidatable); at 38,152.62 equity 152.62 ≥ 152.61048.
        var result = SolveBinance(1m, 40_000m, 2_000m);

        result.Rising.ShouldBeNull();
        result.Falling!.Price.ShouldBe(38_152.62m);
        Math.Abs(result.Falling.Boundary - 38_000m / 0.996m).ShouldBeLessThan(0.0000001m);
    }

    [Fact]
    public void Binance_long_whose_bracket_at_entry_differs_from_the_bracket_at_the_liquidation_price()
    {
        // Long 5 from 52,000: entry notional 260,000 is bracket 3 (1.00%, cum 1,300). WB 15,000.
        // With bracket 3: (15,000 + 1,300 − 260,000) / (0.05 − 5) = 49,232.32…, notional 246,162 < 250,000: not bracket 3.
        // With bracket 2 (0.50%, cum 50): (15,000 + 50 − 260,000) / (0.025 − 5) = 244,950 / 4.975 = 49,236.1809…,
        // notional 246,181 in [50,000, 250,000): bracket 2 holds, so LP = 49,236.1809…
        // At 49,236.18: equity 1,180.90 < MM 246,180.90 × 0.5% − 50 = 1,180.9045 (liquidatable);
        // at 49,236.19: equity 1,180.95 ≥ 1,180.90475, so 49,236.19 is the lowest cent not yet liquidatable.
        var result = SolveBinance(5m, 52_000m, 15_000m);

        result.Falling!.Price.ShouldBe(49_236.19m);
        Math.Abs(result.Falling.Boundary - 244_950m / 4.975m).ShouldBeLessThan(0.0000001m);
        Binance.Evaluate(BinanceAccount(5m, 52_000m, 15_000m), TestData.Market(("BTCUSDT", 52_000m))).Maintenance.ShouldBe(1_300m); // 260,000 × 1% − 1,300
    }

    [Fact]
    public void Binance_short_crosses_into_a_higher_bracket()
    {
        // Short 5 from 48,000: entry notional 240,000 is bracket 2 (0.50%, cum 50). WB 12,000.
        // With bracket 2: (12,000 + 50 + 240,000) / (0.025 + 5) = 50,159.20…, notional 250,796 ≥ 250,000: not bracket 2.
        // With bracket 3 (1.00%, cum 1,300): (12,000 + 1,300 + 240,000) / (0.05 + 5) = 253,300 / 5.05 = 50,158.4158…,
        // notional 250,792 ≥ 250,000: bracket 3 holds, so LP = 50,158.4158…
        // At 50,158.41: equity 1,207.95 ≥ MM 2,507.9205 − 1,300 = 1,207.9205; at 50,158.42: 1,207.90 < 1,207.921.
        var result = SolveBinance(-5m, 48_000m, 12_000m);

        result.Falling.ShouldBeNull();
        result.Rising!.Price.ShouldBe(50_158.41m);
        Math.Abs(result.Rising.Boundary - 253_300m / 5.05m).ShouldBeLessThan(0.0000001m);
    }

    [Fact]
    public void Reg_T_margin_call_boundary_is_a_market_value_of_6666_67()
    {
        // PUBLISHED.md [D]: 100 shares, $5,000 loan: MV − 5,000 < 0.25 MV ⇔ MV < 6,666.67, a price of 66.6667.
        // At 66.66 (MV 6,666) equity 1,666 < 1,666.50: called; at 66.67 equity 1,667 ≥ 1,666.75: so 66.67 to the cent.
        var account = RegTAccount();
        var options = new LiquidationPriceOptions { Threshold = MarginStatus.MarginCall };
        var result = new LiquidationPriceSolver(RegT, options).Solve(account, RegTMarket(), "STOCK");

        result.MovingSymbols.ShouldBe(["STOCK"]);
        result.Rising.ShouldBeNull();
        result.Falling!.Price.ShouldBe(66.67m);
        result.Falling.StatusBeyond.ShouldBe(MarginStatus.MarginCall);
        Math.Abs(result.Falling.Boundary - 200m / 3m).ShouldBeLessThan(0.000000001m);

        // On a 0.0001 tick: at 66.6666 equity 1,666.66 < 1,666.665 (called); at 66.6667 1,666.67 ≥ 1,666.6675.
        var fine = new LiquidationPriceSolver(RegT, options with { Tick = 0.0001m }).Solve(account, RegTMarket(), "STOCK");
        fine.Falling!.Price.ShouldBe(66.6667m);
    }

    [Fact]
    public void Reg_T_never_liquidates_before_the_call_expires()
    {
        // The sell-out needs call_expired (call_rounds ≥ 3); with no rounds outstanding no price liquidates.
        var result = new LiquidationPriceSolver(RegT).Solve(RegTAccount(), RegTMarket(), "STOCK");

        result.Falling.ShouldBeNull();
        result.Rising.ShouldBeNull();
        result.LowestPriceSearched.ShouldBe(0.0000001m);   // 100 × 1e-9
        result.HighestPriceSearched.ShouldBe(100_000m);    // 100 × 1,000
    }

    [Fact]
    public void An_expired_call_liquidates_below_the_same_boundary()
    {
        // With the call expired the sell-out applies wherever the call does, so the liquidation boundary is 66.67 too.
        var result = new LiquidationPriceSolver(RegT).Solve(RegTAccount() with { CallRounds = 3 }, RegTMarket(), "STOCK");
        result.Falling!.Price.ShouldBe(66.67m);
        result.Falling.StatusBeyond.ShouldBe(MarginStatus.Liquidatable);
    }

    [Fact]
    public void A_hedged_pair_is_liquidated_only_by_a_rising_price()
    {
        // dYdX policy, wallet 1,000, long 1 ETH-USD and short 1 ETH-PERP, both from 3,000 and both moving with ETH.
        // Σ upnl = 0 at every price, so equity stays 1,000 while MM = 2 × P × 5% = 0.1·P: liquidatable above 10,000;
        // at exactly 10,000 equity = MM, not yet liquidatable. No falling price liquidates.
        var account = TestData.Account("pair", 1_000m, positions: [new Position("ETH-USD", 1m, 3_000m), new Position("ETH-PERP", -1m, 3_000m)]);
        var market = TestData.Market(("ETH", 3_000m), ("ETH-USD", 3_000m), ("ETH-PERP", 3_000m));
        var result = new LiquidationPriceSolver(Dydx).Solve(account, market, "ETH");

        result.MovingSymbols.ShouldBe(["ETH", "ETH-PERP", "ETH-USD"]);
        result.Falling.ShouldBeNull();
        result.Rising!.Price.ShouldBe(10_000m);
        result.Rising.Prices["ETH-PERP"].ShouldBe(10_000m);

        // Long 3 and short 1: equity = 1,000 + 3(P − 3,000) − (P − 3,000) = 2P − 5,000; MM = 4 × P × 5% = 0.2P.
        // Falling: 2P − 5,000 < 0.2P ⇔ P < 5,000 / 1.8 = 2,777.77…; at 2,777.78 equity 555.56 ≥ MM 555.556.
        // Rising: equity grows faster than MM, so nothing liquidates up to 3,000,000.
        var lopsided = account with { Positions = [new Position("ETH-USD", 3m, 3_000m), new Position("ETH-PERP", -1m, 3_000m)] };
        var both = new LiquidationPriceSolver(Dydx).Solve(lopsided, market, "ETH");
        both.Falling!.Price.ShouldBe(2_777.78m);
        both.Rising.ShouldBeNull();
    }

    [Fact]
    public void A_convex_requirement_gives_a_boundary_each_way()
    {
        // A size charge MM = notional² / 2,500 USD against a long 1 from 1,000 with wallet 600: equity = P − 400.
        // P − 400 < P² / 2,500 ⇔ P² − 2,500P + 1,000,000 > 0 ⇔ P < 500 or P > 2,000 (roots 500 and 2,000).
        // At both roots equity = MM, which the strict trigger leaves safe: 499.99 gives 99.99 < 99.996 and 2,000.01
        // gives 1,600.01 < 1,600.016, so the last safe cents are 500.00 falling and 2,000.00 rising.
        const string text = """
            policy "size charge" currency USD
            param scale: money = 2_500 USD
            equity = account.wallet + sum(p in positions: p.upnl)
            maintenance = sum(p in positions: p.notional * p.notional / scale)
            liquidation close_out {
              when equity < maintenance
              take p in positions
              size all
            }
            """;
        var policy = MarginPolicy.Compile(text, "size-charge.margin");
        var account = TestData.Account("convex", 600m, positions: [new Position("X", 1m, 1_000m)]);
        var result = new LiquidationPriceSolver(policy).Solve(account, TestData.Market(("X", 1_000m)), "X");

        result.Falling!.Price.ShouldBe(500m);
        result.Rising!.Price.ShouldBe(2_000m);
        Math.Abs(result.Falling.Boundary - 500m).ShouldBeLessThan(0.000001m);
        Math.Abs(result.Rising.Boundary - 2_000m).ShouldBeLessThan(0.000001m);
    }

    [Fact]
    public void Holdings_and_positions_of_one_asset_move_together()
    {
        // Holding 10 ETH and short 20 ETHPERP from 3,000, wallet 1,000: equity = 1,000 + 10P − 20(P − 3,000) = 61,000 − 10P,
        // MM = 5% × 20P = P. Rising: 61,000 − 10P < P ⇔ P > 61,000 / 11 = 5,545.4545…; at 5,545.45 equity 5,545.50 ≥ MM.
        // A falling price only raises equity and lowers MM.
        const string text = """
            policy "hedged" currency USD
            equity = account.wallet + sum(h in holdings: h.value) - sum(d in debts: d.value) + sum(p in positions: p.upnl)
            maintenance = sum(p in positions: abs(p.size * p.mark_price * 5%))
            liquidation close_out {
              when equity < maintenance
              take p in positions
              size all
            }
            """;
        var policy = MarginPolicy.Compile(text, "hedged.margin");
        var market = TestData.Market(("ETH", 3_000m), ("ETHPERP", 3_000m), ("USD", 1m));
        var account = TestData.Account("h", 1_000m, positions: [new Position("ETHPERP", -20m, 3_000m)], holdings: [new Holding("ETH", 10m)]);
        var result = new LiquidationPriceSolver(policy).Solve(account, market, "ETH");

        result.Rising!.Price.ShouldBe(5_545.45m);
        result.Falling.ShouldBeNull();

        // With a 40,000 loan the equity at 3,000 is 21,000 − 30,000 = −9,000 < MM 3,000: liquidatable already.
        var loaned = account with { Debts = [new Debt("USD", 40_000m)] };
        var already = new LiquidationPriceSolver(policy).Solve(loaned, market, "ETH");
        already.AlreadyReached.ShouldBeTrue();
        already.CurrentStatus.ShouldBe(MarginStatus.Liquidatable);
        already.Falling.ShouldBeNull();
        already.Rising.ShouldBeNull();
    }

    [Fact]
    public void Instruments_move_in_proportion_with_their_asset()
    {
        // BTC at 40,000 and BTCUSDT at 40,040 (a 0.1% premium): the prefix rule moves BTCUSDT with BTC and keeps the
        // premium. The Binance long from case 1 (LP 38,152.6104… in BTCUSDT) is liquidated when BTC < 38,152.6104… / 1.001
        // = 38,114.4959…; at 38,114.50 BTC the instrument trades at 38,152.6145 > LP.
        var account = BinanceAccount(1m, 40_000m, 2_000m);
        var market = TestData.Market(("BTC", 40_000m), ("BTCUSDT", 40_040m));
        var result = new LiquidationPriceSolver(Binance).Solve(account, market, "BTC");

        result.MovingSymbols.ShouldBe(["BTC", "BTCUSDT"]);
        result.Falling!.Price.ShouldBe(38_114.50m);
        result.Falling.Prices["BTCUSDT"].ShouldBe(38_152.6145m);

        // Mapped to another asset, BTCUSDT no longer moves with BTC, and BTC alone moves nothing the account holds.
        var options = new LiquidationPriceOptions { Underlyings = new Dictionary<string, string> { ["BTCUSDT"] = "XBT" } };
        var unlinked = new LiquidationPriceSolver(Binance, options).Solve(account, market, "BTC");
        unlinked.MovingSymbols.ShouldBe(["BTC"]);
        unlinked.Falling.ShouldBeNull();
        unlinked.Rising.ShouldBeNull();
    }

    [Fact]
    public void Explicit_underlyings_link_symbols_that_do_not_share_the_prefix()
    {
        var market = TestData.Market(("BTC", 1m), ("XBTUSD", 1m), ("BTCUSDT", 1m), ("ETH", 1m));
        var map = new Dictionary<string, string> { ["XBTUSD"] = "BTC" };
        LiquidationPriceSolver.MovingSymbols(market, "BTC", map).ShouldBe(["BTC", "BTCUSDT", "XBTUSD"]);
        LiquidationPriceSolver.MovingSymbols(market, "ETH").ShouldBe(["ETH"]);
    }

    [Fact]
    public void Unknown_assets_zero_prices_and_bad_options_are_rejected()
    {
        var account = RegTAccount();
        Should.Throw<ArgumentException>(() => new LiquidationPriceSolver(RegT).Solve(account, RegTMarket(), "GOLD"))
            .Message.ShouldStartWith("the market does not list `GOLD`");
        Should.Throw<ArgumentException>(() => new LiquidationPriceSolver(RegT).Solve(account, TestData.Market(("STOCK", 0m), ("USD", 1m)), "STOCK"))
            .Message.ShouldStartWith("the price of `STOCK` is 0");
        Should.Throw<ArgumentException>(() => new LiquidationPriceSolver(RegT, new LiquidationPriceOptions { Threshold = MarginStatus.Healthy }));
        Should.Throw<ArgumentException>(() => new LiquidationPriceSolver(RegT, new LiquidationPriceOptions { Tick = 0m }));
        Should.Throw<ArgumentException>(() => new LiquidationPriceSolver(RegT, new LiquidationPriceOptions { MaxMultiple = 1m }));
    }

    [Fact]
    public void A_tick_coarser_than_the_price_reports_the_bisected_safe_price()
    {
        // dYdX short from case 1 on a tick of 10,000: no tick lies between 0 and the boundary 3,174.60…, so the solver
        // reports the last safe price the bisection found, within 1e-12 of the boundary.
        var account = TestData.Account("short", 1_000m, positions: [new Position("ETH-USD", -3m, 3_000m)]);
        var result = new LiquidationPriceSolver(Dydx, new LiquidationPriceOptions { Tick = 10_000m }).Solve(account, TestData.Market(("ETH-USD", 3_000m)), "ETH-USD");
        Math.Abs(result.Rising!.Price - 10_000m / 3.15m).ShouldBeLessThan(0.0000001m);
        result.Rising.Price.ShouldBeLessThanOrEqualTo(10_000m / 3.15m);
    }

    private static LiquidationPriceResult SolveBinance(decimal size, decimal entry, decimal wallet) =>
        new LiquidationPriceSolver(Binance).Solve(BinanceAccount(size, entry, wallet), TestData.Market(("BTCUSDT", entry)), "BTCUSDT");

    private static Account BinanceAccount(decimal size, decimal entry, decimal wallet) =>
        TestData.Account("binance", wallet, positions: [new Position("BTCUSDT", size, entry, Isolated: true, IsolatedMargin: wallet)]);

    // PUBLISHED.md, "Broker stock margin": 100 shares at $100 bought with $5,000 of equity and a $5,000 loan.
    private static Account RegTAccount() =>
        TestData.Account("broker-1", holdings: [new Holding("STOCK", 100m)], debts: [new Debt("USD", 5_000m)]);

    private static Market RegTMarket() => TestData.Market(("STOCK", 100m), ("USD", 1m));
}
