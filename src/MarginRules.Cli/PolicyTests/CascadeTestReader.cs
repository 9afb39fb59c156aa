using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Data;
using MarginRules.Language.Text;

namespace MarginRules.Cli.PolicyTests;

/// <summary>
/// Reads a test's <c>cascade</c> block: the market's assets with their impact models, instruments, venues whose
/// accounts are evaluated with the file's policy, the shock and the round limit, and the expectations on the result.
/// </summary>
internal sealed class CascadeTestReader
{
    private static readonly string[] CascadeFields = ["assets", "instruments", "venues", "shock", "max_rounds", "volatility_estimate"];
    private static readonly string[] EstimateFields = ["lambda", "scale"];
    private static readonly string[] AssetFields = ["price", "volatility", "open_interest", "impact"];
    private static readonly string[] VenueFields = ["name", "parameters", "insurance_fund", "accounts", "reserves", "response"];
    private static readonly string[] ResponseFields = ["top_up_probability", "top_up_fraction", "seed"];

    private readonly PolicyTestLoader _loader;
    private readonly IReadOnlyDictionary<string, ParameterOverride> _testParameters;

    /// <summary>Creates a reader for one test, whose parameters apply to every venue.</summary>
    public CascadeTestReader(PolicyTestLoader loader, IReadOnlyDictionary<string, ParameterOverride> testParameters)
    {
        _loader = loader;
        _testParameters = testParameters;
    }

    /// <summary>Reads the block and the test's expectations; the policy returned is the first venue's.</summary>
    public (MarginPolicy Policy, CascadeCheck Check) Read(DataNode node, DataNode expect, decimal tolerance)
    {
        var fields = node.AsRecord(CascadeFields).ToDictionary(f => f.Name!, StringComparer.Ordinal);
        var assetsNode = fields.GetValueOrDefault("assets") ?? throw node.Error("missing field \"assets\"");
        var assets = new List<AssetSetup>();
        foreach (var asset in assetsNode.AsMap("asset")) assets.Add(ReadAsset(asset));
        if (assets.Count == 0) throw assetsNode.Error("a cascade needs at least one asset");
        var prices = assets.ToDictionary(a => a.Symbol, a => a.Price, StringComparer.Ordinal);

        var instruments = new List<InstrumentSetup>();
        if (fields.TryGetValue("instruments", out var instrumentsNode))
        {
            foreach (var instrument in instrumentsNode.AsMap("instrument"))
            {
                if (prices.ContainsKey(instrument.Name!)) throw instrument.NameError($"\"{instrument.Name}\" is already an asset");
                var underlying = instrument.AsName();
                if (!prices.ContainsKey(underlying))
                {
                    var suggestion = SpellingSuggestion.Closest(underlying, prices.Keys);
                    throw instrument.Error($"unknown underlying asset \"{underlying}\"{(suggestion is null ? string.Empty : $"; did you mean \"{suggestion}\"?")}");
                }

                instruments.Add(new InstrumentSetup(instrument.Name!, underlying));
            }
        }

        // Accounts are checked against every symbol the engine will quote: the assets and the instruments on them.
        var market = new Market(prices.Select(kv => new KeyValuePair<string, AssetQuote>(kv.Key, new AssetQuote(kv.Value)))
            .Concat(instruments.Select(i => new KeyValuePair<string, AssetQuote>(i.Symbol, new AssetQuote(prices[i.Underlying])))));

        var venuesNode = fields.GetValueOrDefault("venues") ?? throw node.Error("missing field \"venues\"");
        var venues = new List<VenueSetup>();
        var venueNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var venueNode in venuesNode.AsArray())
        {
            var venue = ReadVenue(venueNode, market);
            if (!venueNames.Add(venue.Name)) throw venueNode.Error($"duplicate venue name \"{venue.Name}\"");
            venues.Add(venue);
        }

        if (venues.Count == 0) throw venuesNode.Error("a cascade needs at least one venue");
        var shockNode = fields.GetValueOrDefault("shock") ?? throw node.Error("missing field \"shock\"");
        var shock = PolicyTestLoader.ReadShock(shockNode, prices.Keys.ToArray());
        var maxRounds = (int)(fields.GetValueOrDefault("max_rounds")?.AsWhole(1, 100_000) ?? 100m);

        var symbols = prices.Keys.Concat(instruments.Select(i => i.Symbol)).ToArray();
        var expectations = PolicyTestLoader.ReadExpectations(expect, tolerance, key => (CascadeKeys.Resolve(key, prices.Keys, symbols, venueNames, out var problem), problem));
        var setup = new CascadeSetup { Assets = assets, Instruments = instruments, Venues = venues, Shock = shock };
        var volatility = fields.TryGetValue("volatility_estimate", out var estimateNode) ? ReadEstimate(estimateNode) : null;
        return (venues[0].Policy, new CascadeCheck(setup, maxRounds, prices, expectations, volatility));
    }

    // RiskMetrics EWMA (docs/cascade.md, "Volatility"), as a simulation market file gives it.
    private static VolatilityEstimate ReadEstimate(DataNode node)
    {
        var fields = node.AsRecord(EstimateFields).ToDictionary(f => f.Name!, StringComparer.Ordinal);
        var lambdaNode = fields.GetValueOrDefault("lambda") ?? throw node.Error("missing field \"lambda\"");
        var lambda = lambdaNode.AsNonNegativeDecimal();
        if (lambda > 1m) throw lambdaNode.Error($"lambda must be from 0 to 1, found {lambda}");
        var scale = fields.GetValueOrDefault("scale")?.AsNonNegativeDecimal() ?? 1m;
        if (scale == 0m) throw fields["scale"].Error("scale must be positive");
        return new VolatilityEstimate(lambda, scale);
    }

    private static AssetSetup ReadAsset(DataNode node)
    {
        decimal? price = null;
        var volatility = 0m;
        decimal? openInterest = null;
        PriceImpact impact = new LinearImpact(0m);
        foreach (var field in node.AsRecord(AssetFields))
        {
            switch (field.Name)
            {
                case "price":
                    price = field.AsDecimal();
                    if (price <= 0m) throw field.Error($"price must be positive, found {field.Text}");
                    break;
                case "volatility": volatility = field.AsNonNegativeDecimal(); break;
                case "open_interest": openInterest = field.AsNonNegativeDecimal(); break;
                default: impact = ImpactModelReader.Read(field); break;
            }
        }

        return new AssetSetup(node.Name!, price ?? throw node.Error("missing field \"price\""), impact, volatility, openInterest);
    }

    private VenueSetup ReadVenue(DataNode node, Market market)
    {
        var fields = node.AsRecord(VenueFields).ToDictionary(f => f.Name!, StringComparer.Ordinal);
        var name = (fields.GetValueOrDefault("name") ?? throw node.Error("missing field \"name\"")).AsName();
        var parameters = fields.TryGetValue("parameters", out var p) ? _loader.ReadParameters(p) : new Dictionary<string, ParameterOverride>();
        var policy = _loader.PolicyWith(_testParameters, parameters);
        var fund = fields.GetValueOrDefault("insurance_fund")?.AsNonNegativeDecimal() ?? 0m;

        var accountsNode = fields.GetValueOrDefault("accounts") ?? throw node.Error("missing field \"accounts\"");
        var accounts = new List<Account>();
        foreach (var element in accountsNode.AsArray())
        {
            var account = _loader.ReadAccount(element, market);
            if (accounts.Any(a => a.Id == account.Id)) throw element.Error($"duplicate account id \"{account.Id}\" in venue \"{name}\"");
            accounts.Add(account);
        }

        Dictionary<string, decimal>? reserves = null;
        if (fields.TryGetValue("reserves", out var reservesNode))
        {
            reserves = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var reserve in reservesNode.AsMap("account"))
            {
                if (accounts.All(a => a.Id != reserve.Name)) throw reserve.Unknown("account id", accounts.Select(a => a.Id).ToArray());
                reserves[reserve.Name!] = reserve.AsNonNegativeDecimal();
            }
        }

        var response = fields.TryGetValue("response", out var responseNode) ? ReadResponse(responseNode) : MarginCallResponse.None;
        return new VenueSetup(name, policy, accounts, fund) { Reserves = reserves, Response = response };
    }

    private static MarginCallResponse ReadResponse(DataNode node)
    {
        decimal probability = 0m, fraction = 0m, seed = 0m;
        foreach (var field in node.AsRecord(ResponseFields))
        {
            switch (field.Name)
            {
                case "top_up_probability":
                    probability = field.AsNonNegativeDecimal();
                    if (probability > 1m) throw field.Error($"top_up_probability must be from 0 to 1, found {field.Text}");
                    break;
                case "top_up_fraction": fraction = field.AsNonNegativeDecimal(); break;
                default: seed = field.AsWhole(0m, ulong.MaxValue); break;
            }
        }

        return new MarginCallResponse(probability, fraction, (ulong)seed);
    }
}
