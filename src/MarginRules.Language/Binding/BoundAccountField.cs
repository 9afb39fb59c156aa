using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A field of the account.</summary>
    public sealed class BoundAccountField : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundAccountField(PolicyType type, TextSpan span, AccountField field)
            : base(type, span)
        {
            Field = field;
        }

        /// <summary>The field read.</summary>
        public AccountField Field { get; }

        /// <inheritdoc />
        public override string ToString() => "account." + BindingFacts.Name(Field);
    }
}
