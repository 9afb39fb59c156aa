using System.Globalization;
using System.Text;

namespace MarginRules.Tests.Examples;

/// <summary>
/// The designed population of examples/portfolios/maker-vaults.json: 200 ETH-A vaults at the ETH price of
/// examples/markets/crypto.json, with collateralization ratios packed towards the 145% liquidation ratio and debts
/// from the 15,000 DAI dust floor up to about 2 million. Decimal arithmetic only, so it is the same on every machine.
/// </summary>
internal static class MakerVaultPortfolio
{
    /// <summary>The ETH price the vaults are designed at (examples/markets/crypto.json).</summary>
    public const decimal Eth = 3_000m;

    /// <summary>The number of vaults.</summary>
    public const int Vaults = 200;

    /// <summary>
    /// Vault i (0–199) has collateralization 150% + 250% × ((i + 0.5) / 200)², from 150.0016% to 399.4%: dense near
    /// the liquidation ratio, as real vault books are. Its debt is 15,000 × 1.025^j DAI with j = 37 × i mod 200, a
    /// permutation of 0–199 that spreads large and small debts over the whole range of ratios; 1.025^199 ≈ 136.6, so
    /// the largest debt is about 2.05 million. Collateral = debt × ratio / 3,000 ETH, to 4 decimal places (half up).
    /// </summary>
    public static string Json()
    {
        var debts = new decimal[Vaults];
        var debt = 15_000m;
        for (var j = 0; j < Vaults; j++)
        {
            debts[j] = Math.Round(debt, 2, MidpointRounding.AwayFromZero);
            debt *= 1.025m;
        }

        var sb = new StringBuilder("{\"accounts\": [\n");
        for (var i = 0; i < Vaults; i++)
        {
            var position = (i + 0.5m) / Vaults;
            var ratio = 1.5m + (2.5m * position * position);
            var vaultDebt = debts[37 * i % Vaults];
            var eth = Math.Round(vaultDebt * ratio / Eth, 4, MidpointRounding.AwayFromZero);
            sb.Append("  {\"id\":\"vault-").Append((i + 1).ToString("000", CultureInfo.InvariantCulture))
              .Append("\",\"holdings\":[{\"asset\":\"ETH\",\"quantity\":").Append(N(eth))
              .Append("}],\"debts\":[{\"asset\":\"DAI\",\"quantity\":").Append(N(vaultDebt)).Append("}]}")
              .Append(i + 1 < Vaults ? ",\n" : "\n");
        }

        return sb.Append("]}\n").ToString();
    }

    private static string N(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
