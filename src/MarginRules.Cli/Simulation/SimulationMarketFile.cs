using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Data;
using MarginRules.Language.Text;

namespace MarginRules.Cli.Simulation;

/// <summary>
/// Reads a simulation market file: <c>{ "assets": { "ETH": { "price": 2000, "volatility": 0.8, "impact": { "model":
/// "linear", "lambda": 1e-9 } } }, "instruments": { "ETHUSDT": "ETH" }, "volatility_estimate": { "lambda": 0.94, "scale": 1 } }</c>.
/// The format is described in
/// <c>docs/cli.md</c>, "Simulation files".
/// </summary>
internal static class SimulationMarketFile
{
    private static readonly string[] DocumentFields = ["assets", "instruments", "volatility_estimate"];
    private static readonly string[] EstimateFields = ["lambda", "scale"];
    private static readonly string[] AssetFields = ["price", "volatility", "open_interest", "impact", "follows"];
    // square_root and order_book are the names policy test files use; both spellings work in either file.
    private static readonly string[] Models = ["linear", "sqrt", "square_root", "exponential", "orderbook", "order_book", "none"];
    private static readonly string[] BidFields = ["price", "quantity"];

    /// <summary>Reads a market file.</summary>
    /// <exception cref="UsageException">The file does not exist.</exception>
    /// <exception cref="DataFormatException">The file is not a valid simulation market.</exception>
    public static SimulationMarket Load(string path) => Read(JsonFile.Load(path), path);

    /// <summary>Parses market text; <paramref name="path"/> names it in errors.</summary>
    /// <exception cref="DataFormatException">The text is not a valid simulation market.</exception>
    public static SimulationMarket Parse(string json, string path) => Read(JsonFile.Parse(json, path), path);

    private static SimulationMarket Read(DataNode root, string path)
    {
        DataNode? assetsEntry = null;
        DataNode? instrumentsEntry = null;
        VolatilityEstimate? estimate = null;
        foreach (var field in root.AsRecord())
        {
            switch (field.Name)
            {
                case "assets": assetsEntry = field; break;
                case "instruments": instrumentsEntry = field; break;
                case "volatility_estimate": estimate = ReadEstimate(field); break;
                default: throw field.UnknownField(DocumentFields);
            }
        }

        if (assetsEntry is null) throw root.MissingField("assets");
        var assets = new List<AssetSetup>();
        var follows = new List<(string Follower, DataNode Leader)>();
        foreach (var asset in assetsEntry.AsMap("asset"))
        {
            assets.Add(ReadAsset(asset, out var leader));
            if (leader is not null) follows.Add((asset.Name!, leader));
        }

        if (assets.Count == 0) throw assetsEntry.Error("the market needs at least one asset");
        if (assets.Count > 64) throw assetsEntry.Error($"the market has {assets.Count} assets; simulations support at most 64");
        var symbols = assets.Select(a => a.Symbol).ToArray();
        var followers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (follower, leaderEntry) in follows)
        {
            var leader = Listed(leaderEntry, symbols, "asset");
            if (leader == follower) throw leaderEntry.Error($"\"{follower}\" cannot follow itself");
            if (follows.Any(f => f.Follower == leader)) throw leaderEntry.Error($"\"{leader}\" follows another asset itself; name the asset it follows instead");
            followers.Add(follower, leader);
        }

        var instruments = new List<InstrumentSetup>();
        if (instrumentsEntry is not null)
        {
            foreach (var instrument in instrumentsEntry.AsMap("instrument"))
            {
                if (symbols.Contains(instrument.Name, StringComparer.Ordinal)) throw instrument.NameError($"\"{instrument.Name}\" is already an asset; an instrument needs its own symbol");
                instruments.Add(new InstrumentSetup(instrument.Name!, Listed(instrument, symbols, "asset")));
            }
        }

        return new SimulationMarket(path, assets, instruments, followers) { Volatility = estimate };
    }

    // RiskMetrics EWMA (docs/cascade.md, "Volatility"): λ from 0 to 1, and a positive scale.
    private static VolatilityEstimate ReadEstimate(DataNode entry)
    {
        entry.AsRecord(EstimateFields);
        var lambdaEntry = entry.Member("lambda") ?? throw entry.MissingField("lambda");
        var lambda = lambdaEntry.AsNonNegativeDecimal();
        if (lambda > 1m) throw lambdaEntry.Error($"lambda must be from 0 to 1, found {lambdaEntry.Text}");
        return new VolatilityEstimate(lambda, entry.Member("scale")?.AsPositiveDecimal() ?? 1m);
    }

    private static string Listed(DataNode entry, IReadOnlyList<string> symbols, string what)
    {
        var name = entry.AsName();
        if (symbols.Contains(name, StringComparer.Ordinal)) return name;
        var suggestion = SpellingSuggestion.Closest(name, symbols);
        throw entry.Error(suggestion is null
            ? $"unknown {what} \"{name}\"; the market lists {string.Join(", ", symbols)}"
            : $"unknown {what} \"{name}\"; did you mean \"{suggestion}\"?");
    }

    private static AssetSetup ReadAsset(DataNode entry, out DataNode? leader)
    {
        decimal? price = null;
        var volatility = 0m;
        decimal? openInterest = null;
        PriceImpact impact = new LinearImpact(0m);
        leader = null;
        foreach (var field in entry.AsRecord())
        {
            switch (field.Name)
            {
                case "price": price = field.AsPositiveDecimal(); break;
                case "volatility": volatility = field.AsNonNegativeDecimal(); break;
                case "open_interest": openInterest = field.AsNonNegativeDecimal(); break;
                case "impact": impact = ReadImpact(field); break;
                case "follows": leader = field; break;
                default: throw field.UnknownField(AssetFields);
            }
        }

        return new AssetSetup(entry.Name!, price ?? throw entry.MissingField("price"), impact, volatility, openInterest);
    }

    private static PriceImpact ReadImpact(DataNode entry)
    {
        var fields = entry.AsRecord();
        var modelEntry = fields.FirstOrDefault(f => f.Name == "model") ?? throw entry.MissingField("model");
        var model = modelEntry.AsName() switch
        {
            "square_root" => "sqrt",
            "order_book" => "orderbook",
            var name => name,
        };
        string[] known = model switch
        {
            "linear" => ["model", "lambda"],
            "sqrt" => ["model", "y", "sigma", "daily_volume"],
            "exponential" => ["model", "alpha", "scale"],
            "orderbook" => ["model", "bids"],
            "none" => ["model"],
            _ => throw modelEntry.Error(SpellingSuggestion.Closest(model, Models) is { } s
                ? $"unknown impact model \"{model}\"; did you mean \"{s}\"?"
                : $"unknown impact model \"{model}\"; the models are {string.Join(", ", Models.Select(m => $"\"{m}\""))}"),
        };

        foreach (var field in fields)
        {
            if (!known.Contains(field.Name, StringComparer.Ordinal)) throw field.UnknownField(known);
        }

        DataNode Required(string name) => fields.FirstOrDefault(f => f.Name == name) ?? throw entry.MissingField(name);
        return model switch
        {
            "linear" => new LinearImpact(Required("lambda").AsNonNegativeDecimal()),
            "sqrt" => new SquareRootImpact(Required("y").AsNonNegativeDecimal(), Required("sigma").AsNonNegativeDecimal(), Required("daily_volume").AsPositiveDecimal()),
            "exponential" => new ExponentialImpact(
                Required("alpha").AsNonNegativeDecimal(),
                fields.FirstOrDefault(f => f.Name == "scale")?.AsPositiveDecimal() ?? 1m),
            "orderbook" => new OrderBookImpact(ReadBids(Required("bids"))),
            _ => new LinearImpact(0m),
        };
    }

    private static List<(decimal Price, decimal Quantity)> ReadBids(DataNode entry)
    {
        var bids = new List<(decimal Price, decimal Quantity)>();
        foreach (var level in entry.AsArray())
        {
            var (priceEntry, quantityEntry) = ReadLevel(level);
            var price = priceEntry.AsPositiveDecimal();
            var quantity = quantityEntry.AsPositiveDecimal();
            if (bids.Count > 0 && price >= bids[^1].Price)
            {
                throw priceEntry.Error($"bid prices must fall strictly from the best bid; {priceEntry.Text} is not below {bids[^1].Price}");
            }

            bids.Add((price, quantity));
        }

        if (bids.Count == 0) throw entry.Error("the bid ladder is empty; give at least one [price, quantity] level");
        return bids;
    }

    // A level is [price, quantity], or { "price": …, "quantity": … } as policy test files write it.
    private static (DataNode Price, DataNode Quantity) ReadLevel(DataNode level)
    {
        if (level.Kind == System.Text.Json.JsonValueKind.Object)
        {
            level.AsRecord(BidFields);
            return (level.Member("price") ?? throw level.MissingField("price"), level.Member("quantity") ?? throw level.MissingField("quantity"));
        }

        var pair = level.AsArray();
        if (pair.Count != 2) throw level.Error($"a bid level is [price, quantity], found {pair.Count} values");
        return (pair[0], pair[1]);
    }
}
