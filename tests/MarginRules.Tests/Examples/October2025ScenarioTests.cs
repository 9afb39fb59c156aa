using System.Text.Json;

namespace MarginRules.Tests.Examples;

/// <summary>
/// The October-2025 scenario (docs/policies.md#october-2025): a −14% BTC path against highly leveraged Binance and
/// Hyperliquid populations empties Binance's insurance fund in the first round (Hyperliquid has none), and
/// auto-deleveraging covers the rest of the bad debt.
/// </summary>
public sealed class October2025ScenarioTests
{
    [Fact]
    public void The_insurance_fund_runs_dry_in_the_first_round_and_adl_covers_the_rest()
    {
        var (code, output, error) = PerpetualPolicyRun.Run("simulate", TestData.ExamplePath("venues", "october-2025-binance.json"),
            TestData.ExamplePath("venues", "october-2025-hyperliquid.json"),
            "--market", TestData.ExamplePath("markets", "october-2025.json"),
            "--shock", TestData.ExamplePath("scenarios", "october-2025.json") + "#october-2025", "--json");

        error.ShouldBeEmpty();
        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        var summary = doc.RootElement.GetProperty("summary");
        var first = doc.RootElement.GetProperty("rounds")[0];

        // The path −4%, −6%, −4.7% compounds to 0.96 × 0.94 × 0.953 − 1 = −0.1400128.
        summary.GetProperty("initialShock").GetProperty("BTC").GetDecimal().ShouldBe(-0.1400128m);

        // Round 1: the bad debt is more than the fund's 250,000 plus the clearance fees it took in that round, so the
        // fund ends the round at 0 and the rest is auto-deleveraged.
        first.GetProperty("badDebt").GetDecimal().ShouldBeGreaterThan(250_000m);
        first.GetProperty("insuranceFunds").GetProperty("binance").GetDecimal().ShouldBe(0m);
        first.GetProperty("insuranceFunds").GetProperty("hyperliquid").GetDecimal().ShouldBe(0m);
        first.GetProperty("adlEvents").GetInt32().ShouldBeGreaterThan(0);

        // ADL is enough: nothing is socialised, and every unit of bad debt is covered by the fund or ADL.
        summary.GetProperty("socializedLoss").GetDecimal().ShouldBe(0m);
        summary.GetProperty("stopReason").GetString().ShouldBe("fixpoint");
    }
}
