using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Data;
using MarginRules.Language.Text;

namespace MarginRules.Cli.Simulation;

/// <summary>
/// Reads a venue file: <c>{ "name": "binance", "policy": "../policies/binance-btcusdt.margin", "portfolio":
/// "../portfolios/binance-perps.json", "insurance_fund": 1000000, "reserves": "portfolio", "response": { … },
/// "parameters": { … } }</c>, with paths relative to the venue file. See <c>docs/cli.md</c>, "Simulation files".
/// </summary>
internal static class VenueFile
{
    /// <summary>The tag prefix that carries an account's off-venue reserve when a venue reads reserves from its portfolio.</summary>
    public const string ReserveTag = "reserve:";

    private static readonly string[] Fields = ["name", "policy", "portfolio", "insurance_fund", "reserves", "response", "parameters"];
    private static readonly string[] ResponseFields = ["top_up_probability", "top_up_fraction", "seed"];
    private static readonly Regex QuotedName = new("`([^`]+)`", RegexOptions.CultureInvariant);

    /// <summary>Reads a venue file whose accounts trade on <paramref name="market"/>.</summary>
    /// <exception cref="UsageException">The venue file does not exist, or its policy does not compile.</exception>
    /// <exception cref="DataFormatException">The venue file, or the portfolio it names, is invalid.</exception>
    public static SimulationVenue Load(string path, SimulationMarket market)
    {
        var root = JsonFile.Load(path);
        var folder = Path.GetDirectoryName(path) ?? string.Empty;
        var fields = root.AsRecord();
        foreach (var field in fields)
        {
            if (!Fields.Contains(field.Name, StringComparer.Ordinal)) throw field.UnknownField(Fields);
        }

        DataNode? Field(string name) => fields.FirstOrDefault(f => f.Name == name);
        var name = Field("name")?.AsName() ?? Path.GetFileNameWithoutExtension(path);
        var policyEntry = Field("policy") ?? throw root.MissingField("policy");
        var portfolioEntry = Field("portfolio") ?? throw root.MissingField("portfolio");
        var policyPath = Resolve(folder, policyEntry);
        var portfolioPath = Resolve(folder, portfolioEntry);

        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        var parameterEntries = new Dictionary<string, DataNode>(StringComparer.Ordinal);
        if (Field("parameters") is { } parametersEntry)
        {
            foreach (var p in parametersEntry.AsMap("parameter"))
            {
                parameters[p.Name!] = p.AsParameterValue();
                parameterEntries[p.Name!] = p;
            }
        }

        var policyText = File.ReadAllText(policyPath);
        var policy = Compile(policyText, policyPath, parameters, parameterEntries);
        var accounts = LoadPortfolio(portfolioPath, market);
        var fund = Field("insurance_fund")?.AsNonNegativeDecimal() ?? 0m;
        var reserves = Field("reserves") is { } reservesEntry ? ReadReserves(reservesEntry, accounts, portfolioPath) : null;
        var response = Field("response") is { } responseEntry ? ReadResponse(responseEntry) : MarginCallResponse.None;

        var setup = new VenueSetup(name, policy, accounts, fund) { Reserves = reserves, Response = response };
        return new SimulationVenue(path, name, policyPath, portfolioPath, setup, parameters) { PolicyText = policyText };
    }

    /// <summary>The first error of a failed compilation as one line, with a count of the others.</summary>
    public static string FirstError(PolicyCompilationException e)
    {
        var errors = e.Diagnostics.Where(d => d.Severity == Language.Diagnostics.DiagnosticSeverity.Error).ToList();
        var more = errors.Count > 1 ? $" (and {errors.Count - 1} more {(errors.Count == 2 ? "error" : "errors")})" : string.Empty;
        return errors.Count == 0 ? e.Message : errors[0] + more;
    }

    /// <summary>The parameter a parameter-override diagnostic (MR0111, MR0213) is about, or null for other errors.</summary>
    public static string? OverrideParameter(PolicyCompilationException e)
    {
        var error = e.Diagnostics.FirstOrDefault(d => d.Severity == Language.Diagnostics.DiagnosticSeverity.Error);
        if (error is null || error.Id is not ("MR0111" or "MR0213")) return null;
        var match = QuotedName.Match(error.Message);
        return match.Success ? match.Groups[1].Value : null;
    }

    private static MarginPolicy Compile(string text, string path, Dictionary<string, object> parameters, Dictionary<string, DataNode> entries)
    {
        try
        {
            return MarginPolicy.Compile(text, path, new CompileOptions { Parameters = parameters });
        }
        catch (PolicyCompilationException e)
        {
            // A wrong override is the venue file's mistake, so the error points there rather than at the policy.
            var error = e.Diagnostics.First(d => d.Severity == Language.Diagnostics.DiagnosticSeverity.Error);
            if (OverrideParameter(e) is { } name && entries.TryGetValue(name, out var entry))
            {
                var reason = $"{error.Message} ({error.Id})";
                throw error.Id == "MR0111" ? entry.NameError(reason) : entry.Error(reason);
            }

            throw new UsageException(FirstError(e));
        }
    }

    private static string Resolve(string folder, DataNode entry)
    {
        var relative = entry.AsName();
        var full = Path.GetFullPath(Path.Combine(folder, relative));

        // Files under the working folder are shown as the user would type them; others by their full path, not as ../../…
        var fromHere = Path.GetRelativePath(Environment.CurrentDirectory, full);
        var shown = fromHere.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(fromHere) ? full : fromHere;
        if (!File.Exists(full)) throw entry.Error($"no such file \"{shown}\" (paths are relative to the venue file)");
        return shown;
    }

    private static IReadOnlyList<Account> LoadPortfolio(string path, SimulationMarket market)
    {
        var quotes = market.Quotes(market.StartPrices);
        if (path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) return PortfolioCsv.Load(path, quotes);
        return AccountJson.LoadPortfolio(path, quotes);
    }

    private static Dictionary<string, decimal> ReadReserves(DataNode entry, IReadOnlyList<Account> accounts, string portfolioPath)
    {
        var reserves = new Dictionary<string, decimal>(StringComparer.Ordinal);
        if (entry.Kind == JsonValueKind.String)
        {
            if (entry.Text != "portfolio") throw entry.Error($"expected \"portfolio\" or an object of reserves by account id, found \"{entry.Text}\"");
            foreach (var account in accounts)
            {
                foreach (var tag in account.Tags.Where(t => t.StartsWith(ReserveTag, StringComparison.Ordinal)))
                {
                    var text = tag[ReserveTag.Length..];
                    if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
                    {
                        throw new UsageException($"{portfolioPath}: error: account \"{account.Id}\" has the tag \"{tag}\"; a reserve tag is \"{ReserveTag}\" followed by an amount, such as \"{ReserveTag}2500\"");
                    }

                    reserves[account.Id] = reserves.GetValueOrDefault(account.Id) + amount;
                }
            }

            return reserves;
        }

        var ids = accounts.Select(a => a.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var reserve in entry.AsMap("account"))
        {
            if (!ids.Contains(reserve.Name!))
            {
                var suggestion = SpellingSuggestion.Closest(reserve.Name!, ids);
                throw reserve.NameError($"the portfolio has no account \"{reserve.Name}\"{(suggestion is null ? string.Empty : $"; did you mean \"{suggestion}\"?")}");
            }

            reserves[reserve.Name!] = reserve.AsNonNegativeDecimal();
        }

        return reserves;
    }

    private static MarginCallResponse ReadResponse(DataNode entry)
    {
        decimal probability = 0m, fraction = 1m;
        ulong seed = 0;
        foreach (var field in entry.AsRecord())
        {
            switch (field.Name)
            {
                case "top_up_probability": probability = field.AsShare(); break;
                case "top_up_fraction": fraction = field.AsNonNegativeDecimal(); break;
                case "seed": seed = (ulong)field.AsWhole(0m, ulong.MaxValue); break;
                default: throw field.UnknownField(ResponseFields);
            }
        }

        return new MarginCallResponse(probability, fraction, seed);
    }
}
