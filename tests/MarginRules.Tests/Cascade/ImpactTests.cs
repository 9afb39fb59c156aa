using CsCheck;
using MarginRules.Cascade.Impact;

namespace MarginRules.Tests.Cascade;

/// <summary>Price-impact models: published and hand-computed examples, the price floor, and parameter validation.</summary>
public sealed class ImpactTests
{
    // ---------- Exponential (Cifuentes–Ferrucci–Shin 2005; Caccioli et al. 2014) ----------

    [Fact]
    public void Exponential_impact_reproduces_Caccioli_ten_percent_sale_ten_percent_drop()
    {
        // Caccioli, Shrestha, Moore & Farmer (2014), "Stability analysis of financial contagion due to overlapping
        // portfolios": α = 1.0536 is chosen so that liquidating 10% of an asset lowers its price by 10%;
        // exp(−1.0536 × 0.10) = exp(−0.10536) = 0.9000 to four places.
        var impact = new ExponentialImpact(1.0536m, 1m);

        var price = impact.NextPrice(new ImpactState(ReferencePrice: 1m, CurrentPrice: 1m, RoundQuantity: 0.10m, CumulativeQuantity: 0.10m));

        Math.Round(price, 4).ShouldBe(0.9000m);
        // Python decimal at 40 digits: Decimal("-0.10536").exp() = 0.90000046409216332747…
        Math.Round(price, 12).ShouldBe(0.900000464092m);
    }

    [Fact]
    public void Exponential_impact_uses_the_fraction_sold_when_scale_is_the_units_outstanding()
    {
        // 50 of 100 units sold is a fraction of 0.5: 40 × exp(−1.0536 × 0.5) = 40 × 0.59049152245591192798…
        // (Python decimal: Decimal("-0.5268").exp()) = 23.619660898236477…
        var impact = new ExponentialImpact(1.0536m, 100m);

        var price = impact.NextPrice(new ImpactState(40m, 30m, 10m, 50m));

        Math.Round(price, 12).ShouldBe(23.619660898236m);
    }

    [Fact]
    public void Exponential_impact_depends_on_cumulative_sales_not_on_the_round()
    {
        // The mark is a function of the reference price and Q alone: the same Q gives the same price whatever this
        // round's quantity and mark were.
        var impact = new ExponentialImpact(0.5m, 1m);

        impact.NextPrice(new ImpactState(10m, 9m, 1m, 2m)).ShouldBe(impact.NextPrice(new ImpactState(10m, 7m, 0.25m, 2m)));
        impact.NextPrice(new ImpactState(10m, 10m, 0m, 0m)).ShouldBe(10m);
    }

    // ---------- Linear ----------

    [Fact]
    public void Linear_impact_moves_the_price_by_lambda_times_the_notional_sold()
    {
        // The calibration example A = 100, b = 9, λ = 5·10⁻⁴. Selling 0.09 units at 100 is 9 of notional;
        // Δp/p = −λ·q = −0.0005 × 9 = −0.0045 = −0.45%, so p' = 100 × (1 − 0.0045) = 99.55.
        var impact = new LinearImpact(0.0005m);

        var price = impact.NextPrice(new ImpactState(ReferencePrice: 100m, CurrentPrice: 100m, RoundQuantity: 0.09m, CumulativeQuantity: 0.09m));

        price.ShouldBe(99.55m);
        ((price - 100m) / 100m).ShouldBe(-0.0045m);
    }

    [Fact]
    public void Linear_impact_compounds_from_the_current_mark_and_a_net_purchase_lifts_it()
    {
        // From a mark of 99.55, selling 0.09 units is 8.9595 of notional: 99.55 × (1 − 0.0005 × 8.9595)
        // = 99.55 × 0.99552025 = 99.104040887… exactly 99.1040408875.
        var impact = new LinearImpact(0.0005m);
        impact.NextPrice(new ImpactState(100m, 99.55m, 0.09m, 0.18m)).ShouldBe(99.1040408875m);

        // Buying 0.09 units at 100 is −9 of notional: 100 × (1 + 0.0045) = 100.45.
        impact.NextPrice(new ImpactState(100m, 100m, -0.09m, -0.09m)).ShouldBe(100.45m);
    }

    // ---------- Square root ----------

    [Fact]
    public void Square_root_impact_follows_the_worked_examples()
    {
        // Y = 1, σ = 2%, V = 1,000,000, q = 10,000 units: √(q/V) = √0.01 = 0.1; Δp/p = −1 × 0.02 × 0.1 = −0.002,
        // so 50 → 50 × 0.998 = 49.9.
        var impact = new SquareRootImpact(1m, 0.02m, 1_000_000m);
        impact.NextPrice(new ImpactState(50m, 50m, 10_000m, 10_000m)).ShouldBe(49.9m);

        // The same quantity bought: 50 × 1.002 = 50.1.
        impact.NextPrice(new ImpactState(50m, 50m, -10_000m, -10_000m)).ShouldBe(50.1m);

        // Y = 0.5, σ = 4%, V = 10,000, q = 2,500: √0.25 = 0.5; Δp/p = −0.5 × 0.04 × 0.5 = −0.01, so 200 → 198.
        new SquareRootImpact(0.5m, 0.04m, 10_000m).NextPrice(new ImpactState(210m, 200m, 2_500m, 4_000m)).ShouldBe(198m);
    }

    [Fact]
    public void Square_root_impact_of_nothing_sold_leaves_the_mark()
    {
        new SquareRootImpact(1m, 0.02m, 1_000m).NextPrice(new ImpactState(50m, 48m, 0m, 10m)).ShouldBe(48m);
    }

    // ---------- Order book ----------

    private static readonly OrderBookImpact Ladder = new([(99m, 10m), (98m, 20m), (97m, 30m)]);

    [Theory]
    // Cumulative depth of the ladder: 10 at 99, 30 at 98, 60 at 97.
    [InlineData("5", "99")]     // 5 ≤ 10: the first level absorbs it
    [InlineData("10", "99")]    // 10 ≤ 10: exhausted exactly at the first level
    [InlineData("10.5", "98")]  // 10 < 10.5 ≤ 30
    [InlineData("30", "98")]
    [InlineData("31", "97")]    // 30 < 31 ≤ 60
    [InlineData("60", "97")]
    [InlineData("1000", "97")]  // past the last level: stays at the last level's price
    [InlineData("0", "100")]    // nothing sold: the reference price
    [InlineData("-5", "100")]   // a net purchase: no asks in the model, so the reference price
    public void Order_book_impact_walks_the_ladder(string sold, string expected)
    {
        var price = Ladder.NextPrice(new ImpactState(100m, 100m, decimal.Parse(sold), decimal.Parse(sold)));

        price.ShouldBe(decimal.Parse(expected));
    }

    [Fact]
    public void Order_book_impact_never_sets_a_mark_above_the_reference_price()
    {
        // After a shock to 98.5 the 99 bids are through; 5 units sold would reach the 99 level, capped at 98.5.
        Ladder.NextPrice(new ImpactState(98.5m, 98.5m, 5m, 5m)).ShouldBe(98.5m);
        // 15 units reach the 98 level, below the reference.
        Ladder.NextPrice(new ImpactState(98.5m, 98.5m, 15m, 15m)).ShouldBe(98m);
    }

    [Fact]
    public void Order_book_impact_copies_the_ladder_and_compares_by_levels()
    {
        var levels = new List<(decimal Price, decimal Quantity)> { (99m, 10m), (98m, 20m) };
        var impact = new OrderBookImpact(levels);
        levels[0] = (50m, 1m);

        impact.Bids[0].ShouldBe((99m, 10m));
        impact.ShouldBe(new OrderBookImpact([(99m, 10m), (98m, 20m)]));
        impact.GetHashCode().ShouldBe(new OrderBookImpact([(99m, 10m), (98m, 20m)]).GetHashCode());
        impact.ShouldNotBe(new OrderBookImpact([(99m, 10m), (98m, 21m)]));
        impact.ToString().ShouldBe("OrderBookImpact { Bids = [10 @ 99, 20 @ 98] }");
    }

    // ---------- Floor ----------

    [Fact]
    public void A_fall_of_100_percent_or_more_is_floored_at_the_minimum_price()
    {
        // Linear: λ·q = 0.01 × (2 × 100) = 2, so 1 − λ·q = −1 would be a negative price.
        new LinearImpact(0.01m).NextPrice(new ImpactState(100m, 100m, 2m, 2m)).ShouldBe(PriceImpact.MinimumPrice);
        // Linear exactly −100%: 0.01 × (1 × 100) = 1.
        new LinearImpact(0.01m).NextPrice(new ImpactState(100m, 100m, 1m, 1m)).ShouldBe(PriceImpact.MinimumPrice);
        // Square root: 1 × 1 × √(400 / 100) = 2, a −200% move.
        new SquareRootImpact(1m, 1m, 100m).NextPrice(new ImpactState(10m, 10m, 400m, 400m)).ShouldBe(PriceImpact.MinimumPrice);
        // Exponential: exp(−100) ≈ 3.7·10⁻⁴⁴ underflows decimal; the floor stands in.
        new ExponentialImpact(100m, 1m).NextPrice(new ImpactState(1m, 1m, 1m, 1m)).ShouldBe(PriceImpact.MinimumPrice);
        PriceImpact.MinimumPrice.ShouldBe(1e-18m);
    }

    [Fact]
    public void Every_model_keeps_prices_positive_and_selling_never_raises_the_mark()
    {
        var models = Gen.OneOf<PriceImpact>(
            Gen.Decimal[0m, 0.1m].Select(l => new LinearImpact(l)),
            Gen.Select(Gen.Decimal[0m, 2m], Gen.Decimal[0m, 1m], Gen.Decimal[1m, 1_000_000m], (y, s, v) => new SquareRootImpact(y, s, v)),
            Gen.Select(Gen.Decimal[0m, 5m], Gen.Decimal[0.01m, 1_000m], (a, s) => new ExponentialImpact(a, s)),
            Gen.Decimal[0.01m, 100m].Array[1, 5].Select(q => new OrderBookImpact(q.Select((quantity, i) => (100m - 10m * i, quantity)).ToList())));
        var cases = Gen.Select(models, Gen.Decimal[0.01m, 1_000m], Gen.Decimal[0m, 10_000m], Gen.Decimal[0m, 10_000m]);

        cases.Sample((impact, price, round, earlier) =>
        {
            var next = impact.NextPrice(new ImpactState(price, price, round, round + earlier));
            next.ShouldBeGreaterThanOrEqualTo(PriceImpact.MinimumPrice);
            next.ShouldBeLessThanOrEqualTo(price);
        }, iter: 500);
    }

    // ---------- Validation ----------

    public static TheoryData<Func<PriceImpact>, string, string> InvalidModels => new()
    {
        { () => new LinearImpact(-0.0001m), "Lambda", "linear impact λ must be zero or positive, not -0.0001" },
        { () => new SquareRootImpact(-1m, 0.02m, 1_000m), "Y", "square-root impact Y must be zero or positive, not -1" },
        { () => new SquareRootImpact(1m, -0.02m, 1_000m), "Sigma", "square-root impact σ must be zero or positive, not -0.02" },
        { () => new SquareRootImpact(1m, 0.02m, 0m), "DailyVolume", "square-root impact daily volume must be positive, not 0" },
        { () => new ExponentialImpact(-1m, 1m), "Alpha", "exponential impact α must be zero or positive, not -1" },
        { () => new ExponentialImpact(1m, 0m), "Scale", "exponential impact scale must be positive, not 0" },
        { () => new OrderBookImpact([]), "Bids", "the bid ladder is empty; give at least one (price, quantity) level" },
        { () => new OrderBookImpact([(99m, 10m), (99m, 5m)]), "Bids", "bid level 2 has price 99, not below level 1's 99; list bids best first with strictly descending prices" },
        { () => new OrderBookImpact([(98m, 10m), (99m, 5m)]), "Bids", "bid level 2 has price 99, not below level 1's 98; list bids best first with strictly descending prices" },
        { () => new OrderBookImpact([(99m, 10m), (98m, 0m)]), "Bids", "bid level 2 has quantity 0; quantities must be positive" },
        { () => new OrderBookImpact([(0m, 10m)]), "Bids", "bid level 1 has price 0; prices must be positive" },
    };

    [Theory]
    [MemberData(nameof(InvalidModels))]
    public void Invalid_parameters_are_rejected_with_a_clear_message(Func<PriceImpact> create, string parameter, string message)
    {
        var e = Should.Throw<ArgumentException>(create);

        e.ParamName.ShouldBe(parameter);
        e.Message.ShouldBe($"{message} (Parameter '{parameter}')");
    }

    [Fact]
    public void A_state_with_a_non_positive_price_is_rejected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => new LinearImpact(0.001m).NextPrice(new ImpactState(1m, 0m, 1m, 1m)))
            .Message.ShouldStartWith("CurrentPrice must be positive to compute price impact");
        Should.Throw<ArgumentOutOfRangeException>(() => new ExponentialImpact(1m, 1m).NextPrice(new ImpactState(-1m, 1m, 1m, 1m)))
            .Message.ShouldStartWith("ReferencePrice must be positive to compute price impact");
    }
}
