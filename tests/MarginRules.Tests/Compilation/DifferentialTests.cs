using System.Text;
using CsCheck;
using MarginRules.Accounts;
using MarginRules.Compilation;
using MarginRules.Evaluation;
using Xunit.Abstractions;

namespace MarginRules.Tests.Compilation;

/// <summary>Compiled equals interpreted: random well-typed policies, random accounts, every value compared digit for digit.</summary>
public sealed class DifferentialTests(ITestOutputHelper output)
{
    private const int Policies = 400;
    private const int AccountsPerPolicy = 4;

    [Fact]
    public void Compiled_program_agrees_with_the_reference_on_random_policies_and_accounts()
    {
        long evaluations = 0, completed = 0, called = 0, liquidated = 0, ranked = 0, tableRows = 0;
        Gen.Select(PolicyGenerator.Policy, AccountGenerator.Market, AccountGenerator.Account.Array[AccountsPerPolicy])
            .Sample((text, market, accounts) =>
            {
                var policy = ExamplePolicies.Check(text, "generated.margin");
                if (TableRowAggregate.IsMatch(text)) Interlocked.Increment(ref tableRows);
                var layout = new FrameLayout(policy);
                var reference = new ReferenceProgram(policy, layout);
                var compiled = new LinqProgram(policy, layout);
                foreach (var account in accounts)
                {
                    var differences = ProgramComparison.Compare(reference, compiled, account, market, out var ran);
                    if (differences.Count > 0) throw new ShouldAssertException(string.Join("\n", differences));
                    Interlocked.Increment(ref evaluations);
                    if (!ran) continue;
                    Interlocked.Increment(ref completed);
                    var frame = compiled.CreateFrame();
                    compiled.Run(account, market, frame);
                    if (frame.CallTriggered) Interlocked.Increment(ref called);
                    if (frame.RuleIndex >= 0) Interlocked.Increment(ref liquidated);
                    if (policy.Adl != null && account.Positions.Length > 0) Interlocked.Increment(ref ranked);
                }
            }, iter: Policies, print: Describe);

        output.WriteLine($"{Policies} policies × {AccountsPerPolicy} accounts: {evaluations} evaluations, {completed} ran to the end " +
            $"({called} margin calls, {liquidated} liquidations, {ranked} with ADL ranks; {tableRows} policies over table rows), {evaluations - completed} failed in both programs");

        // Guards against a generator that only produces failing accounts, which would agree trivially.
        evaluations.ShouldBe((long)Policies * AccountsPerPolicy);
        completed.ShouldBeGreaterThan(evaluations / 3);
        called.ShouldBeGreaterThan(0);
        liquidated.ShouldBeGreaterThan(0);
        ranked.ShouldBeGreaterThan(0);
        tableRows.ShouldBeGreaterThan(0, "some policies aggregate over a table's rows");
    }

    // The generator names aggregate variables x0, x1, … and tables t0, t1, ….
    private static readonly System.Text.RegularExpressions.Regex TableRowAggregate = new(@"\(x\d+ in t\d+[ :)]");

    private static string Describe((string Policy, Market Market, Account[] Accounts) sample)
    {
        var text = new StringBuilder(sample.Policy);
        text.AppendLine("market: " + string.Join(", ", sample.Market.Quotes.Select(q => $"{q.Key}={q.Value.Price}/{q.Value.Volatility}/{q.Value.OpenInterest?.ToString() ?? "-"}")));
        foreach (var a in sample.Accounts)
        {
            text.AppendLine($"account wallet={a.Wallet} rounds={a.CallRounds} tags=[{string.Join(",", a.Tags)}]");
            text.AppendLine("  positions: " + string.Join("; ", a.Positions));
            text.AppendLine("  holdings: " + string.Join("; ", a.Holdings));
            text.AppendLine("  debts: " + string.Join("; ", a.Debts));
        }

        return text.ToString();
    }
}
