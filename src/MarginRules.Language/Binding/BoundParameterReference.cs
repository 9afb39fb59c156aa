using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A parameter's value (fixed when the policy is compiled).</summary>
    public sealed class BoundParameterReference : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundParameterReference(PolicyType type, TextSpan span, ParameterSymbol parameter)
            : base(type, span)
        {
            Parameter = parameter;
        }

        /// <summary>The parameter.</summary>
        public ParameterSymbol Parameter { get; }

        /// <inheritdoc />
        public override string ToString() => Parameter.Name;
    }
}
