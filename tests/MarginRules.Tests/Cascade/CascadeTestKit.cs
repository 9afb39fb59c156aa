using System.Globalization;
using System.Text;
using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade.Shocks;

namespace MarginRules.Tests.Cascade;

/// <summary>Small builders for cascade setups used across the engine tests.</summary>
internal static class CascadeTestKit
{
    public static MarginPolicy Bank(decimal targetLeverage = 10m, decimal? limit = null)
    {
        var overrides = new Dictionary<string, object> { ["target_leverage"] = targetLeverage };
        if (limit.HasValue) overrides["leverage_limit"] = limit.Value;
        return MarginPolicy.Compile(TestData.ExamplePolicy("leverage-target.margin"), "leverage-target.margin", new CompileOptions { Parameters = overrides });
    }

    /// <summary>A bank holding <paramref name="units"/> of RISK financed by <paramref name="debt"/> of USD.</summary>
    public static Account BankAccount(string id, decimal units, decimal debt) =>
        TestData.Account(id, holdings: [new Holding("RISK", units)], debts: [new Debt("USD", debt)]);

    public static AssetSetup Usd => new("USD", 1m, new LinearImpact(0m));

    public static CascadeSetup Setup(AssetSetup risk, IReadOnlyList<VenueSetup> venues, params decimal[] riskShocks) => new()
    {
        Assets = [risk, Usd],
        Venues = venues,
        Shock = new ShockPath(riskShocks.Select(s => new Shock(new Dictionary<string, decimal> { ["RISK"] = s }))),
    };

    /// <summary>Every number of a result in one string, for bit-for-bit comparisons.</summary>
    public static string Fingerprint(CascadeResult r)
    {
        var sb = new StringBuilder();
        foreach (var round in r.Rounds)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{round.Number}|{round.MarginCalls}|{round.TopUps}|{round.TopUpAmount}|{round.Liquidations}|{round.BadDebt}|{round.InsuranceDrawn}|{round.AdlEvents}|{round.SocializedLoss}|");
            foreach (var kv in round.Prices.OrderBy(k => k.Key, StringComparer.Ordinal)) sb.Append(kv.Key).Append('=').Append(kv.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
            foreach (var kv in round.LiquidatedNotional.OrderBy(k => k.Key, StringComparer.Ordinal)) sb.Append(kv.Key).Append('~').Append(kv.Value.ToString(CultureInfo.InvariantCulture)).Append(';');
            sb.Append('\n');
        }

        foreach (var venue in r.FinalAccounts.OrderBy(k => k.Key, StringComparer.Ordinal))
            foreach (var a in venue.Value)
                sb.Append(a.Id).Append(':').Append(a.Wallet.ToString(CultureInfo.InvariantCulture)).Append(':')
                  .Append(string.Join(',', a.Positions.Select(p => p.Size.ToString(CultureInfo.InvariantCulture))))
                  .Append(string.Join(',', a.Holdings.Select(h => h.Quantity.ToString(CultureInfo.InvariantCulture))))
                  .Append(string.Join(',', a.Debts.Select(d => d.Quantity.ToString(CultureInfo.InvariantCulture)))).Append('\n');
        return sb.ToString();
    }
}
