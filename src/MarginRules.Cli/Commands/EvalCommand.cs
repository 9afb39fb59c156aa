using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using MarginRules.Accounts;
using MarginRules.Analysis;
using MarginRules.Assessment;
using MarginRules.Cli.Json;
using MarginRules.Data;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Text;

namespace MarginRules.Cli.Commands;

/// <summary>
/// <c>marginrules eval</c>: evaluates one account against a policy and prints the assessment, optionally the trace and
/// the price of an asset at which the account would first become liquidatable (or called).
/// </summary>
internal sealed class EvalCommand : ICommand
{
    private const string Dash = "—";

    public string Name => "eval";

    public string Summary => "Evaluate an account against a policy";

    public string Help => """
        Usage: marginrules eval <policy> --account <json> --market <json> [--param name=value]… [--explain]
                                [--liquidation-price <asset> [--status liquidatable|margin-call] [--tick <size>]
                                 [--instrument-of INSTRUMENT=ASSET]…] [--json]

        Evaluates one account (a JSON object, see docs/data-formats.md) at the market's prices and prints
        equity, requirements, status, the margin call, the liquidation with its steps, penalties and
        repayments, ADL ranks and every export. Amounts are rounded to 6 decimals; --json prints them exactly.

        Options:
          --account <json>            the account file
          --market <json>             the market file
          --param name=value          override a parameter, e.g. maintenance_rate=30% or buffer=500 USD (repeatable)
          --explain                   also print every named value with its unit, position and expression
          --liquidation-price <asset> search the asset's price, both ways from the current one, at which the account
                                      first becomes liquidatable; instruments whose symbol starts with the asset's
                                      name (BTCUSDT for BTC) move with it in proportion
          --status <status>           liquidatable (the default) or margin-call: the status the search looks for
          --tick <size>               the price increment the answer is rounded to (default 0.01)
          --instrument-of I=A         instrument I moves with asset A instead of by its name (repeatable)
          --json                      print the assessment as JSON

        Example:
          marginrules eval examples/policies/binance-btcusdt.margin --account account.json --market market.json --liquidation-price BTCUSDT
        """;

    public int Run(IReadOnlyList<string> args, CliConsole console)
    {
        var a = CliArguments.Parse(
            args,
            ["--account", "--market", "--param", "--liquidation-price", "--status", "--tick", "--instrument-of"],
            ["--explain", "--json"]);
        if (a.Positional.Count != 1) throw new UsageException("error: name exactly one policy file");
        var policyPath = a.Positional[0];
        var accountPath = a.Required("--account");
        var marketPath = a.Required("--market");
        foreach (var path in new[] { policyPath, accountPath, marketPath })
            if (!File.Exists(path)) throw new UsageException($"{path}: error: no such file");
        var parameters = Parameters(a.Values("--param"));
        var asset = a.Value("--liquidation-price");
        var solverOptions = SolverOptions(a, asset);
        var json = a.Has("--json");

        var text = File.ReadAllText(policyPath);
        if (!MarginPolicy.TryCompile(text, out var policy, out var diagnostics, policyPath, new CompileOptions { Parameters = parameters }))
            return CompileFailed(text, policyPath, diagnostics, json, console);

        var market = MarketJson.Load(marketPath);
        var account = AccountJson.LoadAccount(accountPath, market);
        if (asset != null) CheckListed(market, marketPath, asset, solverOptions!);

        var trace = a.Has("--explain") ? policy!.Explain(account, market) : null;
        var assessment = trace?.Assessment ?? policy!.Evaluate(account, market);
        var entries = trace == null ? null : FirstPass(trace.Entries);
        var price = asset == null ? null : SolvePrice(policy!, solverOptions!, account, market, asset);

        if (json) console.Out.Write(Json(policy!, policyPath, assessment, account, entries, price));
        else console.Out.Write(Human(policy!, assessment, account, entries, price, console));
        return ExitCodes.Success;
    }

    private static LiquidationPriceResult SolvePrice(MarginPolicy policy, LiquidationPriceOptions options, Account account, Market market, string asset)
    {
        try
        {
            return new LiquidationPriceSolver(policy, options).Solve(account, market, asset);
        }
        catch (PolicyEvaluationException e)
        {
            // The account evaluates at the current price, so the failure is at a trial price: say so.
            throw new UsageException($"{e.Message}, at a trial price of `{asset}` while searching its liquidation price");
        }
    }

    // The trace also records the evaluations a restore-sized liquidation makes while it searches its amount; the
    // account's own values are the first pass, which names every value once.
    private static IReadOnlyList<TraceEntry> FirstPass(IReadOnlyList<TraceEntry> entries)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return entries.TakeWhile(e => seen.Add(e.Name)).ToList();
    }

    private static Dictionary<string, object>? Parameters(IReadOnlyList<string> values)
    {
        if (values.Count == 0) return null;
        var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            var eq = value.IndexOf('=');
            if (eq <= 0) throw new UsageException($"error: --param takes name=value, not `{value}`");
            parameters[value.Substring(0, eq)] = value.Substring(eq + 1);
        }

        return parameters;
    }

    private static LiquidationPriceOptions? SolverOptions(CliArguments a, string? asset)
    {
        if (asset == null)
        {
            var stray = new[] { "--status", "--tick", "--instrument-of" }.FirstOrDefault(o => a.Value(o) != null);
            if (stray != null) throw new UsageException($"error: {stray} only applies with --liquidation-price");
            return null;
        }

        var threshold = a.Value("--status") switch
        {
            null or "liquidatable" => MarginStatus.Liquidatable,
            "margin-call" => MarginStatus.MarginCall,
            var other => throw new UsageException($"error: --status takes liquidatable or margin-call, not `{other}`"),
        };

        var tick = 0.01m;
        if (a.Value("--tick") is { } tickText
            && (!decimal.TryParse(tickText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out tick) || tick <= 0))
            throw new UsageException($"error: --tick takes a positive number such as 0.01, not `{tickText}`");

        var underlyings = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var mapping in a.Values("--instrument-of"))
        {
            var eq = mapping.IndexOf('=');
            if (eq <= 0 || eq == mapping.Length - 1) throw new UsageException($"error: --instrument-of takes INSTRUMENT=ASSET, not `{mapping}`");
            underlyings[mapping.Substring(0, eq)] = mapping.Substring(eq + 1);
        }

        return new LiquidationPriceOptions { Threshold = threshold, Tick = tick, Underlyings = underlyings };
    }

    private static void CheckListed(Market market, string marketPath, string asset, LiquidationPriceOptions options)
    {
        if (!market.TryGetQuote(asset, out var quote))
            throw new UsageException($"{marketPath}: error: the market does not list `{asset}`, the asset of --liquidation-price; it lists {Listing(market)}");
        if (quote.Price <= 0)
            throw new UsageException($"{marketPath}: error: the price of `{asset}` is {quote.Price.ToString(CultureInfo.InvariantCulture)}; --liquidation-price needs a positive price");
        foreach (var instrument in options.Underlyings!.Keys)
        {
            if (!market.TryGetQuote(instrument, out _))
                throw new UsageException($"{marketPath}: error: the market does not list `{instrument}`, named by --instrument-of; it lists {Listing(market)}");
        }
    }

    private static string Listing(Market market)
    {
        var symbols = market.Quotes.Keys.OrderBy(s => s, StringComparer.Ordinal).ToList();
        if (symbols.Count == 0) return "nothing";
        return string.Join(", ", symbols.Take(10)) + (symbols.Count > 10 ? $" and {symbols.Count - 10} more" : string.Empty);
    }

    private static int CompileFailed(string text, string path, IReadOnlyList<Diagnostic> diagnostics, bool json, CliConsole console)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

        // Errors in --param values are input errors: the policy itself is fine.
        if (errors.All(d => d.Id is "MR0111" or "MR0213"))
        {
            foreach (var d in errors) console.Error.WriteLine(d + string.Concat(d.Help.Select(h => "; " + h)));
            return ExitCodes.UsageError;
        }

        var source = new SourceText(text, path);
        foreach (var d in diagnostics) console.Error.WriteLine(DiagnosticRenderer.Render(d, source));
        console.Error.WriteLine($"{path}: {errors.Count} {(errors.Count == 1 ? "error" : "errors")}; nothing evaluated");
        if (json)
        {
            console.Out.Write(JsonText.Write(w =>
            {
                w.WriteStartObject();
                w.WritePropertyName("diagnostics");
                DiagnosticJson.WriteArray(w, diagnostics);
                w.WriteEndObject();
            }));
        }

        return ExitCodes.Failure;
    }

    private static string Json(MarginPolicy policy, string path, MarginAssessment assessment, Account account, IReadOnlyList<TraceEntry>? trace, LiquidationPriceResult? price) =>
        JsonText.Write(w =>
        {
            w.WriteStartObject();
            AssessmentJson.WritePolicy(w, policy, path);
            AssessmentJson.WriteProperties(w, assessment, account);
            if (trace != null) AssessmentJson.WriteTrace(w, trace);
            if (price != null) LiquidationPriceJson.Write(w, price);
            w.WriteEndObject();
        });

    private static string Human(MarginPolicy policy, MarginAssessment a, Account account, IReadOnlyList<TraceEntry>? trace, LiquidationPriceResult? price, CliConsole console)
    {
        var currency = policy.Currency;
        string Money(decimal v) => currency == null ? Number(v) : $"{Number(v)} {currency}";

        var head = new List<string[]>
        {
            new[] { "Policy", policy.Name + Describe(policy) },
            new[] { "Account", a.AccountId },
            new[] { "Status", console.Paint(StatusText(a.Status), StatusColor(a.Status)) },
            new[] { "Equity", Money(a.Equity) },
            new[] { "Initial", a.Initial is { } initial ? Money(initial) : Dash },
            new[] { "Maintenance", Money(a.Maintenance) },
            new[] { "Margin call", a.MarginCall is { } call ? CallText(call, Money) : "none" },
        };

        var l = a.Liquidation;
        if (l == null) head.Add(new[] { "Liquidation", "none" });
        else
        {
            var verb = l.Target switch
            {
                LiquidationTarget.Positions => "closes positions",
                LiquidationTarget.Holdings => "sells holdings",
                _ => "buys in debts",
            };
            head.Add(new[] { "Liquidation", $"{l.RuleName} ({verb}, size {AssessmentJson.Name(l.SizeKind)})" });
            head.Add(new[] { "  Base", Money(l.BaseAmount) });
            head.Add(new[] { "  Target", Money(l.TargetAmount) });
            head.Add(new[] { "  Amount", Money(l.Amount) });
            if (l.SizeKind == MarginRules.Language.Syntax.LiquidationSizeKind.Whole) head.Add(new[] { "  Credit", Money(l.Credit) });
            head.Add(new[] { "  Chunk", l.Chunk is { } chunk ? Money(chunk) : "none" });
            head.Add(new[] { "  Penalties", Penalties(l.Penalties, Money) });
        }

        var sb = new StringBuilder();
        AppendTable(sb, head, string.Empty, header: false, rightAligned: []);

        if (l != null && l.Steps.Count > 0)
        {
            // A buy-in's step is a purchase: the debt's asset, the units bought back, their value and what the wallet paid.
            var buyIn = l.Target == LiquidationTarget.Debts;
            var rows = new List<string[]>
            {
                buyIn ? new[] { "Step", "Debt", "Asset", "Bought", "Value", "Paid", "Penalties" } : new[] { "Step", "Item", "Symbol", "Quantity", "Value", "Seized", "Penalties" },
            };
            for (var i = 0; i < l.Steps.Count; i++)
            {
                var s = l.Steps[i];
                rows.Add(new[] { Count(i + 1), Count(s.ItemIndex), s.Symbol, Number(s.Quantity), Money(s.Value), Money(s.Seized), Penalties(s.Penalties, Money) });
            }

            sb.Append('\n').Append(buyIn ? "Buy-in steps\n" : "Liquidation steps\n");
            AppendTable(sb, rows, "  ", header: true, rightAligned: [0, 1, 3, 4, 5]);
        }

        if (l != null && l.Repayments.Count > 0)
        {
            var rows = new List<string[]> { new[] { "Item", "Asset", "Quantity", "Value" } };
            rows.AddRange(l.Repayments.Select(r => new[] { Count(r.ItemIndex), r.Asset, Number(r.Quantity), Money(r.Value) }));
            sb.Append('\n').Append("Repayments\n");
            AppendTable(sb, rows, "  ", header: true, rightAligned: [0, 2, 3]);
        }

        if (a.AdlRanks is { Count: > 0 } ranks)
        {
            var rows = new List<string[]> { new[] { "Position", "Symbol", "Size", "Rank" } };
            for (var i = 0; i < ranks.Count; i++)
                rows.Add(new[] { Count(i), account.Positions[i].Symbol, Number(account.Positions[i].Size), Number(ranks[i]) });
            sb.Append('\n').Append("ADL ranks\n");
            AppendTable(sb, rows, "  ", header: true, rightAligned: [0, 2, 3]);
        }

        if (a.Exports.Count > 0)
        {
            var rows = policy.Checked.Exports.Select(e => new[] { e.Name, Typed(a.Exports[e.Name], e.Type, Money) }).ToList();
            sb.Append('\n').Append("Exports\n");
            AppendTable(sb, rows, "  ", header: false, rightAligned: []);
        }

        if (trace != null)
        {
            var rows = new List<string[]> { new[] { "Line:Col", "Name", "Value", "Unit", "Expression" } };
            rows.AddRange(trace.Select(e => new[]
            {
                $"{Count(e.Line)}:{Count(e.Column)}", e.Name, Exact(e.Value), e.Unit, OneLine(e.Expression),
            }));
            sb.Append('\n').Append("Trace\n");
            AppendTable(sb, rows, "  ", header: true, rightAligned: [2]);
        }

        if (price != null) AppendPrice(sb, price);
        return sb.ToString();
    }

    private static void AppendPrice(StringBuilder sb, LiquidationPriceResult r)
    {
        var call = r.Threshold == MarginStatus.MarginCall;
        sb.Append('\n')
          .Append(call ? "Margin-call price of " : "Liquidation price of ").Append(r.Asset)
          .Append(" (current ").Append(Number(r.CurrentPrice)).Append("; moving ").Append(string.Join(", ", r.MovingSymbols)).Append(")\n");
        if (r.AlreadyReached)
        {
            var what = r.CurrentStatus == MarginStatus.Liquidatable ? "already liquidatable" : "already called";
            sb.Append("  The account is ").Append(what).Append(" at the current price.\n");
            return;
        }

        var rows = new List<string[]>();
        foreach (var (direction, boundary) in new[] { (PriceDirection.Falling, r.Falling), (PriceDirection.Rising, r.Rising) })
        {
            var falling = direction == PriceDirection.Falling;
            var name = falling ? "Falling" : "Rising";
            if (boundary == null)
            {
                var limit = Number(falling ? r.LowestPriceSearched : r.HighestPriceSearched);
                rows.Add(new[] { name, "none", $"no price {(falling ? "down" : "up")} to {limit} {(call ? "brings a margin call" : "liquidates")}" });
                continue;
            }

            var safe = call ? "without a margin call" : "not yet liquidatable";
            var others = r.MovingSymbols.Skip(1).Select(s => $"; {s} {Number(boundary.Prices[s])}");
            rows.Add(new[]
            {
                name,
                Number(boundary.Price),
                $"the {(falling ? "lowest" : "highest")} price {safe}; {(falling ? "below" : "above")} it: {StatusText(boundary.StatusBeyond)} " +
                $"(boundary {Number(boundary.Boundary)}{string.Concat(others)})",
            });
        }

        AppendTable(sb, rows, "  ", header: false, rightAligned: [1]);
    }

    // Rows become lines of cells separated by two spaces, padded to the widest cell of each column; the last column is not padded.
    private static void AppendTable(StringBuilder sb, IReadOnlyList<string[]> rows, string indent, bool header, int[] rightAligned)
    {
        var columns = rows.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in rows)
            for (var c = 0; c < row.Length; c++)
                widths[c] = Math.Max(widths[c], VisibleLength(row[c]));

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var line = new StringBuilder(indent);
            for (var c = 0; c < row.Length; c++)
            {
                var pad = new string(' ', widths[c] - VisibleLength(row[c]));
                var right = rightAligned.Contains(c) && !(header && i == 0);
                if (c > 0) line.Append("  ");
                if (right) line.Append(pad).Append(row[c]);
                else if (c < row.Length - 1) line.Append(row[c]).Append(pad);
                else line.Append(row[c]);
            }

            sb.Append(line.ToString().TrimEnd()).Append('\n');
        }
    }

    // ANSI colour codes take no room on screen.
    private static int VisibleLength(string cell)
    {
        var length = 0;
        for (var i = 0; i < cell.Length; i++)
        {
            if (cell[i] == '\u001b')
            {
                while (i < cell.Length && cell[i] != 'm') i++;
                continue;
            }

            length++;
        }

        return length;
    }

    private static string Describe(MarginPolicy policy)
    {
        var parts = new List<string>();
        if (policy.Version != null) parts.Add("version " + policy.Version);
        if (policy.Currency != null) parts.Add(policy.Currency);
        return parts.Count == 0 ? string.Empty : $" ({string.Join(", ", parts)})";
    }

    private static string CallText(MarginCallInstruction call, Func<decimal, string> money)
    {
        var rounds = call.DeadlineRounds == 0 ? "due at once" : $"within {Count(call.DeadlineRounds)} {(call.DeadlineRounds == 1 ? "round" : "rounds")}";
        var expired = call.Expired && call.DeadlineRounds > 0 ? ", expired" : string.Empty;
        return $"{money(call.Amount)} {rounds} ({Count(call.RoundsOutstanding)} outstanding{expired})";
    }

    private static string Penalties(IReadOnlyList<PenaltyAmount> penalties, Func<decimal, string> money) =>
        penalties.Count == 0 ? "none" : string.Join(", ", penalties.Select(p => $"{AssessmentJson.Name(p.Recipient)} {money(p.Amount)}"));

    private static string StatusText(MarginStatus status) => status switch
    {
        MarginStatus.Healthy => "healthy",
        MarginStatus.MarginCall => "margin call",
        _ => "liquidatable",
    };

    private static AnsiColor StatusColor(MarginStatus status) => status switch
    {
        MarginStatus.Healthy => AnsiColor.Green,
        MarginStatus.MarginCall => AnsiColor.Yellow,
        _ => AnsiColor.Red,
    };

    private static string Typed(object value, PolicyType type, Func<decimal, string> money)
    {
        if (value is not decimal d) return Exact(value);
        return type.ToString() switch
        {
            "money" => money(d),
            "ratio" => Number(d * 100) + "%",
            "count" or "quantity" or "number" => Number(d),
            var unit => $"{Number(d)} ({unit})",
        };
    }

    private static string Exact(object value) => value switch
    {
        decimal d => JsonText.Normalize(d).ToString(CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => "\"" + value + "\"",
    };

    private static string OneLine(string expression) =>
        string.Join(" ", expression.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Select(s => s.Trim()));

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A number for people: grouped thousands, rounded half away from zero to 6 decimals — or to 6 significant digits
    /// below 1, so a tiny price never shows as 0 — without trailing zeros.
    /// </summary>
    private static string Number(decimal value)
    {
        var decimals = 6;
        var magnitude = Math.Abs(value);
        if (magnitude is > 0 and < 1)
        {
            while (magnitude < 1 && decimals < 28)
            {
                magnitude *= 10;
                decimals++;
            }

            decimals = Math.Min(28, decimals - 1);
        }

        var rounded = Math.Round(value, decimals, MidpointRounding.AwayFromZero);
        if (rounded == 0) rounded = 0m;
        return rounded.ToString("#,0." + new string('#', decimals), CultureInfo.InvariantCulture);
    }
}
