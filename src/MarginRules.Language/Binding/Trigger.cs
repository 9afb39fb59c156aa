using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Binding
{
    /// <summary>
    /// A trigger read as a conjunction: comparisons of an expression with a constant become intervals per
    /// expression, anything else stays an opaque conjunct compared by structure.
    /// </summary>
    internal sealed class Trigger
    {
        private readonly Dictionary<string, Interval> _intervals = new Dictionary<string, Interval>();
        private readonly HashSet<string> _opaque = new HashSet<string>();

        public bool NeverTrue { get; private set; }

        public static Trigger From(BoundExpression condition)
        {
            var trigger = new Trigger();
            foreach (var conjunct in Conjuncts(condition)) trigger.Add(conjunct);
            return trigger;
        }

        public static IEnumerable<BoundExpression> Conjuncts(BoundExpression e)
        {
            if (e is BoundBinary { Operator: BinaryOperator.And } b)
                return Conjuncts(b.Left).Concat(Conjuncts(b.Right));
            return new[] { e };
        }

        private void Add(BoundExpression conjunct)
        {
            // A parameter can be overridden (--param, CompileOptions), so a part that depends on one is read for every
            // value it may take: a rule a parameter switches off by default is not dead, and two rules that test a
            // parameter differently are not compared by its default.
            if (Constant(conjunct, out var constant) && constant is bool holds)
            {
                if (!holds) NeverTrue = true;
                return;
            }

            if (TryComparison(conjunct, out var key, out var interval))
            {
                var merged = _intervals.TryGetValue(key, out var existing) ? existing.Intersect(interval) : interval;
                _intervals[key] = merged;
                if (merged.IsEmpty) NeverTrue = true;
                return;
            }

            _opaque.Add(conjunct.ToString()!);
        }

        /// <summary>Reads <c>x op c</c> or <c>c op x</c> with a constant c.</summary>
        internal static bool TryComparison(BoundExpression e, out string key, out Interval interval)
        {
            key = string.Empty;
            interval = Interval.All;
            if (!(e is BoundBinary b)) return false;
            if (Constant(b.Right, out var r) && r is decimal rc && !ConstantFolder.TryFold(b.Left, out _))
            {
                var i = Interval.For(b.Operator, rc);
                if (i == null) return false;
                key = b.Left.ToString()!;
                interval = i.Value;
                return true;
            }

            if (Constant(b.Left, out var l) && l is decimal lc && !ConstantFolder.TryFold(b.Right, out _))
            {
                var i = Interval.For(Mirror(b.Operator), lc);
                if (i == null) return false;
                key = b.Right.ToString()!;
                interval = i.Value;
                return true;
            }

            return false;
        }

        /// <summary>Folds an expression made only of literals and built-in arithmetic; one that reads a parameter is not constant here.</summary>
        private static bool Constant(BoundExpression e, out object value)
        {
            value = 0m;
            return !ReadsParameter(e) && ConstantFolder.TryFold(e, out value);
        }

        private static bool ReadsParameter(BoundExpression e) => e switch
        {
            BoundParameterReference _ => true,
            BoundUnary u => ReadsParameter(u.Operand),
            BoundBinary b => ReadsParameter(b.Left) || ReadsParameter(b.Right),
            BoundConditional c => ReadsParameter(c.Condition) || ReadsParameter(c.WhenTrue) || ReadsParameter(c.WhenFalse),
            BoundBuiltinCall call => call.Arguments.Any(ReadsParameter),
            _ => false,
        };

        internal static BinaryOperator Mirror(BinaryOperator op) => op switch
        {
            BinaryOperator.Less => BinaryOperator.Greater,
            BinaryOperator.LessOrEqual => BinaryOperator.GreaterOrEqual,
            BinaryOperator.Greater => BinaryOperator.Less,
            BinaryOperator.GreaterOrEqual => BinaryOperator.LessOrEqual,
            _ => op,
        };

        /// <summary>True when this trigger holding guarantees that <paramref name="other"/> holds.</summary>
        public bool Implies(Trigger other)
        {
            if (NeverTrue) return true;
            foreach (var kv in other._intervals)
                if (!_intervals.TryGetValue(kv.Key, out var mine) || !mine.IsSubsetOf(kv.Value)) return false;
            return other._opaque.All(_opaque.Contains);
        }
    }
}
