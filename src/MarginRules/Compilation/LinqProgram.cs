using System;
using MarginRules.Accounts;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;
using MarginRules.Language.Syntax;

namespace MarginRules.Compilation;

/// <summary>
/// A checked policy compiled to delegates through expression trees: one for <see cref="Run"/> and one per rule value,
/// per-item value and ADL rank. It computes what <see cref="ReferenceProgram"/> computes, to the last decimal digit,
/// without allocating per account.
/// </summary>
/// <remarks>
/// A failure is not positioned: the compiled code lets the runtime's exception escape, and callers re-run the
/// <see cref="ReferenceProgram"/> to report the failing expression. When a loop that fuses several aggregates fails,
/// Run starts again as a <see cref="SequentialRun"/>, so the exception is the one the unfused program meets first.
/// The exceptions that can escape are <see cref="DivideByZeroException"/> (division by zero, or a negative power of zero),
/// <see cref="OverflowException"/> (a result outside the decimal range),
/// <see cref="ArgumentOutOfRangeException"/> (the square root of a negative number, the logarithm of one
/// that is not positive, a computed <c>pow</c> exponent
/// that is not whole or exceeds 1000 in magnitude, or computed <c>round</c> digits that are not whole or not 0–28),
/// <see cref="System.Collections.Generic.KeyNotFoundException"/> (a symbol the market does not list, a key with no table
/// row and no default, a value outside every bracket), <see cref="ArgumentNullException"/> (a null symbol in the
/// account), <see cref="IndexOutOfRangeException"/> (an item index outside its collection),
/// <see cref="NullReferenceException"/> (a null argument, or an account collection left as a default ImmutableArray),
/// <see cref="InvalidOperationException"/> (asking for a rule value, order key or ADL rank the policy does not declare),
/// and <see cref="InsufficientExecutionStackException"/> from the constructor when inlined functions nest too deeply.
/// </remarks>
internal sealed class LinqProgram : PolicyProgram
{
    private readonly Action<Account, Market, EvaluationFrame> _run;

    // Per rule, indexed by RuleValue; null where the rule has no such value.
    private readonly Func<Account, Market, EvaluationFrame, decimal>?[][] _ruleValues;

    // Per rule: the order key at 0, then one rate per penalty.
    private readonly Func<Account, Market, EvaluationFrame, int, decimal>?[][] _itemValues;

    // Per rule: the `where` condition, null where the rule takes from every item.
    private readonly Func<Account, Market, EvaluationFrame, int, bool>?[] _filters;

    // Per rule: the `size each` share, null where the rule sizes its total instead.
    private readonly Func<Account, Market, EvaluationFrame, int, decimal>?[] _shares;

    private readonly Func<Account, Market, EvaluationFrame, int, decimal>? _adlRank;

    /// <summary>Compiles the policy; <paramref name="partLeaves"/> bounds the size of each part of Run, see <see cref="Splitting.RunSplit"/>.</summary>
    public LinqProgram(BoundPolicy policy, FrameLayout layout, int partLeaves = Splitting.RunSplit.PartLeaves)
        : base(policy, layout)
    {
        var compiler = new LinqExpressionCompiler(policy, layout, partLeaves);
        _run = compiler.CompileRun(new SequentialRun(policy, layout, partLeaves));

        var rules = policy.Liquidations;
        _ruleValues = new Func<Account, Market, EvaluationFrame, decimal>?[rules.Count][];
        _itemValues = new Func<Account, Market, EvaluationFrame, int, decimal>?[rules.Count][];
        _filters = new Func<Account, Market, EvaluationFrame, int, bool>?[rules.Count];
        _shares = new Func<Account, Market, EvaluationFrame, int, decimal>?[rules.Count];
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var each = rule.SizeKind == LiquidationSizeKind.Each;
            if (each) _shares[i] = compiler.CompileItemValue(rule.Variable, rule.SizeValue!);
            _ruleValues[i] = new[]
            {
                rule.SizeValue == null || each ? null : compiler.CompileAccountValue(rule.SizeValue),
                rule.SizeTarget == null ? null : compiler.CompileAccountValue(rule.SizeTarget),
                rule.Chunk == null ? null : compiler.CompileAccountValue(rule.Chunk),
            };

            var items = new Func<Account, Market, EvaluationFrame, int, decimal>?[rule.Penalties.Count + 1];
            if (rule.OrderBy != null) items[0] = compiler.CompileItemValue(rule.Variable, rule.OrderBy);
            for (var k = 0; k < rule.Penalties.Count; k++) items[k + 1] = compiler.CompileItemValue(rule.Variable, rule.Penalties[k].Rate);
            _itemValues[i] = items;
            if (rule.Filter != null) _filters[i] = compiler.CompileItemCondition(rule.Variable, rule.Filter);
        }

        if (policy.Adl != null) _adlRank = compiler.CompileItemValue(policy.Adl.Variable, policy.Adl.Rank);
    }

    public override void Run(Account account, Market market, EvaluationFrame frame) => _run(account, market, frame);

    public override decimal GetRuleValue(int rule, RuleValue which, Account account, Market market, EvaluationFrame frame)
    {
        var value = _ruleValues[rule][(int)which] ?? throw new InvalidOperationException("the rule has no such value");
        return value(account, market, frame);
    }

    public override decimal GetItemValue(int rule, int which, Account account, Market market, EvaluationFrame frame, int item)
    {
        var value = _itemValues[rule][which + 1] ?? throw new InvalidOperationException("the rule has no order key");
        return value(account, market, frame, item);
    }

    public override decimal GetItemShare(int rule, Account account, Market market, EvaluationFrame frame, int item)
    {
        var share = _shares[rule] ?? throw new InvalidOperationException("the rule does not size each item");
        return share(account, market, frame, item);
    }

    public override bool IsTakeable(int rule, Account account, Market market, EvaluationFrame frame, int item) =>
        _filters[rule]?.Invoke(account, market, frame, item) ?? true;

    public override decimal GetAdlRank(Account account, Market market, EvaluationFrame frame, int position)
    {
        var rank = _adlRank ?? throw new InvalidOperationException("the policy declares no ADL ranking");
        return rank(account, market, frame, position);
    }
}
