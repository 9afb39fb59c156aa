using MarginRules.Language.Syntax;

namespace MarginRules.Language.Binding
{
    /// <summary>A liquidation penalty or bonus: a ratio of the amount liquidated, and who receives it.</summary>
    public sealed class PenaltyRule
    {
        internal PenaltyRule(BoundExpression rate, PenaltyRecipient recipient)
        {
            Rate = rate;
            Recipient = recipient;
        }

        /// <summary>The rate (ratio); it may read the taken item's variable.</summary>
        public BoundExpression Rate { get; }

        /// <summary>Who receives it.</summary>
        public PenaltyRecipient Recipient { get; }
    }
}
