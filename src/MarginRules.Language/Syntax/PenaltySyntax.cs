using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>penalty rate to recipient</c>, optionally followed by <c>after debt</c>.</summary>
    public sealed class PenaltySyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public PenaltySyntax(TextSpan span, ExpressionSyntax rate, PenaltyRecipient recipient, TextSpan recipientSpan, TextSpan? afterDebtSpan = null)
            : base(span)
        {
            Rate = rate;
            Recipient = recipient;
            RecipientSpan = recipientSpan;
            AfterDebtSpan = afterDebtSpan;
        }

        /// <summary>True for a junior penalty (<c>after debt</c>): paid only from what a sale raises beyond the debt it repays.</summary>
        public bool AfterDebt => AfterDebtSpan.HasValue;

        /// <summary>The span of the words <c>after debt</c>, when present.</summary>
        public TextSpan? AfterDebtSpan { get; }

        /// <summary>The penalty as a ratio of the amount liquidated.</summary>
        public ExpressionSyntax Rate { get; }

        /// <summary>Who receives it.</summary>
        public PenaltyRecipient Recipient { get; }

        /// <summary>The span of the recipient word.</summary>
        public TextSpan RecipientSpan { get; }

        /// <inheritdoc />
        public override string ToString() => $"(penalty {Rate} {Recipient.ToString().ToLowerInvariant()}{(AfterDebt ? " after-debt" : string.Empty)})";
    }
}
