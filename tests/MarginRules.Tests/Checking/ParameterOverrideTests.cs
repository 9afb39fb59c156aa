using MarginRules.Language.Binding;

namespace MarginRules.Tests.Checking;

/// <summary>MR0111 and MR0213: parameter overrides that name no parameter or do not fit its type.</summary>
public sealed class ParameterOverrideTests
{
    // Lines 2-6 declare one parameter of each kind; "param " is 6 characters, so every name starts in column 7.
    private const string Policy =
        "policy \"p\" currency USD\n" +
        "param rate: ratio = 5%\n" +
        "param cap: money = 100 USD\n" +
        "param rounds: count = 2\n" +
        "param strict: bool = true\n" +
        "param label: text = \"x\"\n" +
        "equity = account.wallet\n" +
        "maintenance = account.wallet * rate * rounds + cap\n" +
        "export flagged = strict and label == \"x\"\n";

    [Fact]
    [CoversDiagnostic("MR0111")]
    public void Unknown_parameter_close_to_a_declared_one_gets_a_did_you_mean_help()
    {
        var lines = CheckLines.Check(Policy, Overrides(("rat", "10%")));

        // An override has no place in the text, so it is reported at the start: line 1, column 1.
        lines.ShouldBe(new[]
        {
            "1:1: MR0111: the policy has no parameter `rat` to override",
            "  = help: did you mean `rate`?",
        });
    }

    [Fact]
    [CoversDiagnostic("MR0111")]
    public void Unknown_parameter_far_from_every_declared_one_has_no_help()
    {
        var lines = CheckLines.Check(Policy, Overrides(("leverage", 20m)));

        lines.ShouldBe(new[] { "1:1: MR0111: the policy has no parameter `leverage` to override" });
    }

    [Theory]
    [CoversDiagnostic("MR0213")]
    [InlineData("rate", "abc", "2:7: MR0213: parameter `rate` is ratio; the override `abc` is not")]
    [InlineData("rate", "5 USD", "2:7: MR0213: parameter `rate` is ratio; the override `5 USD` is not")]
    [InlineData("cap", "100 EUR", "3:7: MR0213: parameter `cap` is money; the override `100 EUR` is not")]
    [InlineData("cap", "5%", "3:7: MR0213: parameter `cap` is money; the override `5%` is not")]
    [InlineData("rounds", "2.5", "4:7: MR0213: parameter `rounds` is count; the override `2.5` is not")]
    [InlineData("strict", "yes", "5:7: MR0213: parameter `strict` is bool; the override `yes` is not")]
    public void Override_text_that_does_not_fit_the_parameter_is_reported_at_its_name(string name, string value, string expected)
    {
        CheckLines.Check(Policy, Overrides((name, value))).ShouldBe(new[] { expected });
    }

    [Fact]
    [CoversDiagnostic("MR0213")]
    public void Override_values_of_the_wrong_runtime_type_are_reported()
    {
        // A decimal is not text, a non-whole decimal is not a count, and a double is not one of the
        // accepted override types (decimal, int, bool, string).
        CheckLines.Check(Policy, Overrides(("label", 1m)))
            .ShouldBe(new[] { "6:7: MR0213: parameter `label` is text; the override `1` is not" });
        CheckLines.Check(Policy, Overrides(("rounds", 2.5m)))
            .ShouldBe(new[] { "4:7: MR0213: parameter `rounds` is count; the override `2.5` is not" });
        CheckLines.Check(Policy, Overrides(("rate", 0.5d)))
            .ShouldBe(new[] { "2:7: MR0213: parameter `rate` is ratio; the override `0.5` is not" });
    }

    [Fact]
    public void Every_bad_override_is_reported_not_only_the_first()
    {
        var lines = CheckLines.Check(Policy, Overrides(("rat", "10%"), ("cap", "5%")));

        // Diagnostics are ordered by position: the unknown name at offset 0 comes before `cap` on line 3.
        lines.ShouldBe(new[]
        {
            "1:1: MR0111: the policy has no parameter `rat` to override",
            "  = help: did you mean `rate`?",
            "3:7: MR0213: parameter `cap` is money; the override `5%` is not",
        });
    }

    [Fact]
    public void Valid_overrides_replace_the_defaults()
    {
        var result = PolicyChecker.Check(Policy, "case.margin", Overrides(
            ("rate", "10%"), ("cap", "250 USD"), ("rounds", "3"), ("strict", false), ("label", "y")));

        result.Diagnostics.ShouldBeEmpty();
        var parameters = result.Policy!.Parameters.ToDictionary(p => p.Name);
        parameters["rate"].Value.ShouldBe(0.10m);       // "10%" is 10 / 100
        parameters["cap"].Value.ShouldBe(250m);         // "250 USD" in the policy's currency
        parameters["rounds"].Value.ShouldBe(3m);
        parameters["strict"].Value.ShouldBe(false);
        parameters["label"].Value.ShouldBe("y");
        parameters["rate"].IsOverridden.ShouldBeTrue();
        parameters["rate"].DefaultValue.ShouldBe(0.05m); // the default as written, 5%
    }

    [Fact]
    public void Plain_numbers_override_money_and_ints_override_ratios()
    {
        var result = PolicyChecker.Check(Policy, "case.margin", Overrides(("cap", "5_000"), ("rate", 2)));

        result.Diagnostics.ShouldBeEmpty();
        var parameters = result.Policy!.Parameters.ToDictionary(p => p.Name);
        parameters["cap"].Value.ShouldBe(5000m);
        parameters["rate"].Value.ShouldBe(2m);
    }

    private static Dictionary<string, object> Overrides(params (string Name, object Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value);
}
