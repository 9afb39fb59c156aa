using CsCheck;
using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;

namespace MarginRules.Tests.Cascade;

/// <summary>Invariants over random populations: conservation (checked by the engine every round) and monotonicity.</summary>
public sealed class CascadePropertyTests
{
    private static readonly Gen<Account[]> Banks =
        Gen.Select(Gen.Int[1_000, 10_000], Gen.Int[200, 1_100])
            .Select((units, leverageHundredths) =>
            {
                decimal u = units, leverage = leverageHundredths / 100m;
                return (u, debt: Math.Round(u * (1m - 1m / leverage), 2));
            })
            .Array[1, 40]
            .Select(xs => xs.Select((x, i) => CascadeTestKit.BankAccount($"b{i}", x.u, x.debt)).ToArray());

    [Fact]
    public void Value_is_conserved_on_random_populations()
    {
        // The engine checks cash, units per asset and contracts per instrument after every round and throws a
        // CascadeException on any breach, so a completed run is the property.
        Gen.Select(Banks, Gen.Int[1, 30], Gen.Int[0, 50]).Sample((banks, drop, impact) =>
        {
            var setup = CascadeTestKit.Setup(new AssetSetup("RISK", 1m, new LinearImpact(impact / 10_000_000m)),
                [new VenueSetup("banks", CascadeTestKit.Bank(), banks, 1_000m)], -drop / 100m);
            var result = CascadeEngine.Run(setup, new CascadeOptions { MaxRounds = 30 });
            return result.Rounds.Count > 0;
        }, iter: 60);
    }

    [Fact]
    public void A_bigger_drop_never_liquidates_fewer_long_only_accounts()
    {
        Gen.Select(Banks, Gen.Int[1, 20], Gen.Int[1, 20], Gen.Int[0, 30]).Sample((banks, d1, d2, impact) =>
        {
            var (small, large) = (Math.Min(d1, d2), Math.Max(d1, d2));
            int Liquidated(int drop) => CascadeEngine.Run(
                CascadeTestKit.Setup(new AssetSetup("RISK", 1m, new LinearImpact(impact / 10_000_000m)),
                    [new VenueSetup("banks", CascadeTestKit.Bank(), banks)], -drop / 100m),
                new CascadeOptions { MaxRounds = 30 }).Summary.AccountsLiquidated;
            return Liquidated(large) >= Liquidated(small);
        }, iter: 40);
    }
}
