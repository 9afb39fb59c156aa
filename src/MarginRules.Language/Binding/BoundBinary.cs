using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A binary operation on checked operands.</summary>
    public sealed class BoundBinary : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundBinary(PolicyType type, TextSpan span, BinaryOperator @operator, BoundExpression left, BoundExpression right)
            : base(type, span)
        {
            Operator = @operator;
            Left = left;
            Right = right;
        }

        /// <summary>The operator.</summary>
        public BinaryOperator Operator { get; }

        /// <summary>The left operand.</summary>
        public BoundExpression Left { get; }

        /// <summary>The right operand.</summary>
        public BoundExpression Right { get; }

        /// <inheritdoc />
        public override string ToString() => $"({Operator} {Left} {Right})";
    }
}
