using System.Globalization;
using System.Text;

namespace MarginRules.Tests.Examples;

/// <summary>
/// Generates the two fund populations of the procyclical-versus-floored scenario (examples/portfolios/
/// procyclical-funds.json and floored-funds.json) by one rule: the same 100 funds, each levered to the calm haircut
/// of its lender. Fund i (0–99) holds 1,000 × (1 + (7i mod 20)) units of its lender's copy of the risky asset
/// (RISK_PRO or RISK_FLOOR, both at 100) and keeps an equity ratio of haircut × (1 + 5% + 55% × i / 99) of its
/// collateral; the rest is its loan, rounded to the cent.
/// </summary>
internal static class ProcyclicalPortfolios
{
    /// <summary>The starting price of RISK_PRO and RISK_FLOOR in examples/markets/procyclical.json.</summary>
    public const decimal Price = 100m;

    /// <summary>The file name and generated text of both portfolios.</summary>
    public static IReadOnlyList<(string File, string Json)> All() =>
    [
        // Calm volatility 10% × 2 standard deviations = 20%; the floored lender's floor is 30%.
        ("procyclical-funds.json", Funds(0.20m, "pro", "RISK_PRO")),
        ("floored-funds.json", Funds(0.30m, "flo", "RISK_FLOOR")),
    ];

    /// <summary>100 funds holding <paramref name="asset"/>, levered to <paramref name="haircut"/> with cushions from 5% to 60% over it.</summary>
    public static string Funds(decimal haircut, string prefix, string asset)
    {
        var sb = new StringBuilder("{\"accounts\": [\n");
        for (var i = 0; i < 100; i++)
        {
            var units = 1_000 * (1 + (i * 7 % 20));
            var ratio = haircut * (1m + 0.05m + (0.55m * i / 99m));
            var debt = Math.Round(units * Price * (1m - ratio), 2, MidpointRounding.AwayFromZero);
            sb.Append(CultureInfo.InvariantCulture,
                $"  {{\"id\":\"{prefix}-{i + 1:000}\",\"holdings\":[{{\"asset\":\"{asset}\",\"quantity\":{units}}}],\"debts\":[{{\"asset\":\"USD\",\"quantity\":{N(debt)}}}]}}");
            sb.Append(i < 99 ? ",\n" : "\n");
        }

        return sb.Append("]}\n").ToString();
    }

    private static string N(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
