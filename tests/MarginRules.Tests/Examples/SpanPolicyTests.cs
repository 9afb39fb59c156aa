using MarginRules.Accounts;
using MarginRules.Language.Formatting;
using MarginRules.Language.Parsing;

namespace MarginRules.Tests.Examples;

/// <summary>
/// The CME SPAN-style policy (examples/policies/cme-span.margin): the compiled program agrees with the reference
/// evaluator, and the policy survives formatting. Its published and derived numbers are in cme-span.tests.json.
/// </summary>
public sealed class SpanPolicyTests
{
    private const string File = "cme-span.margin";
    private static readonly string Text = TestData.ExamplePolicy(File);
    private static readonly MarginPolicy Compiled = MarginPolicy.Compile(Text, File);
    private static readonly MarginPolicy Reference = MarginPolicy.Compile(Text, File, new CompileOptions { UseReferenceEvaluator = true });

    // USD per contract, as in cme-span.tests.json: S&P at index 394 (× $500), the call at 9.60 points, the put at 0.40.
    private static readonly Market Market = TestData.Market(
        ("SPZ", 197_000m), ("SPH", 198_000m), ("SPZ C410", 4_800m), ("SPZ P380", 200m), ("CLZ", 75_000m));

    public static TheoryData<string> Portfolios => ["call", "covered", "strangle", "calendar", "everything"];

    private static Account Portfolio(string name) => name switch
    {
        "call" => TestData.Account(name, 10_000m, [new Position("SPZ C410", 1m, 0m)]),
        "covered" => TestData.Account(name, 12_000m, [new Position("SPZ", 1m, 205_000m), new Position("SPZ C410", -1m, 0m)]),
        "strangle" => TestData.Account(name, 20_000m, [new Position("SPZ C410", -1m, 0m), new Position("SPZ P380", -2m, 0m)]),
        "calendar" => TestData.Account(name, 2_000m, [new Position("SPZ", 2m, 205_000m), new Position("SPH", -1m, 206_000m)]),
        _ => TestData.Account(name, 50_000m,
        [
            new Position("SPZ", 3m, 205_000m), new Position("SPH", -2m, 206_000m), new Position("SPZ C410", -2m, 0m),
            new Position("SPZ P380", 5m, 0m), new Position("CLZ", -1m, 74_000m),
        ]),
    };

    [Theory]
    [MemberData(nameof(Portfolios))]
    public void The_compiled_policy_agrees_with_the_reference_evaluator(string name)
    {
        var compiled = Compiled.Evaluate(Portfolio(name), Market);
        var reference = Reference.Evaluate(Portfolio(name), Market);

        compiled.Status.ShouldBe(reference.Status);
        compiled.Equity.ShouldBe(reference.Equity);
        compiled.Maintenance.ShouldBe(reference.Maintenance);
        compiled.Initial.ShouldBe(reference.Initial);
        compiled.Exports.ShouldBe(reference.Exports);
    }

    [Fact]
    public void A_mixed_book_adds_the_commodities_requirements()
    {
        // Independent calculation for "everything": S&P long 3 Dec, short 2 Mar, short 2 calls, long 5 puts; crude short 1.
        // S&P scenario 13 (down 3/3, vol up): futures (3 − 2) × −10,000 = −10,000; calls −2 × −3,380 = +6,760;
        // puts 5 × 60 = +300; total −2,940. Scenario 14: −10,000 + 7,980 + 225 = −1,795. Scenario 11 (up 3/3, vol up):
        // +10,000 − 16,120 − 25 = −6,145. Scenario 12: +10,000 − 15,280 − 50 = −5,330. Scenario 15 (up extreme):
        // +7,000 − 6,260 − 50 = +690. Scenario 7: +6,666.67 − 10,420 + 0 = −3,753.33. The largest loss is 6,145.
        // Spreads: Dec tier delta 3 − 2 × 0.55 + 5 × (−0.04) = 1.7, Mar −2: min(1.7, 2) = 1.7 spreads × 1,500 = 2,550.
        // Short option minimum: max(2 calls, 0 puts) × 250 = 500. S&P: max(6,145 + 2,550, 500) = 8,695.
        // Crude short 1: up 3/3 loses 6,000. Maintenance = 8,695 + 6,000 = 14,695.
        var a = Compiled.Evaluate(Portfolio("everything"), Market);

        a.Exports["scan_risk"].ShouldBe(12_145m);
        a.Exports["spread_charge"].ShouldBe(2_550m);
        a.Exports["short_option_minimum"].ShouldBe(500m);
        a.Maintenance.ShouldBe(14_695m);
        // Net option value = −2 × 4,800 + 5 × 200 = −8,600.
        a.Exports["net_option_value"].ShouldBe(-8_600m);
    }

    [Fact]
    public void The_policy_formats_to_a_fixpoint_that_parses_to_the_same_tree()
    {
        var original = SyntaxTree.Parse(Text, File);
        original.Diagnostics.ShouldBeEmpty();

        var formatted = PolicyFormatter.Format(original);
        var reparsed = SyntaxTree.Parse(formatted, File);

        reparsed.Root.ToString().ShouldBe(original.Root.ToString());
        reparsed.Comments.Select(c => c.Text).ShouldBe(original.Comments.Select(c => c.Text));
        PolicyFormatter.Format(reparsed).ShouldBe(formatted);
    }
}
