using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>The checked margin-call rule.</summary>
    public sealed class MarginCallRule
    {
        internal MarginCallRule(string? description, BoundExpression when, BoundExpression amount, int deadline, TextSpan span)
        {
            Description = description;
            When = when;
            Amount = amount;
            Deadline = deadline;
            Span = span;
        }

        /// <summary>The description, if any.</summary>
        public string? Description { get; }

        /// <summary>The trigger (bool).</summary>
        public BoundExpression When { get; }

        /// <summary>The amount called (money).</summary>
        public BoundExpression Amount { get; }

        /// <summary>Rounds the account has to meet the call; 0 means it must be met at once.</summary>
        public int Deadline { get; }

        /// <summary>The declaration's span.</summary>
        public TextSpan Span { get; }
    }
}
