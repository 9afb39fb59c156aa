using System.Globalization;
using System.Text.RegularExpressions;
using MarginRules.Language.Binding;

namespace MarginRules.Tests.Checking;

/// <summary>
/// Checker behaviour that is wrong today: each test states the correct behaviour and fails until the checker is
/// fixed. The comment on each test names what the checker does instead.
/// </summary>
public sealed class CheckerDefectTests
{
    private const string Header = "policy \"p\" currency USD\n";

    [Fact]
    public void A_let_whose_value_misses_its_declared_type_reports_nothing_at_its_uses()
    {
        // Today the let keeps the value's type (ratio), so every use reports a second error: 3:23 MR0203.
        var text = Header +
            "let buffer: money = 5%\n" +
            "export total = buffer + 1 USD\n" +
            "equity = account.wallet\nmaintenance = 0\n";

        // "let buffer: money = " is 20 characters.
        CheckLines.Check(text).ShouldBe(new[] { "2:21: MR0201: expected money, found ratio" });
    }

    [Fact]
    public void Equity_that_is_not_money_reports_nothing_at_its_uses()
    {
        // Today equity keeps the type ratio, so the margin call adds 5:15 MR0202 and 6:22 MR0204.
        var text = Header +
            "equity = 5%\n" +
            "maintenance = account.wallet\n" +
            "margin_call {\n  when equity < maintenance\n  amount maintenance - equity\n}\n";

        // "equity = " is 9 characters.
        CheckLines.Check(text).ShouldBe(new[] { "2:10: MR0201: expected money, found ratio" });
    }

    [Fact]
    public void A_restore_size_with_an_error_reports_only_that_error()
    {
        // Today the target is checked against the error type: 5:28 MR0201 "expected error, found ratio".
        var text = Header +
            "liquidation sell_out {\n  when equity < maintenance\n  take h in holdings\n  size restore headroom to 5%\n}\n" +
            "equity = account.wallet\nmaintenance = 0\n";

        // "  size restore " is 15 characters.
        CheckLines.Check(text).ShouldBe(new[] { "5:16: MR0101: unknown name `headroom`" });
    }

    [Fact]
    public void A_parameter_default_may_use_a_parameter_declared_after_it()
    {
        // Lets and functions may be declared in any order; today a parameter default that reads a later
        // parameter is reported as 2:24 MR0208 "the default of parameter `doubled` must be a constant".
        var text = Header +
            "param doubled: ratio = base_rate * 2\n" +
            "param base_rate: ratio = 5%\n" +
            "equity = account.wallet\nmaintenance = account.wallet * doubled\n";

        var result = PolicyChecker.Check(text, "case.margin");

        CheckLines.Of(result).ShouldBeEmpty();
        result.Policy!.Parameters.Single(p => p.Name == "doubled").Value.ShouldBe(0.10m); // 5% × 2
    }

    [Fact]
    public void A_parameter_default_that_reads_itself_is_recursion()
    {
        // Today: 2:21 MR0208 "the default of parameter `rate` must be a constant", which hides the cause.
        var text = Header + "param rate: ratio = rate\nequity = account.wallet\nmaintenance = account.wallet * rate\n";

        // "param rate: ratio = " is 20 characters; lets report the cycle at the reference the same way.
        CheckLines.Check(text).ShouldBe(new[] { "2:21: MR0105: `rate` depends on itself (rate → rate); recursion is not allowed" });
    }

    [Fact]
    public void A_parameter_default_derived_from_an_overridden_parameter_uses_the_override()
    {
        // Today `doubled` is folded from the default of `base_rate` before overrides apply, so it stays 10%
        // while `base_rate` is 10%: the policy is compiled with inconsistent parameters.
        var text = Header +
            "param base_rate: ratio = 5%\n" +
            "param doubled: ratio = base_rate * 2\n" +
            "equity = account.wallet\nmaintenance = account.wallet * doubled * base_rate\n";

        var result = PolicyChecker.Check(text, "case.margin", new Dictionary<string, object> { ["base_rate"] = "10%" });

        CheckLines.Of(result).ShouldBeEmpty();
        result.Policy!.Parameters.Single(p => p.Name == "doubled").Value.ShouldBe(0.20m); // 10% × 2
    }

    [Fact]
    public void A_let_declared_as_count_must_be_whole()
    {
        // MR0214 is reported for a count parameter's default but not for a count let: today there is no diagnostic.
        var text = Header + "let batch: count = 2.5\nequity = account.wallet * batch\nmaintenance = 0\n";

        // "let batch: count = " is 19 characters.
        CheckLines.Check(text).ShouldBe(new[] { "2:20: MR0214: a count must be a whole number, found 2.5" });
    }

    [Fact]
    public void A_function_parameter_that_hides_a_declaration_is_reported_like_an_aggregate_variable()
    {
        // `sum(rate in positions: …)` is MR0112 when a parameter `rate` exists; `fn charge(rate: money)` silently
        // hides it today, so `rate` in the body is the money argument, not the ratio parameter.
        var text = Header +
            "param rate: ratio = 5%\n" +
            "fn charge(rate: money): money = rate\n" +
            "equity = account.wallet\nmaintenance = account.wallet * rate + charge(1 USD)\n";

        // "fn charge(" is 10 characters.
        CheckLines.Check(text).ShouldBe(new[] { "3:11: MR0112: variable `rate` hides a declaration with the same name" });
    }

    [Fact]
    public void A_division_in_the_else_branch_of_a_negated_guard_is_not_reported()
    {
        // `if not (debt > 0) then … else x / debt` divides only when debt > 0; today 3:64 MR0408 is reported
        // because the guard analysis does not look through `not`.
        var text = Header +
            "export debt = sum(d in debts: d.value)\n" +
            "export share = if not (debt > 0) then 0% else account.wallet / debt\n" +
            "equity = account.wallet\nmaintenance = 0\n";

        CheckLines.Check(text).ShouldBeEmpty();
    }

    [Fact]
    public void Maintenance_above_initial_shows_a_true_inequality_for_divisors()
    {
        // Maintenance notional / 10 (10%) is above initial notional / 20 (5%), so the lint is right to fire, but
        // today the message reads "(10 > 20)": it shows the divisors, whose order is the reverse.
        var text = Header +
            "param leverage: ratio = 20\n" +
            "let notional = sum(p in positions: p.notional)\n" +
            "equity = account.wallet\n" +
            "initial = notional / leverage\n" +
            "maintenance = notional / 10\n";

        var diagnostic = PolicyChecker.Check(text, "case.margin").Diagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("MR0405");
        (diagnostic.Start.Line, diagnostic.Start.Column).ShouldBe((6, 1));
        var shown = Regex.Match(diagnostic.Message, @"\((?<m>-?[0-9.]+)%? > (?<i>-?[0-9.]+)%?\)$");
        shown.Success.ShouldBeTrue(diagnostic.Message);
        decimal.Parse(shown.Groups["m"].Value, CultureInfo.InvariantCulture)
            .ShouldBeGreaterThan(decimal.Parse(shown.Groups["i"].Value, CultureInfo.InvariantCulture), diagnostic.Message);
    }

    [Fact]
    public void Brackets_out_of_order_do_not_cause_false_coverage_warnings()
    {
        // 0 ..< 100 and 100 ..< 200 cover every value from 0 up to 200. Today the checker reports the order and
        // then takes the rows in written order for coverage: 4:3 MR0304 "does not cover values below 100" and
        // 5:3 MR0304 "does not cover values at or above 100", both false.
        var text = Header +
            "table b by notional: money {\n  columns rate: ratio\n  100 ..< 200: 1%\n  0 ..< 100: 2%\n}\n" +
            "equity = account.wallet\nmaintenance = account.wallet * b[account.wallet].rate\n";

        var lines = CheckLines.Check(text);

        lines.ShouldContain("5:3: MR0303: brackets of `b` must be in ascending order: 0 comes after 100");
        lines.ShouldNotContain(l => l.Contains("values below 100", StringComparison.Ordinal));
        lines.ShouldNotContain(l => l.Contains("values at or above 100", StringComparison.Ordinal));
    }

    [Fact]
    public void A_count_parameter_named_like_a_haircut_is_not_a_haircut()
    {
        // The haircut lint checks every dimensionless parameter whose name contains "haircut"; today a count of
        // 3 is reported as 2:7 MR0407 "haircut 300% is outside [0%, 100%]".
        var text = Header + "param haircut_rounds: count = 3\nequity = account.wallet\nmaintenance = account.wallet * haircut_rounds\n";

        CheckLines.Check(text).ShouldBeEmpty();
    }

    [Fact]
    public void An_unknown_name_before_an_index_suggests_the_table()
    {
        // Suggestions for unknown names cover parameters, lets and variables but not tables: today there is no help.
        var text = Header +
            "table reserves by asset {\n  columns ltv: ratio\n  WETH: 80%\n}\n" +
            "export weth_ltv = reservs[\"WETH\"].ltv\n" +
            "equity = account.wallet\nmaintenance = account.wallet * reserves[\"WETH\"].ltv\n";

        // "export weth_ltv = " is 18 characters.
        CheckLines.Check(text).ShouldBe(new[]
        {
            "6:19: MR0101: unknown name `reservs`",
            "  = help: did you mean `reserves`?",
        });
    }

    [Fact]
    public void A_null_override_is_shown_as_null()
    {
        // Binder.ApplyOverrides falls back to "null", but Convert.ToString(null) is "", so today the message
        // reads "the override `` is not".
        var text = Header + "param rate: ratio = 5%\nequity = account.wallet\nmaintenance = account.wallet * rate\n";

        CheckLines.Check(text, new Dictionary<string, object> { ["rate"] = null! })
            .ShouldBe(new[] { "2:7: MR0213: parameter `rate` is ratio; the override `null` is not" });
    }
}
