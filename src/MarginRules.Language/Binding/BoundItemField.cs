using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A field of the position, holding or debt bound to an aggregate or rule variable.</summary>
    public sealed class BoundItemField : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundItemField(PolicyType type, TextSpan span, VariableSymbol variable, ItemField field)
            : base(type, span)
        {
            Variable = variable;
            Field = field;
        }

        /// <summary>The item variable.</summary>
        public VariableSymbol Variable { get; }

        /// <summary>The field read.</summary>
        public ItemField Field { get; }

        /// <inheritdoc />
        public override string ToString() => Variable.Name + "." + BindingFacts.Name(Field);
    }
}
