using CsCheck;
using MarginRules.Accounts;
using MarginRules.Compilation;
using MarginRules.Compilation.Splitting;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;

namespace MarginRules.Tests.Compilation;

/// <summary>
/// Run compiled in parts (large policies): where the named values are cut, and that the parts compute what the
/// reference evaluator computes, failures included. Small budgets force parts on small policies.
/// </summary>
public sealed class RunPartsTests
{
    private const int Policies = 150;
    private const int AccountsPerPolicy = 4;

    [Fact]
    public void Named_values_are_cut_where_the_budget_of_leaves_is_exceeded()
    {
        var policy = Check("""
            policy "parts" currency USD
            equity = account.wallet
            maintenance = 0 USD
            let a = 1 USD
            let b = a + a
            let c = b + b + b
            let d = c

            """);
        var values = new[] { "a", "b", "c", "d" }.Select(name => policy.Lets.Single(l => l.Name == name).Value).ToList();

        // Leaves: a 1, b 2, c 3, d 1. With 3: a + b = 3 fits; c would make 6, so starts a part; d would make 4, so starts one.
        RunSplit.Split(values, 3).ShouldBe([(0, 2), (2, 3), (3, 4)]);
        // With 6: a + b + c = 6 fits; d would make 7.
        RunSplit.Split(values, 6).ShouldBe([(0, 3), (3, 4)]);
        // A value larger than the budget still gets a part, of its own.
        RunSplit.Split(values, 1).ShouldBe([(0, 1), (1, 2), (2, 3), (3, 4)]);
        RunSplit.Split(values).ShouldBe([(0, 4)]);
    }

    [Fact]
    public void Compiled_parts_agree_with_the_reference_on_random_policies_and_accounts()
    {
        long evaluations = 0, completed = 0, split = 0;
        Gen.Select(PolicyGenerator.Policy, AccountGenerator.Market, AccountGenerator.Account.Array[AccountsPerPolicy])
            .Sample((text, market, accounts) =>
            {
                var policy = ExamplePolicies.Check(text, "generated.margin");
                var layout = new FrameLayout(policy);
                var reference = new ReferenceProgram(policy, layout);

                // Three leaves a part cuts nearly every named value into a part of its own.
                var compiled = new LinqProgram(policy, layout, partLeaves: 3);
                var passes = new RewritePasses(policy);
                if (RunSplit.Split(policy.Lets.Select(passes.Value).ToList(), 3).Count > 1) Interlocked.Increment(ref split);
                foreach (var account in accounts)
                {
                    var differences = ProgramComparison.Compare(reference, compiled, account, market, out var ran);
                    if (differences.Count > 0) throw new ShouldAssertException(string.Join("\n", differences));
                    Interlocked.Increment(ref evaluations);
                    if (ran) Interlocked.Increment(ref completed);
                }
            }, iter: Policies);

        // Guards against a generator whose policies fit one part, or whose accounts all fail, which would agree trivially.
        evaluations.ShouldBe((long)Policies * AccountsPerPolicy);
        split.ShouldBeGreaterThan(Policies / 2);
        completed.ShouldBeGreaterThan(evaluations / 3);
    }

    [Fact]
    public void A_failing_loop_in_a_later_part_fails_where_the_reference_fails()
    {
        // The fusion tests' failing loop, after a value large enough to take a part: fused, BTC's second member divides by
        // zero (62,000 × 2 − 124,000) before DOGE's missing price is read by the first; the reference computes the first
        // sum over every position before the second, so DOGE fails first, and the later part must not run on.
        var policy = Check("""
            policy "parts" currency USD
            equity = account.wallet
            maintenance = 0 USD
            let pre = account.wallet * 1 + 2 USD + 3 USD + 4 USD + 5 USD + 6 USD
            let a = sum(p in positions: p.upnl)
            let value = sum(p in positions: p.notional / (p.mark_price * p.size - 124_000 USD))

            """);
        var layout = new FrameLayout(policy);
        var passes = new RewritePasses(policy);
        var values = policy.Lets.Select(passes.Value).ToList();
        int Index(string name) => policy.Lets.Select((l, i) => (l, i)).Single(x => x.l.Name == name).i;
        var parts = RunSplit.Split(values, 5);
        var part = parts.Single(p => p.Start <= Index("a") && Index("a") < p.End);
        (part.Start > 0 && Index("value") < part.End).ShouldBeTrue("a and value share a part that is not the first");

        var reference = new ReferenceProgram(policy, layout);
        var compiled = new LinqProgram(policy, layout, partLeaves: 5);
        var account = new Account("fixed", 100.50m,
            [new Position("BTC", 2m, 60_000m), new Position("ETH", -10m, 3_000m), new Position("DOGE", 1m, 0.1m)], [], [], []);
        var market = new Market(new Dictionary<string, AssetQuote> { ["BTC"] = new(62_000m, 0.8m), ["ETH"] = new(3_100.5m, 0.9m) });
        ProgramComparison.Compare(reference, compiled, account, market, out var completed).ShouldBeEmpty();
        completed.ShouldBeFalse();
        Should.Throw<KeyNotFoundException>(() => compiled.Run(account, market, compiled.CreateFrame()));
    }

    private static BoundPolicy Check(string text) => ExamplePolicies.Check(text, "parts.margin");
}
