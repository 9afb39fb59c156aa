using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MarginRules.Cascade;

namespace MarginRules.Cli.PolicyTests;

/// <summary>
/// The expectation keys of a cascade test: <c>summary.FIELD</c>, <c>summary.final_move|amplification|initial_shock.ASSET</c>,
/// <c>summary.accounts_liquidated_by_venue|bad_debt_by_venue.VENUE</c>, <c>summary.penalties.RECIPIENT</c>, <c>rounds[i].FIELD</c>,
/// <c>rounds[i].prices|move|liquidated|net_sales.ASSET</c>, <c>rounds[i].liquidations_by_venue|bad_debt_by_venue.VENUE</c>
/// and <c>rounds[i].penalties.RECIPIENT</c>.
/// </summary>
internal static class CascadeKeys
{
    /// <summary>The values <c>summary.stop_reason</c> may take.</summary>
    public static readonly string[] StopReasons = ["fixpoint", "round_limit"];

    private static readonly string[] Top = ["summary", "rounds"];

    // Penalties are keyed by recipient, as a policy's `penalty … to RECIPIENT` names them.
    private static readonly string[] Recipients = ["liquidator", "insurance", "protocol"];

    private static readonly Dictionary<string, Func<CascadeSummary, decimal>> SummaryNumbers = new(StringComparer.Ordinal)
    {
        ["accounts_liquidated"] = s => s.AccountsLiquidated,
        ["rounds"] = s => s.Rounds,
        ["bad_debt"] = s => s.BadDebt,
        ["total_liquidated"] = s => s.TotalLiquidated,
        ["insurance_drawn"] = s => s.InsuranceDrawn,
        ["socialized_loss"] = s => s.SocializedLoss,
        ["margin_calls"] = s => s.MarginCalls,
        ["adl_events"] = s => s.AdlEvents,
    };

    private static readonly Dictionary<string, Func<CascadeSummary, IReadOnlyDictionary<string, decimal>>> SummaryMaps = new(StringComparer.Ordinal)
    {
        ["final_move"] = s => s.FinalMove,
        ["amplification"] = s => s.Amplification,
        ["initial_shock"] = s => s.InitialShock,
    };

    private static readonly Dictionary<string, Func<CascadeSummary, string, decimal?>> SummaryVenueMaps = new(StringComparer.Ordinal)
    {
        ["accounts_liquidated_by_venue"] = (s, v) => s.AccountsLiquidatedByVenue.TryGetValue(v, out var n) ? n : null,
        ["bad_debt_by_venue"] = (s, v) => s.BadDebtByVenue.TryGetValue(v, out var d) ? d : null,
    };

    private static readonly Dictionary<string, Func<CascadeRound, string, decimal?>> RoundVenueMaps = new(StringComparer.Ordinal)
    {
        ["liquidations_by_venue"] = (r, v) => r.LiquidationsByVenue.TryGetValue(v, out var n) ? n : null,
        ["bad_debt_by_venue"] = (r, v) => r.BadDebtByVenue.TryGetValue(v, out var d) ? d : null,
    };

    private static readonly Dictionary<string, Func<CascadeRound, decimal>> RoundNumbers = new(StringComparer.Ordinal)
    {
        ["liquidations"] = r => r.Liquidations,
        ["margin_calls"] = r => r.MarginCalls,
        ["top_ups"] = r => r.TopUps,
        ["top_up_amount"] = r => r.TopUpAmount,
        ["bad_debt"] = r => r.BadDebt,
        ["insurance_drawn"] = r => r.InsuranceDrawn,
        ["adl_events"] = r => r.AdlEvents,
        ["socialized_loss"] = r => r.SocializedLoss,
    };

    private static readonly string[] RoundMaps = ["prices", "move", "liquidated", "net_sales"];

    /// <summary>Resolves a key against the cascade's assets and instruments, or returns null with the problem.</summary>
    public static ExpectationTarget? Resolve(string key, IReadOnlyCollection<string> assets, IReadOnlyCollection<string> symbols, IReadOnlyCollection<string> venues, out string problem)
    {
        problem = string.Empty;
        var (head, rest) = KeyText.Split(key);
        if (!KeyText.TrySegment(head, out var name, out var index) || !Top.Contains(name))
        {
            problem = KeyText.Unknown(key, string.Empty, name, rest, Top);
            return null;
        }

        return name == "summary" ? Summary(key, index, rest, assets, venues, ref problem) : Round(key, index, rest, assets, symbols, venues, ref problem);
    }

    /// <summary>The stop reason as test files write it.</summary>
    public static string StopReasonText(CascadeStopReason reason) => reason == CascadeStopReason.Fixpoint ? "fixpoint" : "round_limit";

    private static ExpectationTarget? Summary(string key, int? index, string? rest, IReadOnlyCollection<string> assets, IReadOnlyCollection<string> venues, ref string problem)
    {
        var fields = SummaryNumbers.Keys.Concat(SummaryMaps.Keys).Concat(SummaryVenueMaps.Keys).Append("penalties").Append("stop_reason").ToArray();
        if (index is not null)
        {
            problem = $"unknown expectation \"{key}\"; \"summary\" is not a list, so it takes no [index]";
            return null;
        }

        if (rest is null)
        {
            problem = KeyText.Incomplete("summary", fields);
            return null;
        }

        var (field, tail) = KeyText.Split(rest);
        if (field == "stop_reason" && tail is null)
            return new ExpectationTarget(ExpectedKind.Text, s => ActualValue.Of(StopReasonText(s.Cascade!.Summary.StopReason)), _ => null, StopReasons);
        if (SummaryNumbers.TryGetValue(field, out var number) && tail is null)
            return new ExpectationTarget(ExpectedKind.Number, s => ActualValue.Of(number(s.Cascade!.Summary)), _ => null);
        if (SummaryMaps.TryGetValue(field, out var map))
        {
            if (!Known(key, $"summary.{field}", tail, assets, ref problem)) return null;
            return new ExpectationTarget(ExpectedKind.Number, s => Lookup(map(s.Cascade!.Summary), tail!, null), _ => null);
        }

        if (field == "penalties")
        {
            if (!Known(key, "summary.penalties", tail, Recipients, ref problem)) return null;
            return new ExpectationTarget(ExpectedKind.Number, s => Lookup(s.Cascade!.Summary.Penalties, tail!, 0m), _ => null);
        }

        if (SummaryVenueMaps.TryGetValue(field, out var byVenue))
        {
            if (!Known(key, $"summary.{field}", tail, venues, ref problem)) return null;
            return new ExpectationTarget(ExpectedKind.Number, s => Venue(byVenue(s.Cascade!.Summary, tail!), tail!), _ => null);
        }

        problem = fields.Contains(field) ? KeyText.TooLong(key, "summary." + field) : KeyText.Unknown(key, "summary.", field, tail, fields);
        return null;
    }

    private static ExpectationTarget? Round(string key, int? index, string? rest, IReadOnlyCollection<string> assets, IReadOnlyCollection<string> symbols, IReadOnlyCollection<string> venues, ref string problem)
    {
        var fields = RoundNumbers.Keys.Concat(RoundMaps).Concat(RoundVenueMaps.Keys).Append("penalties").ToArray();
        if (index is null)
        {
            problem = $"expectation \"{key}\": rounds is a list; name a round, as in \"rounds[0].{rest ?? "liquidations"}\" for the first";
            return null;
        }

        var prefix = $"rounds[{index.Value.ToString(CultureInfo.InvariantCulture)}]";
        if (rest is null)
        {
            problem = KeyText.Incomplete(prefix, fields);
            return null;
        }

        var i = index.Value;
        var (field, tail) = KeyText.Split(rest);
        if (RoundNumbers.TryGetValue(field, out var number) && tail is null)
            return new ExpectationTarget(ExpectedKind.Number, s => InRound(s, i, r => ActualValue.Of(number(r))), _ => null);
        if (field == "penalties")
        {
            if (!Known(key, $"{prefix}.penalties", tail, Recipients, ref problem)) return null;
            var recipient = tail!;
            return new ExpectationTarget(ExpectedKind.Number, s => InRound(s, i, r => Lookup(r.Penalties, recipient, 0m)), _ => null);
        }

        if (RoundVenueMaps.TryGetValue(field, out var byVenue))
        {
            if (!Known(key, $"{prefix}.{field}", tail, venues, ref problem)) return null;
            var venue = tail!;
            return new ExpectationTarget(ExpectedKind.Number, s => InRound(s, i, r => Venue(byVenue(r, venue), venue)), _ => null);
        }

        if (RoundMaps.Contains(field))
        {
            if (!Known(key, $"{prefix}.{field}", tail, field == "prices" ? symbols : assets, ref problem)) return null;
            var asset = tail!;
            return field switch
            {
                "prices" => new ExpectationTarget(ExpectedKind.Number, s => InRound(s, i, r => Lookup(r.Prices, asset, null)), _ => null),
                "liquidated" => new ExpectationTarget(ExpectedKind.Number, s => InRound(s, i, r => Lookup(r.LiquidatedNotional, asset, 0m)), _ => null),
                "net_sales" => new ExpectationTarget(ExpectedKind.Number, s => InRound(s, i, r => Lookup(r.NetSales, asset, 0m)), _ => null),
                _ => new ExpectationTarget(ExpectedKind.Number, s => InRound(s, i, r => Move(s, i, asset)), _ => null),
            };
        }

        problem = fields.Contains(field) ? KeyText.TooLong(key, $"{prefix}.{field}") : KeyText.Unknown(key, prefix + ".", field, tail, fields);
        return null;
    }

    private static bool Known(string key, string mapKey, string? asset, IReadOnlyCollection<string> assets, ref string problem)
    {
        if (asset is null || asset.Length == 0)
        {
            problem = KeyText.Incomplete(mapKey, assets);
            return false;
        }

        if (assets.Contains(asset)) return true;
        problem = KeyText.Unknown(key, mapKey + ".", asset, null, assets);
        return false;
    }

    private static ActualValue InRound(ExpectationSubject s, int index, Func<CascadeRound, ActualValue> read)
    {
        var rounds = s.Cascade!.Rounds;
        return index < rounds.Count
            ? read(rounds[index])
            : ActualValue.None(string.Create(CultureInfo.InvariantCulture, $"the run had {rounds.Count} round{(rounds.Count == 1 ? string.Empty : "s")}"));
    }

    private static ActualValue Venue(decimal? value, string venue) =>
        value is { } v ? ActualValue.Of(v) : ActualValue.None($"no value for venue {venue}");

    private static ActualValue Lookup(IReadOnlyDictionary<string, decimal> values, string asset, decimal? absent) =>
        values.TryGetValue(asset, out var v) ? ActualValue.Of(v)
        : absent is { } zero ? ActualValue.Of(zero)
        : ActualValue.None($"no value for {asset}");

    // A round's move is its mark over the previous round's (the starting price for the first round), minus one.
    private static ActualValue Move(ExpectationSubject s, int index, string asset)
    {
        var rounds = s.Cascade!.Rounds;
        if (!rounds[index].Prices.TryGetValue(asset, out var price)) return ActualValue.None($"no price for {asset}");
        var previous = index == 0 ? s.StartPrices![asset] : rounds[index - 1].Prices[asset];
        return ActualValue.Of(price / previous - 1m);
    }
}
