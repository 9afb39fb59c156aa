using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MarginRules.Assessment;
using MarginRules.Language.Binding;
using MarginRules.Language.Text;

namespace MarginRules.Cli.PolicyTests;

/// <summary>
/// The expectation keys of an evaluation test: <c>status</c>, <c>equity</c>, <c>initial</c>, <c>maintenance</c>,
/// <c>exports.NAME</c>, <c>margin_call.amount|deadline</c>, <c>liquidation.rule|amount|credit</c>,
/// <c>liquidation.penalties.RECIPIENT</c> and <c>liquidation.steps[i].quantity|value|seized|symbol</c>.
/// </summary>
internal static class EvaluationKeys
{
    /// <summary>The values <c>status</c> may take.</summary>
    public static readonly string[] Statuses = ["healthy", "margin_call", "liquidatable"];

    private static readonly string[] Top = ["status", "equity", "initial", "maintenance", "exports", "margin_call", "liquidation"];
    private static readonly string[] CallFields = ["amount", "deadline"];
    private static readonly string[] LiquidationFields = ["rule", "amount", "credit", "penalties", "steps"];
    private static readonly string[] StepFields = ["quantity", "value", "seized", "symbol"];
    private static readonly string[] Recipients = ["liquidator", "insurance", "protocol"];

    /// <summary>Resolves a key against the policy, or returns null with the problem (with a suggestion where one is close).</summary>
    public static ExpectationTarget? Resolve(string key, BoundPolicy policy, out string problem)
    {
        problem = string.Empty;
        var (head, rest) = KeyText.Split(key);
        if (!Plain(key, string.Empty, head, Top, out var name, ref problem)) return null;
        switch (name)
        {
            case "status":
                return Leaf(key, name, rest, ref problem, new ExpectationTarget(ExpectedKind.Text, s => ActualValue.Of(StatusText(s.Assessment!.Status)), _ => null, Statuses));
            case "equity":
                return Leaf(key, name, rest, ref problem, new ExpectationTarget(ExpectedKind.Number, s => ActualValue.Of(s.Assessment!.Equity), s => Where(s.Policy, s.Policy.Checked.Equity)));
            case "maintenance":
                return Leaf(key, name, rest, ref problem, new ExpectationTarget(ExpectedKind.Number, s => ActualValue.Of(s.Assessment!.Maintenance), s => Where(s.Policy, s.Policy.Checked.Maintenance)));
            case "initial":
                if (policy.Initial is null)
                {
                    problem = $"expectation \"{key}\": the policy declares no initial requirement";
                    return null;
                }

                return Leaf(key, name, rest, ref problem, new ExpectationTarget(ExpectedKind.Number, s => ActualValue.Of(s.Assessment!.Initial!.Value), s => Where(s.Policy, s.Policy.Checked.Initial!)));
            case "exports":
                return Export(key, rest, policy, ref problem);
            case "margin_call":
                return MarginCall(key, rest, policy, ref problem);
            default:
                return Liquidation(key, rest, policy, ref problem);
        }
    }

    /// <summary>The status as test files write it.</summary>
    public static string StatusText(MarginStatus status) => status switch
    {
        MarginStatus.Healthy => "healthy",
        MarginStatus.MarginCall => "margin_call",
        _ => "liquidatable",
    };

    private static ExpectationTarget? Export(string key, string? rest, BoundPolicy policy, ref string problem)
    {
        var names = policy.Exports.Select(e => e.Name).ToArray();
        if (rest is null || rest.Length == 0)
        {
            problem = names.Length == 0 ? $"expectation \"{key}\": the policy exports nothing" : KeyText.Incomplete("exports", names);
            return null;
        }

        var export = policy.Exports.FirstOrDefault(e => e.Name == rest);
        if (export is null)
        {
            problem = names.Length == 0 ? $"expectation \"{key}\": the policy exports nothing" : KeyText.Unknown(key, "exports.", rest, null, names);
            return null;
        }

        var kind = export.Type.Kind switch
        {
            TypeKind.Bool => ExpectedKind.Flag,
            TypeKind.Text => ExpectedKind.Text,
            _ => ExpectedKind.Number,
        };
        return new ExpectationTarget(kind, s => ActualValue.Of(s.Assessment!.Exports[rest]), s => Where(s.Policy, s.Policy.Checked.Exports.First(e => e.Name == rest)));
    }

    private static ExpectationTarget? MarginCall(string key, string? rest, BoundPolicy policy, ref string problem)
    {
        if (policy.MarginCall is null)
        {
            problem = $"expectation \"{key}\": the policy declares no margin call";
            return null;
        }

        if (rest is null)
        {
            problem = KeyText.Incomplete("margin_call", CallFields);
            return null;
        }

        var (head, tail) = KeyText.Split(rest);
        if (!Plain(key, "margin_call.", head, CallFields, out var field, ref problem)) return null;
        Func<ExpectationSubject, string?> where = s => Where(s.Policy.Checked.Source, s.Policy.Checked.MarginCall!.Span);
        return field == "amount"
            ? Leaf(key, "margin_call.amount", tail, ref problem, new ExpectationTarget(ExpectedKind.Number, s => Call(s, c => c.Amount), where))
            : Leaf(key, "margin_call.deadline", tail, ref problem, new ExpectationTarget(ExpectedKind.Number, s => Call(s, c => c.DeadlineRounds), where));
    }

    private static ExpectationTarget? Liquidation(string key, string? rest, BoundPolicy policy, ref string problem)
    {
        if (rest is null)
        {
            problem = KeyText.Incomplete("liquidation", LiquidationFields);
            return null;
        }

        var (head, tail) = KeyText.Split(rest);
        if (!KeyText.TrySegment(head, out var field, out var index) || !LiquidationFields.Contains(field))
        {
            problem = KeyText.Unknown(key, "liquidation.", field, tail, LiquidationFields);
            return null;
        }

        if (field == "steps") return Step(key, index, tail, ref problem);
        if (index is not null)
        {
            problem = $"unknown expectation \"{key}\"; \"liquidation.{field}\" is not a list, so it takes no [index]";
            return null;
        }

        switch (field)
        {
            case "rule":
                return Leaf(key, "liquidation.rule", tail, ref problem, new ExpectationTarget(ExpectedKind.Text, s => Liquidated(s, l => l.RuleName), RuleWhere, policy.Liquidations.Select(r => r.Name).ToArray()));
            case "amount":
                return Leaf(key, "liquidation.amount", tail, ref problem, new ExpectationTarget(ExpectedKind.Number, s => Liquidated(s, l => l.Amount), RuleWhere));
            case "credit":
                return Leaf(key, "liquidation.credit", tail, ref problem, new ExpectationTarget(ExpectedKind.Number, s => Liquidated(s, l => l.Credit), RuleWhere));
            default:
                if (tail is null)
                {
                    problem = KeyText.Incomplete("liquidation.penalties", Recipients);
                    return null;
                }

                if (!Recipients.Contains(tail))
                {
                    problem = KeyText.Unknown(key, "liquidation.penalties.", tail, null, Recipients);
                    return null;
                }

                return new ExpectationTarget(ExpectedKind.Number, s => Liquidated(s, l => l.Penalties.Where(p => RecipientText(p) == tail).Sum(p => p.Amount)), RuleWhere);
        }
    }

    private static ExpectationTarget? Step(string key, int? index, string? rest, ref string problem)
    {
        if (index is null)
        {
            problem = $"expectation \"{key}\": liquidation.steps is a list; name a step, as in \"liquidation.steps[0].{rest ?? "seized"}\"";
            return null;
        }

        var prefix = $"liquidation.steps[{index.Value.ToString(CultureInfo.InvariantCulture)}]";
        if (rest is null)
        {
            problem = KeyText.Incomplete(prefix, StepFields);
            return null;
        }

        var (head, tail) = KeyText.Split(rest);
        if (!Plain(key, prefix + ".", head, StepFields, out var field, ref problem)) return null;
        var i = index.Value;
        ActualValue Read(ExpectationSubject s, Func<LiquidationStep, object> value)
        {
            var l = s.Assessment!.Liquidation;
            if (l is null) return ActualValue.None("no liquidation");
            return i < l.Steps.Count ? ActualValue.Of(value(l.Steps[i])) : ActualValue.None($"the liquidation has {Count(l.Steps.Count, "step")}");
        }

        var target = field switch
        {
            "quantity" => new ExpectationTarget(ExpectedKind.Number, s => Read(s, t => t.Quantity), RuleWhere),
            "value" => new ExpectationTarget(ExpectedKind.Number, s => Read(s, t => t.Value), RuleWhere),
            "seized" => new ExpectationTarget(ExpectedKind.Number, s => Read(s, t => t.Seized), RuleWhere),
            _ => new ExpectationTarget(ExpectedKind.Text, s => Read(s, t => t.Symbol), RuleWhere),
        };
        return Leaf(key, $"{prefix}.{field}", tail, ref problem, target);
    }

    private static bool Plain(string key, string prefix, string segment, IReadOnlyCollection<string> candidates, out string name, ref string problem)
    {
        if (!KeyText.TrySegment(segment, out name, out var index) || !candidates.Contains(name))
        {
            problem = KeyText.Unknown(key, prefix, name, KeyText.Split(key.Substring(Math.Min(key.Length, prefix.Length))).Tail, candidates);
            return false;
        }

        if (index is not null)
        {
            problem = $"unknown expectation \"{key}\"; \"{prefix}{name}\" is not a list, so it takes no [index]";
            return false;
        }

        return true;
    }

    private static ExpectationTarget? Leaf(string key, string valueKey, string? rest, ref string problem, ExpectationTarget target)
    {
        if (rest is null) return target;
        problem = KeyText.TooLong(key, valueKey);
        return null;
    }

    private static ActualValue Call(ExpectationSubject s, Func<MarginCallInstruction, decimal> value) =>
        s.Assessment!.MarginCall is { } call ? ActualValue.Of(value(call)) : ActualValue.None("no margin call");

    private static ActualValue Liquidated(ExpectationSubject s, Func<LiquidationInstruction, object> value) =>
        s.Assessment!.Liquidation is { } l ? ActualValue.Of(value(l)) : ActualValue.None("no liquidation");

    private static string RecipientText(PenaltyAmount penalty) => penalty.Recipient.ToString().ToLowerInvariant();

    private static string? RuleWhere(ExpectationSubject s)
    {
        var name = s.Assessment?.Liquidation?.RuleName;
        var rule = s.Policy.Checked.Liquidations.FirstOrDefault(r => r.Name == name);
        return rule is null ? null : Where(s.Policy.Checked.Source, rule.Span);
    }

    private static string Where(MarginPolicy policy, LetSymbol let) =>
        Where(policy.Checked.Source, let.DeclarationSpan.Length > 0 ? let.DeclarationSpan : let.Span);

    private static string Where(SourceText source, TextSpan span)
    {
        var p = source.GetPosition(span.Start);
        return string.Create(CultureInfo.InvariantCulture, $"{source.Path}:{p.Line}:{p.Column}");
    }

    private static string Count(int n, string word) => string.Create(CultureInfo.InvariantCulture, $"{n} {word}{(n == 1 ? string.Empty : "s")}");
}
