using System.Collections.Generic;
using System.Text;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Formatting
{
    /// <summary>Prints expressions on one line with the fewest parentheses that parse back to the same tree.</summary>
    internal static class ExpressionPrinter
    {
        // Binding levels, loosest first, mirroring the grammar's precedence ladder:
        // conditional 0, or 1, and 2, not 3, comparison 4, additive 5, multiplicative 6, negation 7, postfix and primary 8.
        private const int ConditionalLevel = 0;
        private const int NotLevel = 3;
        private const int ComparisonLevel = 4;
        private const int NegateLevel = 7;
        private const int PostfixLevel = 8;

        /// <summary>The expression as one line of canonical text.</summary>
        public static string Print(ExpressionSyntax expression)
        {
            var sb = new StringBuilder();
            Write(sb, expression, ConditionalLevel);
            return sb.ToString();
        }

        /// <summary>
        /// Splits a top-level chain of <c>and</c>, <c>or</c>, <c>+</c> or <c>-</c> into its operands, each printed so that
        /// <c>first op₁ second op₂ third …</c> parses back to the same left-associative tree; false for any other expression.
        /// </summary>
        public static bool TrySplitChain(ExpressionSyntax expression, out string first, out IReadOnlyList<(string Operator, string Operand)> rest)
        {
            first = string.Empty;
            rest = new List<(string, string)>();
            if (!(expression is BinarySyntax root) || !IsBreakable(root.Operator)) return false;

            var level = SyntaxFacts.Precedence(root.Operator);
            var spine = new List<BinarySyntax>();
            ExpressionSyntax left = root;
            while (left is BinarySyntax b && SyntaxFacts.Precedence(b.Operator) == level)
            {
                spine.Add(b);
                left = b.Left;
            }

            first = PrintAt(left, level);
            var operands = new List<(string, string)>(spine.Count);
            for (var i = spine.Count - 1; i >= 0; i--)
                operands.Add((SyntaxFacts.Text(spine[i].Operator), PrintAt(spine[i].Right, level + 1)));
            rest = operands;
            return true;
        }

        private static bool IsBreakable(BinaryOperator op) =>
            op == BinaryOperator.And || op == BinaryOperator.Or || op == BinaryOperator.Add || op == BinaryOperator.Subtract;

        private static string PrintAt(ExpressionSyntax expression, int minimumLevel)
        {
            var sb = new StringBuilder();
            Write(sb, expression, minimumLevel);
            return sb.ToString();
        }

        private static int Level(ExpressionSyntax expression) => expression switch
        {
            ConditionalSyntax _ => ConditionalLevel,
            BinarySyntax b => SyntaxFacts.Precedence(b.Operator),
            UnarySyntax u => u.Operator == UnaryOperator.Not ? NotLevel : NegateLevel,
            _ => PostfixLevel,
        };

        /// <summary>Writes <paramref name="expression"/>, in parentheses when it binds looser than its position allows.</summary>
        private static void Write(StringBuilder sb, ExpressionSyntax expression, int minimumLevel)
        {
            if (Level(expression) < minimumLevel)
            {
                sb.Append('(');
                WriteBare(sb, expression);
                sb.Append(')');
            }
            else WriteBare(sb, expression);
        }

        private static void WriteBare(StringBuilder sb, ExpressionSyntax expression)
        {
            switch (expression)
            {
                case NumberLiteralSyntax n:
                    sb.Append(n.Text);
                    if (n.UnitSuffix != null) sb.Append(' ').Append(n.UnitSuffix.Text);
                    break;
                case StringLiteralSyntax s:
                    sb.Append(SyntaxText.Quote(s.Value));
                    break;
                case BoolLiteralSyntax b:
                    sb.Append(b.Value ? "true" : "false");
                    break;
                case NameSyntax name:
                    sb.Append(name.Name);
                    break;
                case CallSyntax call:
                    sb.Append(call.Function.Text).Append('(');
                    for (var i = 0; i < call.Arguments.Count; i++)
                    {
                        if (i > 0) sb.Append(", ");
                        Write(sb, call.Arguments[i], ConditionalLevel);
                    }

                    sb.Append(')');
                    break;
                case AggregateSyntax aggregate:
                    sb.Append(aggregate.Kind.ToString().ToLowerInvariant()).Append('(')
                        .Append(aggregate.Variable.Text).Append(" in ").Append(aggregate.Collection.Text);
                    if (aggregate.Filter != null)
                    {
                        sb.Append(" where ");
                        Write(sb, aggregate.Filter, ConditionalLevel);
                    }

                    if (aggregate.Body != null)
                    {
                        sb.Append(": ");
                        Write(sb, aggregate.Body, ConditionalLevel);
                    }

                    sb.Append(')');
                    break;
                case MemberAccessSyntax member:
                    Write(sb, member.Target, PostfixLevel);
                    sb.Append('.').Append(member.Member.Text);
                    break;
                case IndexSyntax index:
                    Write(sb, index.Target, PostfixLevel);
                    sb.Append('[');
                    Write(sb, index.Key, ConditionalLevel);
                    sb.Append(']');
                    break;
                case UnarySyntax unary when unary.Operator == UnaryOperator.Not:
                    sb.Append("not ");
                    Write(sb, unary.Operand, NotLevel);
                    break;
                case UnarySyntax unary:
                    sb.Append('-');

                    // `- -x` rather than `-(-x)`: parentheses would count against the parser's nesting limit.
                    if (unary.Operand is UnarySyntax inner && inner.Operator == UnaryOperator.Negate) sb.Append(' ');
                    Write(sb, unary.Operand, NegateLevel);
                    break;
                case BinarySyntax binary:
                    var level = SyntaxFacts.Precedence(binary.Operator);

                    // Comparisons do not chain (`a < b < c` is a syntax error), so their left operand needs parentheses too.
                    Write(sb, binary.Left, level == ComparisonLevel ? level + 1 : level);
                    sb.Append(' ').Append(SyntaxFacts.Text(binary.Operator)).Append(' ');
                    Write(sb, binary.Right, level + 1);
                    break;
                case ConditionalSyntax conditional:
                    sb.Append("if ");
                    Write(sb, conditional.Condition, ConditionalLevel);
                    sb.Append(" then ");
                    Write(sb, conditional.WhenTrue, ConditionalLevel);
                    sb.Append(" else ");
                    Write(sb, conditional.WhenFalse, ConditionalLevel);
                    break;
                default:
                    throw new System.ArgumentException($"unknown expression node {expression.GetType().Name}", nameof(expression));
            }
        }
    }
}
