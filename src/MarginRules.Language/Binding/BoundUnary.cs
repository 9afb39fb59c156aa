using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>Negation or logical not.</summary>
    public sealed class BoundUnary : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundUnary(PolicyType type, TextSpan span, UnaryOperator @operator, BoundExpression operand)
            : base(type, span)
        {
            Operator = @operator;
            Operand = operand;
        }

        /// <summary>The operator.</summary>
        public UnaryOperator Operator { get; }

        /// <summary>The operand.</summary>
        public BoundExpression Operand { get; }

        /// <inheritdoc />
        public override string ToString() => $"({Operator} {Operand})";
    }
}
