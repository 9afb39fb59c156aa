using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A binary operation.</summary>
    public sealed class BinarySyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public BinarySyntax(TextSpan span, BinaryOperator @operator, ExpressionSyntax left, ExpressionSyntax right, TextSpan operatorSpan)
            : base(span)
        {
            Operator = @operator;
            Left = left;
            Right = right;
            OperatorSpan = operatorSpan;
        }

        /// <summary>The operator.</summary>
        public BinaryOperator Operator { get; }

        /// <summary>The left operand.</summary>
        public ExpressionSyntax Left { get; }

        /// <summary>The right operand.</summary>
        public ExpressionSyntax Right { get; }

        /// <summary>The operator's span, where unit errors point.</summary>
        public TextSpan OperatorSpan { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new BinarySyntax(span, Operator, Left, Right, OperatorSpan);

        /// <inheritdoc />
        public override string ToString() => $"({Operator} {Left} {Right})";
    }
}
