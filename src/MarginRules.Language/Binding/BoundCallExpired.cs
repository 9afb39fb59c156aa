using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>True when the account's margin call has been outstanding past the deadline.</summary>
    public sealed class BoundCallExpired : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundCallExpired(PolicyType type, TextSpan span)
            : base(type, span)
        {

        }

        /// <inheritdoc />
        public override string ToString() => "call_expired";
    }
}
