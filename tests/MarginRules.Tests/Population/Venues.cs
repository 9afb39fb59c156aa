using MarginRules.Accounts;
using MarginRules.Population;

namespace MarginRules.Tests.Population;

/// <summary>Markets and venue profiles matching the example policies, for the population tests.</summary>
internal static class Venues
{
    // Round prices of the order of mid-2024 quotes; only their being listed and positive matters to the generator.
    public static readonly Market PerpetualMarket = TestData.Market(("BTCUSDT", 64_000m), ("ETHUSDT", 3_100m), ("SOLUSDT", 145m));

    public static readonly Market LendingMarket = TestData.Market(("WETH", 3_100m), ("WBTC", 64_000m), ("wstETH", 3_650m), ("USDC", 1m), ("DAI", 1m));

    public static readonly Market BrokerMarket = TestData.Market(
        ("AAPL", 190m), ("MSFT", 420m), ("NVDA", 120m), ("AMZN", 180m), ("GOOGL", 170m), ("JPM", 200m), ("XOM", 115m), ("USD", 1m));

    /// <summary>Cross-margin positions on three instruments; the Binance example policy applies its BTCUSDT brackets to each.</summary>
    public static PerpetualVenue Perpetual() => new(PerpetualMarket, ["BTCUSDT", "ETHUSDT", "SOLUSDT"]);

    /// <summary>Collateral with the liquidation thresholds of examples/policies/aave-v3.margin (WETH 86%, WBTC 82%, wstETH 83%).</summary>
    public static LendingVenue Lending() => new(
        LendingMarket,
        [new CollateralAsset("WETH", 0.86m, 3m), new CollateralAsset("WBTC", 0.82m, 2m), new CollateralAsset("wstETH", 0.83m)],
        ["USDC", "DAI"]);

    /// <summary>Seven stocks financed by a USD loan, for examples/policies/regt-finra-4210.margin.</summary>
    public static BrokerVenue Broker() => new(BrokerMarket, ["AAPL", "MSFT", "NVDA", "AMZN", "GOOGL", "JPM", "XOM"]);

    /// <summary>The median of a list of numbers (the mean of the middle two for an even count).</summary>
    public static decimal Median(IEnumerable<decimal> values)
    {
        var sorted = values.Order().ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
