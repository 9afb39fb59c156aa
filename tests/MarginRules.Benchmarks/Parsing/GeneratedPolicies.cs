using System.Globalization;
using System.Text;

namespace MarginRules.Benchmarks.Parsing;

/// <summary>Generated policy texts for timing the front end: a large one for compile time, a small one per analyzer call.</summary>
public static class GeneratedPolicies
{
    /// <summary>
    /// A 502-line policy: a header, 50 parameters, an 8-line bracket table, 400 chained definitions (every tenth an
    /// aggregate), equity, maintenance and 40 exports. It checks without errors. Fewer <paramref name="definitions"/>
    /// (a multiple of 10) give the same policy cut short, with one export per ten definitions.
    /// </summary>
    public static string Large(int definitions = 400)
    {
        var b = new StringBuilder();
        b.Append("policy \"Generated large\" version \"1\" currency USD\n");
        for (var i = 0; i < 50; i++)
            b.Append(CultureInfo.InvariantCulture, $"param rate_{i} \"Rate {i}\": ratio = {i % 9 + 1}.5%\n");
        b.Append("table tiers \"Brackets\" by notional: money {\n");
        b.Append("  columns rate: ratio, amount: money\n");
        b.Append("  0 ..< 50_000: 0.40%, 0\n");
        b.Append("  50_000 ..< 250_000: 0.50%, 50\n");
        b.Append("  250_000 ..< 1_000_000: 1.00%, 1_300\n");
        b.Append("  1_000_000 ..< 10_000_000: 2.50%, 16_300\n");
        b.Append("  10_000_000 ..: 5.00%, 266_300\n");
        b.Append("}\n");
        for (var i = 0; i < definitions; i++)
        {
            if (i % 10 == 0)
                b.Append(CultureInfo.InvariantCulture, $"let v_{i} \"Step {i}\" = sum(p in positions where p.size > 0: p.notional * tiers[p.notional].rate - tiers[p.notional].amount) * rate_{i % 50}\n");
            else
                b.Append(CultureInfo.InvariantCulture, $"let v_{i} = (v_{i - 1} + account.wallet * rate_{i % 50}) / 2 - (if v_{i - 1} > 0 then 1 USD else 0 USD)\n");
        }

        b.Append("equity \"Wallet plus unrealised PnL\" = account.wallet + sum(p in positions: p.upnl)\n");
        b.Append(CultureInfo.InvariantCulture, $"maintenance = max(v_{definitions - 1}, 0 USD)\n");
        for (var i = 0; i < definitions / 10; i++)
            b.Append(CultureInfo.InvariantCulture, $"export e_{i} = v_{i * 10 + 9} * rate_{i} + maintenance\n");
        return b.ToString();
    }

    /// <summary>A 16-line policy of the shape embedded in host code; <paramref name="seed"/> varies its names and numbers.</summary>
    public static string Small(int seed)
    {
        var s = seed.ToString(CultureInfo.InvariantCulture);
        return
            $"policy \"Desk {s}\" version \"1\" currency USD\n" +
            $"param initial_leverage \"Leverage for the initial requirement\": ratio = {seed % 20 + 2}\n" +
            "param fee \"Clearance fee\": ratio = 0.50%\n" +
            $"table brackets_{s} by notional: money {{\n" +
            "  columns rate: ratio, amount: money\n" +
            "  0 ..< 50_000: 0.40%, 0\n" +
            "  50_000 ..: 0.50%, 50\n" +
            "}\n" +
            $"equity = account.wallet + sum(p in positions: p.upnl)\n" +
            "initial = sum(p in positions: p.notional) / initial_leverage\n" +
            $"maintenance = sum(p in positions: p.notional * brackets_{s}[p.notional].rate - brackets_{s}[p.notional].amount)\n" +
            "export margin_ratio = if equity > 0 then maintenance / equity else 100%\n" +
            "liquidation close_out {\n" +
            "  when equity < maintenance\n" +
            "  take p in positions by p.notional desc size all penalty fee to insurance\n" +
            "}";
    }
}
