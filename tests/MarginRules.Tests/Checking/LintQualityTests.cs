using MarginRules.Language.Binding;

namespace MarginRules.Tests.Checking;

/// <summary>
/// The lints (MR04xx) must stay quiet on reasonable policies and speak up on the mistakes they exist for;
/// every expected line is the complete list of diagnostics, so a stray lint fails the test too.
/// </summary>
public sealed class LintQualityTests
{
    private const string Header = "policy \"p\" currency USD\n";
    private const string Requirements = "equity = account.wallet\nmaintenance = 0\n";

    [Theory]
    [InlineData("aave-v3.margin")]
    [InlineData("binance-btcusdt.margin")]
    [InlineData("compound-v3.margin")]
    [InlineData("regt-finra-4210.margin")]
    public void Example_policies_have_no_diagnostics_at_all(string file)
    {
        var result = PolicyChecker.Check(TestData.ExamplePolicy(file), file);

        CheckLines.Of(result).ShouldBeEmpty();
        result.Policy.ShouldNotBeNull();
    }

    // ---- MR0404 ----

    [Theory]
    [InlineData("hf < 2", "hf < 1", true)]
    [InlineData("hf < 1", "hf < 2", false)]
    [InlineData("hf <= 1", "hf < 1 and account.wallet > 0", true)]
    [InlineData("hf < 1 and account.wallet > 0", "hf <= 1", false)]
    [InlineData("hf < 1", "1 > hf", true)]
    [InlineData("hf < 1", "hf <= 1", false)]
    [InlineData("equity < maintenance", "equity < maintenance and hf < 1", true)]
    [InlineData("equity < maintenance and hf < 1", "equity < maintenance", false)]
    [InlineData("equity < maintenance or call_expired", "equity < maintenance", false)]
    public void A_rule_is_shadowed_only_when_its_trigger_implies_an_earlier_one(string earlier, string later, bool shadowed)
    {
        var text = Header +
            "export hf = account.wallet / max(sum(d in debts: d.value), 1 USD)\n" +
            "liquidation first {\n  when " + earlier + "\n  take p in positions\n  size all\n}\n" +
            "liquidation second {\n  when " + later + "\n  take p in positions\n  size all\n}\n" +
            Requirements;

        // The later trigger is on line 9, after "  when " (7 characters).
        CheckLines.Check(text).ShouldBe(shadowed
            ? new[] { "9:8: MR0404: liquidation `second` can never apply: whenever its trigger holds, the earlier `first` applies" }
            : Array.Empty<string>());
    }

    // ---- MR0403 ----

    [Theory]
    [InlineData("hf < 1 and hf > 2", true)]
    [InlineData("hf < 1 and hf >= 1", true)]
    [InlineData("hf > 1 and 1 > hf", true)]
    [InlineData("hf == 1 and hf == 2", true)]
    [InlineData("hf < 1 and false", true)]
    [InlineData("false", true)]
    [InlineData("1 > 2", true)]
    [InlineData("not true", true)]
    [InlineData("hf <= 1 and hf >= 1", false)]
    [InlineData("hf < 2 and hf > 1", false)]
    [InlineData("hf < 1 or hf > 2", false)]
    [InlineData("hf != 1 and hf == 2", false)]
    [InlineData("hf < 1 and true", false)]
    public void A_trigger_is_never_true_for_contradictory_intervals_and_constant_false(string trigger, bool neverTrue)
    {
        var text = Header +
            "export hf = account.wallet / max(sum(d in debts: d.value), 1 USD)\n" +
            "liquidation rule {\n  when " + trigger + "\n  take p in positions\n  size all\n}\n" +
            Requirements;

        // The trigger is on line 4, after "  when " (7 characters).
        CheckLines.Check(text).ShouldBe(neverTrue
            ? new[] { "4:8: MR0403: the trigger of `rule` can never be true" }
            : Array.Empty<string>());
    }

    [Fact]
    public void A_margin_call_that_can_never_trigger_is_reported_too()
    {
        var text = Header + "margin_call {\n  when account.wallet < 0 and account.wallet > 0\n  amount maintenance - equity\n}\n" + Requirements;

        CheckLines.Check(text).ShouldBe(new[] { "3:8: MR0403: the trigger of `margin_call` can never be true" });
    }

    // ---- MR0405 ----

    [Theory]
    [InlineData("50%", "60%", "", "(0.6 > 0.5)")]
    [InlineData("50%", "50.01%", "", "(0.5001 > 0.5)")]
    [InlineData("50%", "60%", " + 100 USD", "(0.6 > 0.5)")]
    [InlineData("50%", "50%", "", null)]
    [InlineData("50%", "25%", "", null)]
    [InlineData("50%", "25%", " + 100 USD", null)]
    public void Maintenance_above_initial_is_reported_only_for_the_same_shape_with_a_higher_rate(string initialRate, string maintenanceRate, string tail, string? shown)
    {
        var text = Header +
            "param initial_rate: ratio = " + initialRate + "\n" +
            "param maintenance_rate: ratio = " + maintenanceRate + "\n" +
            "let long_value = sum(h in holdings: h.value)\n" +
            "equity = account.wallet + long_value\n" +
            "initial = long_value * initial_rate" + tail + "\n" +
            "maintenance = long_value * maintenance_rate" + tail + "\n";

        // The maintenance declaration starts line 7.
        CheckLines.Check(text).ShouldBe(shown == null
            ? Array.Empty<string>()
            : new[] { "7:1: MR0405: the maintenance requirement is above the initial requirement " + shown });
    }

    [Theory]
    [InlineData("long_value * 60% - 100 USD", "long_value * 50%")]
    [InlineData("long_value * 60%", "long_value * 50% + 100 USD")]
    [InlineData("long_value * 60%", "max(long_value * 50%, 100 USD)")]
    [InlineData("sum(h in holdings where h.value > 0: h.value * 60%)", "long_value * 50%")]
    public void Requirements_of_different_shapes_are_not_compared(string maintenance, string initial)
    {
        var text = Header +
            "let long_value = sum(h in holdings: h.value)\n" +
            "equity = account.wallet + long_value\n" +
            "initial = " + initial + "\n" +
            "maintenance = " + maintenance + "\n";

        CheckLines.Check(text).ShouldBeEmpty();
    }

    // ---- MR0408 ----

    [Theory]
    [InlineData("if debt > 0 then account.wallet / debt else 0%")]
    [InlineData("if debt != 0 then account.wallet / debt else 0%")]
    [InlineData("if debt == 0 then 0% else account.wallet / debt")]
    [InlineData("if debt <= 0 then 0% else account.wallet / debt")]
    [InlineData("if 0 < debt then account.wallet / debt else 0%")]
    [InlineData("if debt >= 1 USD then account.wallet / debt else 0%")]
    [InlineData("account.wallet / max(debt, 1 USD)")]
    [InlineData("account.wallet / max(1 USD, debt)")]
    [InlineData("account.wallet / clamp(debt, 1 USD, 1_000 USD)")]
    [InlineData("sum(h in holdings where h.price > 0: h.value / h.price)")]
    [InlineData("count(h in holdings where h.price > 0: h.value / h.price > 0)")]
    [InlineData("debt != 0 and account.wallet / debt > 1")]
    [InlineData("debt > 0 and account.wallet > 0 and account.wallet / debt > 1")]
    [InlineData("debt == 0 or account.wallet / debt > 1")]
    [InlineData("if debt > 0 and account.wallet > 0 then account.wallet / debt else 0%")]
    [InlineData("account.wallet / 2")]
    [InlineData("account.wallet / 1 USD")]
    public void A_guarded_division_is_not_reported(string expression)
    {
        CheckLines.Check(Header + "export debt = sum(d in debts: d.value)\nexport share = " + expression + "\n" + Requirements).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("account.wallet / debt", 33, "debt")]
    [InlineData("if debt >= 0 then account.wallet / debt else 0%", 51, "debt")]
    [InlineData("if debt > 0 then 0% else account.wallet / debt", 58, "debt")]
    [InlineData("if debt > 0 or account.wallet > 0 then account.wallet / debt else 0%", 72, "debt")]
    [InlineData("debt != 0 or account.wallet / debt > 1", 46, "debt")]
    [InlineData("debt == 0 and account.wallet / debt > 1", 47, "debt")]
    [InlineData("account.wallet / max(debt, 0)", 33, "max(debt, 0)")]
    [InlineData("account.wallet / max(debt, -1 USD)", 33, "max(debt, -1 USD)")]
    [InlineData("sum(h in holdings: h.value / h.price)", 45, "h.price")]
    [InlineData("sum(h in holdings where h.value > 0: h.value / h.price)", 63, "h.price")]
    [InlineData("account.wallet / sum(d in debts: d.value)", 33, "sum(d in debts: d.value)")]
    public void An_unguarded_division_is_reported_at_its_divisor(string expression, int column, string divisor)
    {
        // "export share = " is 15 characters; each column is 16 plus the length of the text before the divisor:
        // "account.wallet / " is 17, "if debt >= 0 then " 18, "if debt > 0 then 0% else " 25,
        // "if debt > 0 or account.wallet > 0 then " 39, "debt != 0 or " 13, "debt == 0 and " 14,
        // "sum(h in holdings: h.value / " 29 and "sum(h in holdings where h.value > 0: h.value / " 47.
        var lines = CheckLines.Check(Header + "export debt = sum(d in debts: d.value)\nexport share = " + expression + "\n" + Requirements);

        lines.ShouldBe(new[]
        {
            $"3:{column}: MR0408: `{divisor}` can be zero; guard the division with `if {divisor} > 0 then … else …` or `max({divisor}, …)`",
        });
    }

    [Fact]
    public void Divisions_in_functions_and_rules_are_checked_too()
    {
        var text = Header +
            "fn share(part: money, whole: money): ratio = part / whole\n" +
            "liquidation l {\n  when equity < maintenance\n  take p in positions by p.upnl / p.notional desc\n  size all\n}\n" +
            "adl rank p: p.upnl / p.notional\n" +
            "equity = account.wallet\nmaintenance = account.wallet * share(account.wallet, 1 USD)\n";

        // "fn share(part: money, whole: money): ratio = part / " is 52, "  take p in positions by p.upnl / " 34
        // and "adl rank p: p.upnl / " 21 characters.
        CheckLines.Check(text).ShouldBe(new[]
        {
            "2:53: MR0408: `whole` can be zero; guard the division with `if whole > 0 then … else …` or `max(whole, …)`",
            "5:35: MR0408: `p.notional` can be zero; guard the division with `if p.notional > 0 then … else …` or `max(p.notional, …)`",
            "8:22: MR0408: `p.notional` can be zero; guard the division with `if p.notional > 0 then … else …` or `max(p.notional, …)`",
        });
    }
}
