using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>target.member</c>.</summary>
    public sealed class MemberAccessSyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public MemberAccessSyntax(TextSpan span, ExpressionSyntax target, IdentifierSyntax member)
            : base(span)
        {
            Target = target;
            Member = member;
        }

        /// <summary>The value whose member is read.</summary>
        public ExpressionSyntax Target { get; }

        /// <summary>The member.</summary>
        public IdentifierSyntax Member { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new MemberAccessSyntax(span, Target, Member);

        /// <inheritdoc />
        public override string ToString() => $"{Target}.{Member}";
    }
}
