using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MarginRules.Cli.Json;

namespace MarginRules.Cli.Commands;

/// <summary><c>marginrules init</c>: writes a small working policy with an account, a market and policy tests to start from.</summary>
internal sealed class InitCommand : ICommand
{
    private const string Policy = """
        # A starter policy for perpetual futures with cross margin. Edit the parameters, then run
        # `marginrules check`, `marginrules eval` and `marginrules fmt` on it (see docs/cli.md).
        policy "Starter perpetuals" version "1" currency USD

        param initial_rate "Initial margin on notional": ratio = 10%
        param maintenance_rate "Maintenance margin on notional": ratio = 5%
        param liquidation_fee "Fee charged on the liquidated notional": ratio = 1%

        let notional "Total position notional" = sum(p in positions: p.notional)

        equity "Wallet plus unrealised PnL" = account.wallet + sum(p in positions: p.upnl)
        initial = notional * initial_rate
        maintenance = notional * maintenance_rate

        export margin_ratio "Maintenance over equity; 100% or more means liquidation" =
            if equity > 0 then maintenance / equity else 100%

        margin_call "Top up to the initial requirement" {
          when equity < initial
          amount initial - equity
          deadline 1
        }

        liquidation close_out "Close every position, largest first, and charge the fee" {
          when equity < maintenance
          take p in positions by p.notional desc
          size all
          penalty liquidation_fee to insurance
        }

        """;

    private const string Account = """
        {
          "id": "starter-1",
          "wallet": 5000,
          "positions": [
            { "symbol": "BTCUSDT", "size": 1, "entry_price": 40000 }
          ]
        }

        """;

    private const string Market = """
        {
          "assets": {
            "BTC": { "price": 40480, "volatility": 0.6 },
            "BTCUSDT": { "price": 40500 }
          }
        }

        """;

    private const string Tests = """
        {
          "policy": "policy.margin",
          "description": "Tests for the starter policy; run them with `marginrules test`.",
          "tests": [
            {
              "name": "the starter account is healthy",
              "description": "BTCUSDT at 40,500: equity = 5,000 + 1 × (40,500 − 40,000) = 5,500; maintenance = 5% × 40,500 = 2,025; initial = 10% × 40,500 = 4,050.",
              "account": { "id": "starter-1", "wallet": 5000, "positions": [ { "symbol": "BTCUSDT", "size": 1, "entry_price": 40000 } ] },
              "market": { "BTCUSDT": { "price": 40500 } },
              "expect": { "status": "healthy", "equity": 5500, "maintenance": 2025, "initial": 4050 }
            },
            {
              "name": "a drop to 36,000 liquidates and charges the fee",
              "description": "BTCUSDT at 36,000: equity = 5,000 − 4,000 = 1,000 < maintenance 5% × 36,000 = 1,800. The whole 36,000 is closed and 1% of it, 360, goes to the insurance fund.",
              "account": { "id": "starter-1", "wallet": 5000, "positions": [ { "symbol": "BTCUSDT", "size": 1, "entry_price": 40000 } ] },
              "market": { "BTCUSDT": { "price": 36000 } },
              "expect": { "status": "liquidatable", "liquidation.amount": 36000, "liquidation.penalties.insurance": 360 }
            }
          ]
        }

        """;

    public string Name => "init";

    public string Summary => "Create a starter policy with an account and a market";

    public string Help => """
        Usage: marginrules init <dir> [--json]

        Writes policy.margin (a small perpetual-futures policy), account.json, market.json and
        policy.tests.json into
        <dir>, creating it if needed, and prints the commands to try next. The folder must be new or empty.

        Options:
          --json   print the files written and the next commands as JSON

        Example:
          marginrules init my-policy
        """;

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(args, [], ["--json"]);
        if (a.Positional.Count != 1) throw new UsageException("error: name exactly one folder to create");
        var dir = a.Positional[0];
        if (File.Exists(dir)) throw new UsageException($"{dir}: error: a file of that name exists");
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any())
            throw new UsageException($"{dir}: error: the folder is not empty; init writes only into a new or empty folder");

        Directory.CreateDirectory(dir);
        var files = new (string Name, string Text, string About)[]
        {
            ("policy.margin", Policy, "a perpetual-futures policy with a margin call and a liquidation"),
            ("account.json", Account, "one account: 5,000 USD and a long of 1 BTCUSDT from 40,000"),
            ("market.json", Market, "prices for BTC and BTCUSDT"),
            ("policy.tests.json", Tests, "policy tests: a healthy account and a liquidation"),
        };
        foreach (var (name, text, _) in files) File.WriteAllText(Path.Combine(dir, name), text.Replace("\r\n", "\n"));

        string PathOf(string name) => Quote(Path.Combine(dir, name));
        var evalArgs = $"{PathOf("policy.margin")} --account {PathOf("account.json")} --market {PathOf("market.json")}";
        var next = new[]
        {
            $"marginrules check {PathOf("policy.margin")}",
            $"marginrules eval {evalArgs} --explain",
            $"marginrules eval {evalArgs} --liquidation-price BTC",
            $"marginrules fmt --check {PathOf("policy.margin")}",
            $"marginrules test {Quote(dir)}",
        };

        if (a.Has("--json"))
        {
            console.Out.Write(JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WriteString("directory", dir);
                w.WriteStartArray("files");
                foreach (var f in files) w.WriteStringValue(Path.Combine(dir, f.Name));
                w.WriteEndArray();
                w.WriteStartArray("next");
                foreach (var command in next) w.WriteStringValue(command);
                w.WriteEndArray();
                w.WriteEndObject();
            }));
            return ExitCodes.Success;
        }

        var width = files.Max(f => Path.Combine(dir, f.Name).Length);
        console.Out.WriteLine($"Created {dir} with a starter policy:");
        foreach (var (name, _, about) in files) console.Out.WriteLine($"  {Path.Combine(dir, name).PadRight(width)}  {about}");
        console.Out.WriteLine();
        console.Out.WriteLine("Try next:");
        foreach (var command in next) console.Out.WriteLine("  " + command);
        return ExitCodes.Success;
    }

    // Paths with spaces or quotes must survive being pasted into a shell.
    private static string Quote(string path) =>
        path.Any(c => char.IsWhiteSpace(c) || c is '"' or '\'' or '$' or '`' or '\\' or '&' or ';' or '|' or '(' or ')' or '<' or '>' or '*' or '?')
            ? "'" + path.Replace("'", "'\\''") + "'"
            : path;
}
