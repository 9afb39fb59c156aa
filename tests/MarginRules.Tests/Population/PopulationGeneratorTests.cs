using MarginRules.Population;

namespace MarginRules.Tests.Population;

/// <summary>Seeded determinism, numbering, reserves and option checks, common to every venue.</summary>
public sealed class PopulationGeneratorTests
{
    public static TheoryData<string> VenueNames => ["perpetual", "lending", "broker"];

    private static VenueProfile Venue(string name) => name switch
    {
        "perpetual" => Venues.Perpetual(),
        "lending" => Venues.Lending(),
        _ => Venues.Broker(),
    };

    [Theory]
    [MemberData(nameof(VenueNames))]
    public void The_same_seed_gives_the_same_accounts_and_reserves(string venue)
    {
        var options = new PopulationOptions(Venue(venue), 3_000, 2024);

        var first = PopulationGenerator.Generate(options);
        var second = PopulationGenerator.Generate(options);

        AccountText.Of(second.Accounts).ShouldBe(AccountText.Of(first.Accounts));
        second.Reserves.OrderBy(r => r.Key).ShouldBe(first.Reserves.OrderBy(r => r.Key));
    }

    [Theory]
    [MemberData(nameof(VenueNames))]
    public void Different_seeds_give_different_accounts(string venue)
    {
        var first = PopulationGenerator.Generate(new PopulationOptions(Venue(venue), 1_000, 1));
        var second = PopulationGenerator.Generate(new PopulationOptions(Venue(venue), 1_000, 2));

        // Ids are the same by construction; every other field is drawn, so nearly every account differs.
        var differing = AccountText.Of(first.Accounts).Zip(AccountText.Of(second.Accounts)).Count(pair => pair.First != pair.Second);
        differing.ShouldBeGreaterThan(990);
    }

    [Fact]
    public void The_population_does_not_depend_on_the_number_of_threads()
    {
        // Three full blocks and a partial one, so blocks really are split between threads.
        var options = new PopulationOptions(Venues.Perpetual(), 3 * PopulationGenerator.BlockSize + 17, 99);

        var oneThread = PopulationGenerator.Generate(options with { MaxDegreeOfParallelism = 1 });
        var manyThreads = PopulationGenerator.Generate(options with { MaxDegreeOfParallelism = 4 });

        AccountText.Of(manyThreads.Accounts).ShouldBe(AccountText.Of(oneThread.Accounts));
    }

    [Fact]
    public void A_larger_population_starts_with_the_smaller_one()
    {
        // Each block's stream depends only on the seed and the block's index, not on how many accounts follow.
        var small = PopulationGenerator.Generate(new PopulationOptions(Venues.Broker(), 1_500, 5) { IdPrefix = "b" });
        var large = PopulationGenerator.Generate(new PopulationOptions(Venues.Broker(), 2_500, 5) { IdPrefix = "b" });

        // Ids are padded to the width of the count, which is 4 digits for both.
        AccountText.Of(large.Accounts.Take(1_500)).ShouldBe(AccountText.Of(small.Accounts));
    }

    [Fact]
    public void Ids_are_the_prefix_and_a_padded_one_based_number()
    {
        var population = PopulationGenerator.Generate(new PopulationOptions(Venues.Lending(), 120, 1) { IdPrefix = "lend-" });

        population.Accounts[0].Id.ShouldBe("lend-001");
        population.Accounts[^1].Id.ShouldBe("lend-120");
        population.Accounts.Select(a => a.Id).Distinct().Count().ShouldBe(120);
    }

    [Fact]
    public void No_accounts_is_an_empty_population()
    {
        var population = PopulationGenerator.Generate(new PopulationOptions(Venues.Perpetual(), 0, 1));

        population.Accounts.ShouldBeEmpty();
        population.Reserves.ShouldBeEmpty();
        population.Market.ShouldBeSameAs(Venues.PerpetualMarket);
    }

    [Fact]
    public void Every_account_has_a_reserve_and_the_share_with_one_follows_the_option()
    {
        const int N = 50_000;
        var population = PopulationGenerator.Generate(new PopulationOptions(Venues.Broker(), N, 8) { ReserveShare = 0.6m });

        population.Reserves.Count.ShouldBe(N);
        population.Accounts.All(a => population.Reserves.ContainsKey(a.Id)).ShouldBeTrue();
        population.Reserves.Values.All(r => r >= 0m && r.Scale == 2).ShouldBeTrue();

        // Binomial(50,000, 0.6): standard error √(0.6 × 0.4 / 50,000) ≈ 0.22%, so ±2% is far outside chance.
        var share = population.Reserves.Values.Count(r => r > 0m) / (double)N;
        share.ShouldBe(0.6, 0.02);
    }

    [Fact]
    public void Options_that_cannot_work_are_rejected_with_the_reason()
    {
        Should.Throw<ArgumentException>(() => PopulationGenerator.Generate(new PopulationOptions(Venues.Perpetual() with { Instruments = ["BTCUSDT", "BTCUSD"] }, 10, 1)))
            .Message.ShouldStartWith("the market does not list the instrument \"BTCUSD\"");
        Should.Throw<ArgumentException>(() => PopulationGenerator.Generate(new PopulationOptions(Venues.Lending() with { MinimumHealthFactor = 0.9m }, 10, 1)))
            .Message.ShouldStartWith("MinimumHealthFactor must be at least 1");
        Should.Throw<ArgumentException>(() => PopulationGenerator.Generate(new PopulationOptions(Venues.Broker() with { MedianEquityRatio = 0.2m }, 10, 1)))
            .Message.ShouldStartWith("the equity ratio must satisfy minimum < median < maximum");
        Should.Throw<ArgumentException>(() => PopulationGenerator.Generate(new PopulationOptions(Venues.Perpetual(), -1, 1)))
            .Message.ShouldStartWith("Accounts must not be negative");
    }
}
