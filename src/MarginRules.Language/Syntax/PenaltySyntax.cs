using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>penalty rate to recipient</c>.</summary>
    public sealed class PenaltySyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public PenaltySyntax(TextSpan span, ExpressionSyntax rate, PenaltyRecipient recipient, TextSpan recipientSpan)
            : base(span)
        {
            Rate = rate;
            Recipient = recipient;
            RecipientSpan = recipientSpan;
        }

        /// <summary>The penalty as a ratio of the amount liquidated.</summary>
        public ExpressionSyntax Rate { get; }

        /// <summary>Who receives it.</summary>
        public PenaltyRecipient Recipient { get; }

        /// <summary>The span of the recipient word.</summary>
        public TextSpan RecipientSpan { get; }

        /// <inheritdoc />
        public override string ToString() => $"(penalty {Rate} {Recipient.ToString().ToLowerInvariant()})";
    }
}
