using System.Collections.Generic;
using System.Text;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Binding
{
    /// <summary>
    /// A requirement expression with its constant leaves taken out, each with the direction in which it moves the
    /// requirement (+1 when a larger constant raises it, −1 when it lowers it, as a divisor or a subtrahend).
    /// Two requirements with the same shape can then be compared constant by constant.
    /// </summary>
    internal sealed class RequirementShape
    {
        private RequirementShape(string shape, List<(decimal Value, int Polarity, bool Divisor)> leaves)
        {
            Shape = shape;
            Leaves = leaves;
        }

        public string Shape { get; }

        public List<(decimal Value, int Polarity, bool Divisor)> Leaves { get; }

        /// <summary>Null when the expression is not monotone in its constants (conditions, min/max, comparisons).</summary>
        public static RequirementShape? From(BoundExpression e)
        {
            var sb = new StringBuilder();
            var leaves = new List<(decimal, int, bool)>();
            return Walk(e, 1, sb, leaves) ? new RequirementShape(sb.ToString(), leaves) : null;
        }

        private static bool Walk(BoundExpression e, int polarity, StringBuilder sb, List<(decimal, int, bool)> leaves, bool divisor = false)
        {
            if (ConstantFolder.TryFold(e, out var c) && c is decimal d)
            {
                sb.Append('#');
                leaves.Add((d, polarity, divisor));
                return true;
            }

            switch (e)
            {
                case BoundBinary b when b.Operator == BinaryOperator.Add || b.Operator == BinaryOperator.Subtract ||
                                        b.Operator == BinaryOperator.Multiply || b.Operator == BinaryOperator.Divide:
                    sb.Append('(').Append(b.Operator).Append(' ');
                    if (!Walk(b.Left, polarity, sb, leaves)) return false;
                    sb.Append(' ');
                    var flip = b.Operator == BinaryOperator.Subtract || b.Operator == BinaryOperator.Divide ? -1 : 1;
                    if (!Walk(b.Right, polarity * flip, sb, leaves, b.Operator == BinaryOperator.Divide)) return false;
                    sb.Append(')');
                    return true;
                case BoundAggregate a when a.Kind == AggregateKind.Sum && a.Body != null:
                    sb.Append("(sum ").Append((object?)a.Variable.Table?.Name ?? a.Variable.Collection).Append(' ').Append(a.Filter?.ToString() ?? "-").Append(' ');
                    if (!Walk(a.Body, polarity, sb, leaves)) return false;
                    sb.Append(')');
                    return true;
                case BoundLetReference l when l.Let.Kind == ValueKind.Definition:
                    return Walk(l.Let.Value, polarity, sb, leaves);
                case BoundLiteral _:
                case BoundItemField _:
                case BoundAccountField _:
                case BoundLetReference _:
                case BoundTableLookup _:
                case BoundMarketLookup _:
                    sb.Append(e);
                    return true;
                default:
                    return false;
            }
        }
    }
}
