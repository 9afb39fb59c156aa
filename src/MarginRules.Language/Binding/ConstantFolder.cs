using System;
using MarginRules.Language.Runtime;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Binding
{
    /// <summary>Evaluates expressions made only of literals, parameters and built-in arithmetic.</summary>
    public static class ConstantFolder
    {
        /// <summary>Folds <paramref name="expression"/> to a decimal, bool or string; false if it depends on the account or fails.</summary>
        public static bool TryFold(BoundExpression expression, out object value)
        {
            value = 0m;
            try
            {
                var result = Fold(expression);
                if (result == null) return false;
                value = result;
                return true;
            }
            catch (ArithmeticException)
            {
                return false;
            }
            catch (ArgumentOutOfRangeException)
            {
                return false;
            }
        }

        private static object? Fold(BoundExpression e)
        {
            switch (e)
            {
                case BoundLiteral l:
                    return e.Type.IsError ? null : l.Value;
                case BoundParameterReference p:
                    return p.Parameter.Value;
                case BoundUnary u:
                    var operand = Fold(u.Operand);
                    if (operand == null) return null;
                    return u.Operator == UnaryOperator.Negate ? (object)(-(decimal)operand) : !(bool)operand;
                case BoundBinary b:
                    return FoldBinary(b);
                case BoundConditional c:
                    var condition = Fold(c.Condition);
                    if (condition == null) return null;
                    return (bool)condition ? Fold(c.WhenTrue) : Fold(c.WhenFalse);
                case BoundBuiltinCall call:
                    var args = new decimal[call.Arguments.Count];
                    for (var i = 0; i < args.Length; i++)
                    {
                        var a = Fold(call.Arguments[i]);
                        if (!(a is decimal d)) return null;
                        args[i] = d;
                    }

                    return Apply(call.Function, args, call.Mode);
                default:
                    return null;
            }
        }

        private static object? FoldBinary(BoundBinary b)
        {
            var left = Fold(b.Left);
            if (left == null) return null;
            if (b.Operator == BinaryOperator.And && left is false) return false;
            if (b.Operator == BinaryOperator.Or && left is true) return true;
            var right = Fold(b.Right);
            if (right == null) return null;
            switch (b.Operator)
            {
                case BinaryOperator.And: return (bool)right;
                case BinaryOperator.Or: return (bool)right;
                case BinaryOperator.Equal: return Equals(left, right);
                case BinaryOperator.NotEqual: return !Equals(left, right);
            }

            var l = (decimal)left;
            var r = (decimal)right;
            return b.Operator switch
            {
                BinaryOperator.Add => l + r,
                BinaryOperator.Subtract => l - r,
                BinaryOperator.Multiply => l * r,
                BinaryOperator.Divide => l / r,
                BinaryOperator.Less => l < r,
                BinaryOperator.LessOrEqual => l <= r,
                BinaryOperator.Greater => l > r,
                _ => (object)(l >= r),
            };
        }

        /// <summary>Applies a numeric built-in to evaluated arguments; shared with the evaluators.</summary>
        public static decimal Apply(BuiltinFunction function, decimal[] args, RoundingMode mode)
        {
            switch (function)
            {
                case BuiltinFunction.Min:
                    var min = args[0];
                    for (var i = 1; i < args.Length; i++) min = PolicyMath.Min(min, args[i]);
                    return min;
                case BuiltinFunction.Max:
                    var max = args[0];
                    for (var i = 1; i < args.Length; i++) max = PolicyMath.Max(max, args[i]);
                    return max;
                case BuiltinFunction.Abs: return PolicyMath.Abs(args[0]);
                case BuiltinFunction.Clamp: return PolicyMath.Clamp(args[0], args[1], args[2]);
                case BuiltinFunction.Floor: return PolicyMath.Floor(args[0]);
                case BuiltinFunction.Ceil: return PolicyMath.Ceil(args[0]);
                case BuiltinFunction.Round: return PolicyMath.Round(args[0], args[1], mode);
                case BuiltinFunction.Sqrt: return PolicyMath.Sqrt(args[0]);
                case BuiltinFunction.Exp: return PolicyMath.Exp(args[0]);
                case BuiltinFunction.Ln: return PolicyMath.Ln(args[0]);
                default: return PolicyMath.Pow(args[0], args[1]);
            }
        }
    }
}
