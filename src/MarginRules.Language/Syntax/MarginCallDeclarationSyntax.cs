using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>The margin-call rule: trigger, amount and deadline in rounds.</summary>
    public sealed class MarginCallDeclarationSyntax : DeclarationSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public MarginCallDeclarationSyntax(TextSpan span, string? description, ExpressionSyntax when, ExpressionSyntax amount, ExpressionSyntax? deadline)
            : base(span)
        {
            Description = description;
            When = when;
            Amount = amount;
            Deadline = deadline;
        }

        /// <summary>The description, if given.</summary>
        public string? Description { get; }

        /// <summary>The trigger.</summary>
        public ExpressionSyntax When { get; }

        /// <summary>The amount called.</summary>
        public ExpressionSyntax Amount { get; }

        /// <summary>The deadline in rounds: a whole number or a <c>count</c> parameter; 0 or null means instant.</summary>
        public ExpressionSyntax? Deadline { get; }

        /// <inheritdoc />
        public override string ToString() => $"(margin_call {Q(Description)} {When} {Amount} {(object?)Deadline ?? "-"})";
    }
}
