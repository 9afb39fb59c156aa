using MarginRules.Language.Syntax;

namespace MarginRules.Language.Binding
{
    /// <summary>A liquidation penalty or bonus: a ratio of the amount liquidated, and who receives it.</summary>
    public sealed class PenaltyRule
    {
        internal PenaltyRule(BoundExpression rate, PenaltyRecipient recipient, bool afterDebt = false)
        {
            Rate = rate;
            Recipient = recipient;
            AfterDebt = afterDebt;
        }

        /// <summary>
        /// True for a junior penalty (<c>after debt</c>): it does not reduce what a holding repays, and is paid only from
        /// what the sale raises beyond the debt it repays and the senior penalties, shared pro rata with the other juniors.
        /// </summary>
        public bool AfterDebt { get; }

        /// <summary>The rate (ratio); it may read the taken item's variable.</summary>
        public BoundExpression Rate { get; }

        /// <summary>Who receives it.</summary>
        public PenaltyRecipient Recipient { get; }
    }
}
