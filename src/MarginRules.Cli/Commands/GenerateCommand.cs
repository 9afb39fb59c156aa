using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MarginRules.Accounts;
using MarginRules.Cli.Simulation;
using MarginRules.Data;
using MarginRules.Population;

namespace MarginRules.Cli.Commands;

/// <summary><c>marginrules generate</c>: writes a seeded synthetic portfolio of perpetual-futures accounts for simulations.</summary>
internal sealed class GenerateCommand : ICommand
{
    private static readonly string[] Kinds = ["perpetual"];

    public string Name => "generate";

    public string Summary => "Generate a seeded synthetic portfolio for simulations";

    public string Help => """
        Usage: marginrules generate perpetual --market <file> --instruments <A,B,…> --accounts N --seed S
                                    --output <portfolio.json | portfolio.csv>
                                    [--median-leverage X] [--leverage-spread X] [--tail-share X]
                                    [--tail-min-leverage X] [--tail-max-leverage X] [--short-share X]
                                    [--median-balance X] [--positions N] [--id-prefix P] [--reserves] [--json]

        Generates cross-margin perpetual accounts with MarginRules.Population (docs/populations.md):
        a log-normal margin balance, a leverage body with a high-leverage tail, a share of shorts and
        entry prices around the mark. Every account starts above maintenance under the BTCUSDT brackets.
        The same options and seed always give the same file. Prices are the market file's starting
        prices (the simulation market of docs/cli.md); instruments must be listed in it.

        Options:
          --market <file>           the simulation market (required)
          --instruments <list>      comma-separated instruments or assets positions are opened on (required)
          --accounts N              the number of accounts, 1 to 10,000,000 (required)
          --seed S                  the seed, a whole number from 0 to 18446744073709551615 (required)
          --output <file>           the portfolio to write: JSON, or CSV for a name ending in .csv (required)
          --median-leverage X       median leverage of the body (default 5)
          --leverage-spread X       standard deviation of ln(leverage) in the body (default 0.45)
          --tail-share X            share of accounts in the high-leverage tail, 0 to 1 (default 0.08)
          --tail-min-leverage X     the tail's lowest leverage and the body's cap (default 20)
          --tail-max-leverage X     the tail's highest leverage (default 100)
          --short-share X           probability that a position is short, 0 to 1 (default 0.45)
          --median-balance X        median margin balance in the quote currency (default 2000)
          --positions N             positions per account, each on a different instrument (default 3)
          --id-prefix P             account ids are P followed by the number (default acct-)
          --reserves                tag each account with its off-venue reserve (reserve:AMOUNT), for
                                    venue files with "reserves": "portfolio"
          --json                    print a JSON summary instead of a line of text

        Example:
          marginrules generate perpetual --market examples/markets/october-2025.json --instruments BTCUSDT \
            --accounts 2000 --seed 20251010 --median-leverage 12 --tail-share 0.3 --short-share 0.2 \
            --output examples/portfolios/october-2025.json
        """;

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args,
            ["--market", "--instruments", "--accounts", "--seed", "--output", "--median-leverage", "--leverage-spread", "--tail-share",
             "--tail-min-leverage", "--tail-max-leverage", "--short-share", "--median-balance", "--positions", "--id-prefix"],
            ["--reserves", "--json"]);
        if (a.Positional.Count != 1 || !Kinds.Contains(a.Positional[0]))
        {
            var given = a.Positional.Count == 0 ? "none" : $"`{string.Join(" ", a.Positional)}`";
            throw new UsageException($"error: name the kind of population to generate, `perpetual` (given: {given})");
        }

        var accounts = a.Int("--accounts", 0, 1, 10_000_000);
        if (a.Value("--accounts") == null) throw new UsageException("error: --accounts is required");
        var seedText = a.Required("--seed");
        if (!ulong.TryParse(seedText, NumberStyles.None, CultureInfo.InvariantCulture, out var seed))
            throw new UsageException($"error: --seed takes a whole number from 0 to {ulong.MaxValue}, not `{seedText}`");
        var output = a.Required("--output");
        var market = SimulationMarketFile.Load(a.Required("--market"));
        var quotes = market.Quotes(market.StartPrices);
        var instruments = a.Required("--instruments").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (instruments.Length == 0) throw new UsageException("error: --instruments needs at least one instrument");
        foreach (var symbol in instruments)
        {
            if (!quotes.Quotes.ContainsKey(symbol))
                throw new UsageException($"error: --instruments: the market {market.FilePath} does not list `{symbol}`");
        }

        var defaults = new PerpetualVenue(quotes, [.. instruments]);
        var venue = defaults with
        {
            MedianLeverage = Decimal(a, "--median-leverage", defaults.MedianLeverage),
            LeverageSpread = Decimal(a, "--leverage-spread", defaults.LeverageSpread),
            TailShare = Decimal(a, "--tail-share", defaults.TailShare),
            TailMinimumLeverage = Decimal(a, "--tail-min-leverage", defaults.TailMinimumLeverage),
            TailMaximumLeverage = Decimal(a, "--tail-max-leverage", defaults.TailMaximumLeverage),
            ShortShare = Decimal(a, "--short-share", defaults.ShortShare),
            MedianMarginBalance = Decimal(a, "--median-balance", defaults.MedianMarginBalance),
            PositionsPerAccount = a.Int("--positions", defaults.PositionsPerAccount, 1, 64),
        };
        var options = new PopulationOptions(venue, accounts, seed) { IdPrefix = a.Value("--id-prefix") ?? "acct-" };

        SyntheticPopulation population;
        try
        {
            population = PopulationGenerator.Generate(options);
        }
        catch (ArgumentException e)
        {
            // The generator names the options' properties; the user typed flags, so the message names the flags.
            var message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
            foreach (var (property, flag) in PropertyFlags) message = message.Replace(property, flag, StringComparison.Ordinal);
            throw new UsageException($"error: {message}");
        }

        var written = a.Has("--reserves")
            ? population.Accounts.Select(x => x with { Tags = x.Tags.Add($"reserve:{population.Reserves[x.Id].ToString(CultureInfo.InvariantCulture)}") }).ToImmutableArray()
            : population.Accounts;
        var folder = Path.GetDirectoryName(Path.GetFullPath(output));
        if (folder != null) Directory.CreateDirectory(folder);
        if (output.EndsWith(".csv", StringComparison.OrdinalIgnoreCase)) PortfolioCsv.Write(output, written);
        else File.WriteAllText(output, PortfolioJsonText(written));

        var shorts = written.Sum(x => x.Positions.Count(p => p.Size < 0m));
        var positions = written.Sum(x => x.Positions.Length);
        if (a.Has("--json"))
        {
            console.Out.WriteLine($$"""{ "output": {{Quote(output)}}, "accounts": {{written.Length}}, "positions": {{positions}}, "shortPositions": {{shorts}}, "seed": {{seed}} }""");
            return ExitCodes.Success;
        }

        console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Generated {written.Length:N0} perpetual accounts ({positions:N0} positions, {shorts:N0} short) with seed {seed} into {output}"));
        return ExitCodes.Success;
    }

    private static readonly (string Property, string Flag)[] PropertyFlags =
    [
        (nameof(PerpetualVenue.MedianLeverage), "--median-leverage"),
        (nameof(PerpetualVenue.LeverageSpread), "--leverage-spread"),
        (nameof(PerpetualVenue.TailShare), "--tail-share"),
        (nameof(PerpetualVenue.TailMinimumLeverage), "--tail-min-leverage"),
        (nameof(PerpetualVenue.TailMaximumLeverage), "--tail-max-leverage"),
        (nameof(PerpetualVenue.ShortShare), "--short-share"),
        (nameof(PerpetualVenue.MedianMarginBalance), "--median-balance"),
        (nameof(PerpetualVenue.PositionsPerAccount), "--positions"),
    ];

    private static decimal Decimal(CliArguments a, string option, decimal fallback)
    {
        var text = a.Value(option);
        if (text == null) return fallback;
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            throw new UsageException($"error: {option} takes a number such as 0.5 or 12, not `{text}`");
        return value;
    }

    /// <summary>The portfolio file of docs/data-formats.md, one account per line, numbers exact.</summary>
    private static string PortfolioJsonText(IReadOnlyList<Account> accounts)
    {
        var sb = new StringBuilder("{\"accounts\": [\n");
        for (var i = 0; i < accounts.Count; i++)
        {
            var x = accounts[i];
            sb.Append("  {\"id\":").Append(Quote(x.Id)).Append(",\"wallet\":").Append(Number(x.Wallet)).Append(",\"positions\":[");
            sb.AppendJoin(",", x.Positions.Select(p =>
                $"{{\"symbol\":{Quote(p.Symbol)},\"size\":{Number(p.Size)},\"entry_price\":{Number(p.EntryPrice)}" +
                (p.Isolated ? $",\"isolated\":true,\"isolated_margin\":{Number(p.IsolatedMargin)}" : string.Empty) + "}"));
            sb.Append(']');
            if (x.Tags.Length > 0) sb.Append(",\"tags\":[").AppendJoin(",", x.Tags.Select(Quote)).Append(']');
            sb.Append('}').Append(i + 1 < accounts.Count ? ",\n" : "\n");
        }

        return sb.Append("]}\n").ToString();
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Quote(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
