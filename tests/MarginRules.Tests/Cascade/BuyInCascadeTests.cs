using MarginRules.Accounts;
using MarginRules.Cascade;
using MarginRules.Cascade.Impact;
using MarginRules.Cascade.Shocks;
using MarginRules.Tests.Cascade.Reference;

namespace MarginRules.Tests.Cascade;

/// <summary>A buy-in in the engine: the wallet pays the market and the penalties, the short falls, and the price rises.</summary>
public sealed class BuyInCascadeTests
{
    private const string Text = """
        policy "buy-in" currency USD
        equity = account.wallet - sum(d in debts: d.value)
        maintenance = sum(d in debts: d.value) * 30%
        liquidation buy_in {
          when equity < maintenance
          take d in debts
          size all
          penalty 1% to insurance
        }
        """;

    // λ = 0.0001 per dollar: a buy of q units at p moves the price to p × (1 + 0.0001 × q × p) (LinearImpact).
    private static CascadeSetup Setup(params Account[] accounts) => new()
    {
        Assets = [new AssetSetup("XYZ", 100m, new LinearImpact(0.0001m))],
        Venues = [new VenueSetup("broker", MarginPolicy.Compile(Text, "buy-in.margin"), accounts)],
        Shock = new ShockPath(new Shock(new Dictionary<string, decimal> { ["XYZ"] = 0.10m })),
    };

    [Fact]
    public void The_wallet_buys_the_short_in_at_the_mark_and_the_buy_moves_the_price_up()
    {
        // Wallet 1,300, short 10 XYZ; +10% marks XYZ at 110: equity 1,300 − 1,100 = 200 < 30% × 1,100 = 330. `size all`
        // buys the 10 in for 1,100 and pays 1% (11) to insurance: wallet 1,300 − 1,111 = 189, no debt left. Net sales
        // are −10, so the next mark is 110 × (1 + 0.0001 × 10 × 110) = 110 × 1.11 = 122.1. Round 2 has nothing to do.
        var setup = Setup(TestData.Account("short", 1_300m, debts: [new Debt("XYZ", 10m)]));

        var result = CascadeEngine.Run(setup);

        result.Rounds[0].Prices["XYZ"].ShouldBe(110m);
        result.Rounds[0].Liquidations.ShouldBe(1);
        result.Rounds[0].NetSales["XYZ"].ShouldBe(-10m);
        result.Rounds[0].LiquidatedNotional["XYZ"].ShouldBe(1_100m);
        result.Rounds[0].Penalties["insurance"].ShouldBe(11m);
        result.Rounds[0].InsuranceFunds["broker"].ShouldBe(11m);
        result.Rounds[1].Prices["XYZ"].ShouldBe(122.1m);
        result.Summary.BadDebt.ShouldBe(0m);
        var final = result.FinalAccounts["broker"].Single();
        final.Wallet.ShouldBe(189m);
        final.Debts.ShouldBeEmpty();

        // The record engine (the oracle) gives the same run.
        CascadeTestKit.Fingerprint(new RecordCascadeRun(setup, new CascadeOptions()).Run(null, default)).ShouldBe(CascadeTestKit.Fingerprint(result));
    }

    [Fact]
    public void A_debt_no_buy_in_reaches_is_written_off_when_the_wallet_cannot_cover_it()
    {
        // Long 100 XYZ at 100 on a 10,000 USD loan, wallet 100; the buy-in rule only reaches shorts (not USD). XYZ −50%:
        // equity 100 + 5,000 − 10,000 = −4,900 < 25% × 5,000, so the sell-out sells all 100 at 50 (5,000) and repays
        // 5,000 of the loan. 5,000 of USD is left with no holdings and a wallet of 100, which cannot back it, so it is
        // written off in the same round: bad debt 5,000 (no fund), none left on the account.
        const string text = """
            policy "longs and shorts" currency USD
            let long_value = sum(h in holdings: h.value)
            let debt_value = sum(d in debts: d.value)
            let shorts = sum(d in debts where d.asset != "USD": d.value)
            equity = account.wallet + long_value - debt_value
            maintenance = long_value * 25% + shorts * 30%
            liquidation sell_out {
              when equity < maintenance and long_value > 0
              take h in holdings by h.value desc
              size all
            }
            liquidation buy_in {
              when equity < maintenance and shorts > 0
              take d in debts where d.asset != "USD" by d.value desc
              size all
            }
            """;
        var setup = new CascadeSetup
        {
            Assets = [new AssetSetup("XYZ", 100m, new LinearImpact(0m)), new AssetSetup("USD", 1m, new LinearImpact(0m))],
            Venues = [new VenueSetup("broker", MarginPolicy.Compile(text, "longs-and-shorts.margin"), [TestData.Account("a", 100m, holdings: [new Holding("XYZ", 100m)], debts: [new Debt("USD", 10_000m)])])],
            Shock = new ShockPath(new Shock(new Dictionary<string, decimal> { ["XYZ"] = -0.50m })),
        };

        var result = CascadeEngine.Run(setup);
        var reference = new RecordCascadeRun(setup, new CascadeOptions { MaxDegreeOfParallelism = 1 }).Run(null, default);

        result.Summary.BadDebt.ShouldBe(5_000m);
        result.FinalAccounts["broker"].Single().Debts.ShouldBeEmpty();
        CascadeTestKit.Fingerprint(result).ShouldBe(CascadeTestKit.Fingerprint(reference));
    }
}
