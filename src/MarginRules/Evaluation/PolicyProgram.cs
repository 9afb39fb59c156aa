using MarginRules.Accounts;
using MarginRules.Language.Binding;

namespace MarginRules.Evaluation;

/// <summary>
/// An executable form of a checked policy. The tree-walking <see cref="ReferenceProgram"/> defines the semantics;
/// the compiled program must agree with it to the last decimal digit.
/// </summary>
internal abstract class PolicyProgram
{
    protected PolicyProgram(BoundPolicy policy, FrameLayout layout)
    {
        Policy = policy;
        Layout = layout;
    }

    public BoundPolicy Policy { get; }

    public FrameLayout Layout { get; }

    public EvaluationFrame CreateFrame() => new(Layout.NumberCount, Layout.FlagCount, Layout.TextCount);

    /// <summary>Computes every named value in order, then the margin call, then the first liquidation rule that applies.</summary>
    public abstract void Run(Account account, Market market, EvaluationFrame frame);

    /// <summary>A liquidation rule's account-level value; <see cref="Run"/> must have filled the frame for this account.</summary>
    public abstract decimal GetRuleValue(int rule, RuleValue which, Account account, Market market, EvaluationFrame frame);

    /// <summary>A per-item value of a rule: <paramref name="which"/> -1 is the order key, k ≥ 0 the k-th penalty rate.</summary>
    public abstract decimal GetItemValue(int rule, int which, Account account, Market market, EvaluationFrame frame, int item);

    /// <summary>The <c>size each</c> share of one item of a rule, before clamping to [0, 1].</summary>
    public abstract decimal GetItemShare(int rule, Account account, Market market, EvaluationFrame frame, int item);

    /// <summary>Whether a rule's <c>where</c> condition holds for one item; true for every item of a rule without one.</summary>
    public abstract bool IsTakeable(int rule, Account account, Market market, EvaluationFrame frame, int item);

    /// <summary>The ADL rank of one position.</summary>
    public abstract decimal GetAdlRank(Account account, Market market, EvaluationFrame frame, int position);
}
