using MarginRules.Data;
using MarginRules.Population;

namespace MarginRules.Tests.Population;

/// <summary>Generated populations written with <see cref="PortfolioCsv.Write"/> load back field for field, scales included.</summary>
public sealed class PopulationCsvRoundTripTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "marginrules-population-" + Guid.NewGuid().ToString("N"));

    public PopulationCsvRoundTripTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    public static TheoryData<string> VenueNames => ["perpetual", "lending", "broker"];

    [Theory]
    [MemberData(nameof(VenueNames))]
    public void A_written_population_loads_back_exactly(string venue)
    {
        VenueProfile profile = venue switch
        {
            "perpetual" => Venues.Perpetual(),
            "lending" => Venues.Lending(),
            _ => Venues.Broker(),
        };
        var population = PopulationGenerator.Generate(new PopulationOptions(profile, 2_000, 77));
        var path = Path.Combine(_folder, venue + ".csv");

        PortfolioCsv.Write(path, population.Accounts);

        AccountText.Of(PortfolioCsv.Load(path, population.Market)).ShouldBe(AccountText.Of(population.Accounts));
    }
}
