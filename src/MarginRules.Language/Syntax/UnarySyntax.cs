using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>-x</c> or <c>not x</c>.</summary>
    public sealed class UnarySyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public UnarySyntax(TextSpan span, UnaryOperator @operator, ExpressionSyntax operand, TextSpan operatorSpan)
            : base(span)
        {
            Operator = @operator;
            Operand = operand;
            OperatorSpan = operatorSpan;
        }

        /// <summary>The operator.</summary>
        public UnaryOperator Operator { get; }

        /// <summary>The operand.</summary>
        public ExpressionSyntax Operand { get; }

        /// <summary>The operator's span.</summary>
        public TextSpan OperatorSpan { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new UnarySyntax(span, Operator, Operand, OperatorSpan);

        /// <inheritdoc />
        public override string ToString() => $"({Operator} {Operand})";
    }
}
