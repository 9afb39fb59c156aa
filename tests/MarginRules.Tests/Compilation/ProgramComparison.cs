using System.Collections.Generic;
using System.Globalization;
using MarginRules.Accounts;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;
using MarginRules.Language.Syntax;

namespace MarginRules.Tests.Compilation;

/// <summary>
/// Runs a reference and a compiled program side by side on fresh frames and lists every difference: each named value,
/// the margin call, the rule chosen, every rule value, `where` condition, `size each` share, order key, penalty rate and ADL rank. Decimals are compared by
/// their four words, so 1.0 and 1.00 (or 0 and -0) differ; a failure must happen in both programs or in neither.
/// </summary>
internal static class ProgramComparison
{
    /// <summary>The exception types the compiled program documents as able to escape.</summary>
    private static readonly Type[] CompiledFailures =
        [typeof(ArithmeticException), typeof(ArgumentException), typeof(KeyNotFoundException), typeof(IndexOutOfRangeException)];

    /// <summary>The differences; empty when the programs agree. <paramref name="completed"/> is false when both failed in Run.</summary>
    public static List<string> Compare(PolicyProgram reference, PolicyProgram compiled, Account account, Market market, out bool completed)
    {
        var differences = new List<string>();
        var referenceFrame = reference.CreateFrame();
        var compiledFrame = compiled.CreateFrame();
        var run = Outcome(() => reference.Run(account, market, referenceFrame), () => compiled.Run(account, market, compiledFrame), "Run", differences);
        completed = run == null;
        if (!completed) return differences;

        var policy = reference.Policy;
        foreach (var let in policy.Lets)
        {
            var slot = reference.Layout.Slot(let);
            var (expected, actual) = let.Type.Kind switch
            {
                TypeKind.Bool => (Show(referenceFrame.Flags[slot]), Show(compiledFrame.Flags[slot])),
                TypeKind.Text => (Show(referenceFrame.Texts[slot]), Show(compiledFrame.Texts[slot])),
                _ => (Show(referenceFrame.Numbers[slot]), Show(compiledFrame.Numbers[slot])),
            };
            Expect(let.Name, expected, actual, differences);
        }

        Expect("CallTriggered", Show(referenceFrame.CallTriggered), Show(compiledFrame.CallTriggered), differences);
        Expect("CallAmount", Show(referenceFrame.CallAmount), Show(compiledFrame.CallAmount), differences);
        Expect("RuleIndex", Show(referenceFrame.RuleIndex), Show(compiledFrame.RuleIndex), differences);

        for (var r = 0; r < policy.Liquidations.Count; r++)
        {
            var rule = policy.Liquidations[r];
            var index = r;
            foreach (var (which, present) in new[] { (RuleValue.Size, rule.SizeValue != null && rule.SizeKind != LiquidationSizeKind.Each), (RuleValue.Target, rule.SizeTarget != null), (RuleValue.Chunk, rule.Chunk != null) })
            {
                if (!present) continue;
                Value(() => reference.GetRuleValue(index, which, account, market, referenceFrame),
                    () => compiled.GetRuleValue(index, which, account, market, compiledFrame), $"{rule.Name}.{which}", differences);
            }

            var items = rule.Collection switch
            {
                CollectionKind.Positions => account.Positions.Length,
                CollectionKind.Holdings => account.Holdings.Length,
                _ => account.Debts.Length,
            };
            for (var item = 0; item < items; item++)
            {
                var i = item;
                Value(() => reference.IsTakeable(index, account, market, referenceFrame, i) ? 1m : 0m,
                    () => compiled.IsTakeable(index, account, market, compiledFrame, i) ? 1m : 0m, $"{rule.Name}[{i}].where", differences);
                if (rule.SizeKind == LiquidationSizeKind.Each)
                {
                    Value(() => reference.GetItemShare(index, account, market, referenceFrame, i),
                        () => compiled.GetItemShare(index, account, market, compiledFrame, i), $"{rule.Name}[{i}].each", differences);
                }

                for (var which = rule.OrderBy == null ? 0 : -1; which < rule.Penalties.Count; which++)
                {
                    var w = which;
                    Value(() => reference.GetItemValue(index, w, account, market, referenceFrame, i),
                        () => compiled.GetItemValue(index, w, account, market, compiledFrame, i), $"{rule.Name}[{i}].{(w < 0 ? "order" : "penalty" + w)}", differences);
                }
            }
        }

        if (policy.Adl != null)
        {
            for (var position = 0; position < account.Positions.Length; position++)
            {
                var p = position;
                Value(() => reference.GetAdlRank(account, market, referenceFrame, p), () => compiled.GetAdlRank(account, market, compiledFrame, p), $"adl[{p}]", differences);
            }
        }

        return differences;
    }

    private static void Value(Func<decimal> reference, Func<decimal> compiled, string what, List<string> differences)
    {
        decimal expected = 0m, actual = 0m;
        if (Outcome(() => expected = reference(), () => actual = compiled(), what, differences) == null) Expect(what, Show(expected), Show(actual), differences);
    }

    /// <summary>Runs both; records a difference unless both succeed or both fail. Returns null when both succeeded.</summary>
    private static string? Outcome(Action reference, Action compiled, string what, List<string> differences)
    {
        var expected = Failure(reference);
        var actual = Failure(compiled);
        if (expected != null && expected is not PolicyEvaluationException)
            differences.Add($"{what}: the reference failed without a positioned error: {expected.GetType().Name}: {expected.Message}");
        if (actual != null && !CompiledFailures.Any(t => t.IsInstanceOfType(actual)))
            differences.Add($"{what}: the compiled program failed with an undocumented {actual.GetType().Name}: {actual.Message}");
        if ((expected == null) != (actual == null))
            differences.Add($"{what}: reference {(expected == null ? "succeeded" : "failed: " + expected.Message)}, compiled {(actual == null ? "succeeded" : "failed: " + actual.GetType().Name + ": " + actual.Message)}");
        return expected == null && actual == null ? null : "failed";
    }

    private static Exception? Failure(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception e)
        {
            return e;
        }
    }

    private static void Expect(string what, string expected, string actual, List<string> differences)
    {
        if (expected != actual) differences.Add($"{what}: reference {expected}, compiled {actual}");
    }

    /// <summary>A decimal's text and its four words: the words carry the sign (of zero too) and the scale.</summary>
    public static string Show(decimal value)
    {
        var bits = decimal.GetBits(value);
        return $"{value.ToString(CultureInfo.InvariantCulture)} [{bits[0]:x8} {bits[1]:x8} {bits[2]:x8} {bits[3]:x8}]";
    }

    private static string Show(bool value) => value ? "true" : "false";

    private static string Show(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Show(string? value) => value == null ? "null" : "\"" + value + "\"";
}
