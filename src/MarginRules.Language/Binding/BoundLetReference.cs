using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A definition's value for the account being evaluated.</summary>
    public sealed class BoundLetReference : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundLetReference(PolicyType type, TextSpan span, LetSymbol let)
            : base(type, span)
        {
            Let = let;
        }

        /// <summary>The definition.</summary>
        public LetSymbol Let { get; }

        /// <inheritdoc />
        public override string ToString() => Let.Name;
    }
}
