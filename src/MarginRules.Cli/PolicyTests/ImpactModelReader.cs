using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Cascade.Impact;
using MarginRules.Data;
using MarginRules.Language.Text;

namespace MarginRules.Cli.PolicyTests;

/// <summary>
/// Reads an asset's <c>impact</c> object: <c>{ "model": "linear", "lambda": 5e-10 }</c>, <c>square_root</c> (y, sigma,
/// daily_volume), <c>exponential</c> (alpha, scale), <c>order_book</c> (bids: [{ price, quantity }]) or <c>none</c>.
/// </summary>
internal static class ImpactModelReader
{
    private static readonly Dictionary<string, string[]> ModelFields = new(StringComparer.Ordinal)
    {
        ["none"] = [],
        ["linear"] = ["lambda"],
        ["square_root"] = ["y", "sigma", "daily_volume"],
        ["exponential"] = ["alpha", "scale"],
        ["order_book"] = ["bids"],
    };

    private static readonly string[] BidFields = ["price", "quantity"];

    /// <summary>Reads the model; a parameter the model rejects is reported at the impact object.</summary>
    public static PriceImpact Read(DataNode node)
    {
        var members = node.AsMap("field").ToList();
        var modelNode = members.FirstOrDefault(m => m.Name == "model") ?? throw node.Error("missing field \"model\"");
        var model = modelNode.AsString();
        if (!ModelFields.TryGetValue(model, out var allowed))
        {
            var suggestion = SpellingSuggestion.Closest(model, ModelFields.Keys);
            throw modelNode.Error(suggestion is not null
                ? $"unknown impact model \"{model}\"; did you mean \"{suggestion}\"?"
                : $"unknown impact model \"{model}\"; known: {string.Join(", ", ModelFields.Keys.Select(k => $"\"{k}\""))}");
        }

        var values = new Dictionary<string, DataNode>(StringComparer.Ordinal);
        foreach (var member in members.Where(m => m.Name != "model"))
        {
            if (!allowed.Contains(member.Name!, StringComparer.Ordinal)) throw member.Unknown($"field of the {model} model", allowed.Append("model").ToArray());
            values.Add(member.Name!, member);
        }

        foreach (var required in allowed.Where(f => !values.ContainsKey(f)))
            throw node.Error($"missing field \"{required}\" of the {model} model");

        decimal Number(string field) => values[field].AsDecimal();
        try
        {
            return model switch
            {
                "none" => new LinearImpact(0m),
                "linear" => new LinearImpact(Number("lambda")),
                "square_root" => new SquareRootImpact(Number("y"), Number("sigma"), Number("daily_volume")),
                "exponential" => new ExponentialImpact(Number("alpha"), Number("scale")),
                _ => new OrderBookImpact(values["bids"].AsArray().Select(ReadBid).ToArray()),
            };
        }
        catch (ArgumentException e)
        {
            // The models word their own checks; the parameter name the framework appends is not for test writers.
            var message = e.Message;
            var cut = message.IndexOf(" (Parameter", StringComparison.Ordinal);
            throw node.Error(cut >= 0 ? message.Substring(0, cut) : message);
        }
    }

    private static (decimal Price, decimal Quantity) ReadBid(DataNode node)
    {
        decimal? price = null, quantity = null;
        foreach (var field in node.AsRecord(BidFields))
        {
            if (field.Name == "price") price = field.AsDecimal();
            else quantity = field.AsDecimal();
        }

        return (price ?? throw node.Error("missing field \"price\""), quantity ?? throw node.Error("missing field \"quantity\""));
    }
}
