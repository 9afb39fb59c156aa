using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Binding
{
    internal sealed partial class Binder
    {
        /// <summary>
        /// Finds divisions whose divisor may be zero. A divisor is safe when it folds to a non-zero constant, is a
        /// <c>max</c> with a positive constant argument, or is known non-zero from an enclosing <c>if</c>, <c>and</c> or
        /// <c>where</c> (of an aggregate or a liquidation's <c>take</c>) that compares it with zero.
        /// </summary>
        private sealed class DivisionWalker
        {
            private readonly Binder _binder;
            private readonly List<string> _nonZero = new List<string>();

            public DivisionWalker(Binder binder)
            {
                _binder = binder;
            }

            public void Walk(BoundExpression e)
            {
                switch (e)
                {
                    case BoundBinary b when b.Operator == BinaryOperator.Divide:
                        Walk(b.Left);
                        Walk(b.Right);
                        if (!IsSafe(b.Right)) _binder.ReportUnguardedDivision(b.Right);
                        break;
                    case BoundBinary b when b.Operator == BinaryOperator.And:
                        Walk(b.Left);
                        WithGuards(Guards(b.Left, true), () => Walk(b.Right));
                        break;
                    case BoundBinary b when b.Operator == BinaryOperator.Or:
                        Walk(b.Left);
                        WithGuards(Guards(b.Left, false), () => Walk(b.Right));
                        break;
                    case BoundBinary b:
                        Walk(b.Left);
                        Walk(b.Right);
                        break;
                    case BoundUnary u:
                        Walk(u.Operand);
                        break;
                    case BoundConditional c:
                        Walk(c.Condition);
                        WithGuards(Guards(c.Condition, true), () => Walk(c.WhenTrue));
                        WithGuards(Guards(c.Condition, false), () => Walk(c.WhenFalse));
                        break;
                    case BoundAggregate a:
                        if (a.Filter != null) Walk(a.Filter);
                        if (a.Body != null)
                        {
                            if (a.Filter != null) WithGuards(Guards(a.Filter, true), () => Walk(a.Body));
                            else Walk(a.Body);
                        }

                        break;
                    case BoundBuiltinCall call:
                        foreach (var arg in call.Arguments) Walk(arg);
                        break;
                    case BoundFunctionCall call:
                        foreach (var arg in call.Arguments) Walk(arg);
                        break;
                    case BoundTableLookup t:
                        Walk(t.Key);
                        if (t.ColumnNumber != null) Walk(t.ColumnNumber);
                        break;
                    case BoundMarketLookup m:
                        Walk(m.Asset);
                        break;
                    case BoundTagged t:
                        Walk(t.Tag);
                        break;
                }
            }

            /// <summary>Walks <paramref name="e"/> where <paramref name="filter"/> is known to hold, as for a liquidation's <c>where</c>.</summary>
            public void WalkWhere(BoundExpression? filter, BoundExpression e)
            {
                if (filter == null) Walk(e);
                else WithGuards(Guards(filter, true), () => Walk(e));
            }

            private void WithGuards(List<string> guards, System.Action action)
            {
                _nonZero.AddRange(guards);
                action();
                _nonZero.RemoveRange(_nonZero.Count - guards.Count, guards.Count);
            }

            private bool IsSafe(BoundExpression divisor)
            {
                if (ConstantFolder.TryFold(divisor, out var c)) return c is decimal d && d != 0;
                if (_nonZero.Contains(divisor.ToString()!)) return true;
                if (divisor is BoundBuiltinCall { Function: BuiltinFunction.Max } max)
                    return max.Arguments.Any(a => ConstantFolder.TryFold(a, out var v) && v is decimal dv && dv > 0);
                if (divisor is BoundBuiltinCall { Function: BuiltinFunction.Clamp } clamp)
                    return ConstantFolder.TryFold(clamp.Arguments[1], out var lo) && lo is decimal dl && dl > 0;
                return false;
            }

            /// <summary>The expressions known to be non-zero when <paramref name="condition"/> is <paramref name="outcome"/>.</summary>
            private static List<string> Guards(BoundExpression condition, bool outcome)
            {
                if (condition is BoundUnary { Operator: UnaryOperator.Not } not) return Guards(not.Operand, !outcome);
                var result = new List<string>();
                IEnumerable<BoundExpression> parts;
                if (outcome) parts = Trigger.Conjuncts(condition);
                else if (condition is BoundBinary { Operator: BinaryOperator.Or } || !(condition is BoundBinary { Operator: BinaryOperator.And }))
                    parts = Disjuncts(condition);
                else return result;

                foreach (var part in parts)
                {
                    if (!(part is BoundBinary b) || !b.Left.Type.IsNumber) continue;
                    var constantOnRight = ConstantFolder.TryFold(b.Right, out var rv) && rv is decimal;
                    var constantOnLeft = ConstantFolder.TryFold(b.Left, out var lv) && lv is decimal;
                    if (constantOnRight == constantOnLeft) continue;
                    var key = (constantOnRight ? b.Left : b.Right).ToString()!;
                    var c = (decimal)(constantOnRight ? rv : lv);
                    var op = constantOnRight ? b.Operator : Trigger.Mirror(b.Operator);
                    if (!outcome) op = Negate(op);
                    if (ExcludesZero(op, c)) result.Add(key);
                }

                return result;
            }

            private static IEnumerable<BoundExpression> Disjuncts(BoundExpression e)
            {
                if (e is BoundBinary { Operator: BinaryOperator.Or } b) return Disjuncts(b.Left).Concat(Disjuncts(b.Right));
                return new[] { e };
            }

            private static BinaryOperator Negate(BinaryOperator op) => op switch
            {
                BinaryOperator.Less => BinaryOperator.GreaterOrEqual,
                BinaryOperator.LessOrEqual => BinaryOperator.Greater,
                BinaryOperator.Greater => BinaryOperator.LessOrEqual,
                BinaryOperator.GreaterOrEqual => BinaryOperator.Less,
                BinaryOperator.Equal => BinaryOperator.NotEqual,
                _ => BinaryOperator.Equal,
            };

            private static bool ExcludesZero(BinaryOperator op, decimal c) => op switch
            {
                BinaryOperator.Greater => c >= 0,
                BinaryOperator.GreaterOrEqual => c > 0,
                BinaryOperator.Less => c <= 0,
                BinaryOperator.LessOrEqual => c < 0,
                BinaryOperator.Equal => c != 0,
                _ => c == 0,
            };
        }
    }
}
