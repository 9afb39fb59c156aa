using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>True when the account has the tag.</summary>
    public sealed class BoundTagged : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundTagged(PolicyType type, TextSpan span, BoundExpression tag)
            : base(type, span)
        {
            Tag = tag;
        }

        /// <summary>The tag.</summary>
        public BoundExpression Tag { get; }

        /// <inheritdoc />
        public override string ToString() => $"tagged({Tag})";
    }
}
