using System;
using System.Collections.Generic;
using System.IO;
using MarginRules.Accounts;

namespace MarginRules.Data;

/// <summary>Loads a <see cref="Market"/> from JSON: <c>{ "assets": { "BTC": { "price": 40000.5, "volatility": 0.8, "open_interest": 1200 } } }</c>.</summary>
/// <remarks>The format and every rule it enforces are described in <c>docs/data-formats.md</c>.</remarks>
public static class MarketJson
{
    private static readonly string[] DocumentFields = ["assets"];
    private static readonly string[] QuoteFields = ["price", "volatility", "open_interest"];

    /// <summary>Reads and parses a market file; errors name <paramref name="path"/> as given.</summary>
    /// <exception cref="DataFormatException">The file is not a valid market; nothing is returned in part.</exception>
    public static Market Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses market JSON; <paramref name="path"/> only names the file in errors.</summary>
    /// <exception cref="DataFormatException">The text is not a valid market; nothing is returned in part.</exception>
    public static Market Parse(string json, string path = "market.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(path);
        var root = DataTree.Parse(new DataSource(json, path));
        var quotes = new Dictionary<string, AssetQuote>(StringComparer.Ordinal);
        var sawAssets = false;
        foreach (var field in root.AsRecord())
        {
            if (field.Name != "assets") throw field.UnknownField(DocumentFields);
            sawAssets = true;
            foreach (var asset in field.AsMap("asset")) quotes.Add(asset.Name!, ReadQuote(asset));
        }

        if (!sawAssets) throw root.MissingField("assets");
        return new Market(quotes);
    }

    private static AssetQuote ReadQuote(DataNode node)
    {
        decimal? price = null;
        var volatility = 0m;
        decimal? openInterest = null;
        foreach (var field in node.AsRecord())
        {
            switch (field.Name)
            {
                case "price": price = field.AsNonNegativeDecimal(); break;
                case "volatility": volatility = field.AsNonNegativeDecimal(); break;
                case "open_interest": openInterest = field.AsNonNegativeDecimal(); break;
                default: throw field.UnknownField(QuoteFields);
            }
        }

        return new AssetQuote(price ?? throw node.MissingField("price"), volatility, openInterest);
    }
}
