using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A function parameter's value.</summary>
    public sealed class BoundVariableReference : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundVariableReference(PolicyType type, TextSpan span, VariableSymbol variable)
            : base(type, span)
        {
            Variable = variable;
        }

        /// <summary>The variable.</summary>
        public VariableSymbol Variable { get; }

        /// <inheritdoc />
        public override string ToString() => Variable.Name;
    }
}
