namespace MarginRules.Language.Binding
{
    /// <summary>A set of decimals between two optional bounds, used to reason about comparisons in triggers.</summary>
    internal readonly struct Interval
    {
        public Interval(decimal? lower, bool lowerInclusive, decimal? upper, bool upperInclusive)
        {
            Lower = lower;
            LowerInclusive = lowerInclusive;
            Upper = upper;
            UpperInclusive = upperInclusive;
        }

        public decimal? Lower { get; }

        public bool LowerInclusive { get; }

        public decimal? Upper { get; }

        public bool UpperInclusive { get; }

        public static Interval All => new Interval(null, false, null, false);

        public bool IsEmpty =>
            Lower.HasValue && Upper.HasValue && (Lower.Value > Upper.Value || (Lower.Value == Upper.Value && !(LowerInclusive && UpperInclusive)));

        /// <summary>The interval where <c>x op c</c> holds; null for operators that give no interval (<c>!=</c>).</summary>
        public static Interval? For(Syntax.BinaryOperator op, decimal c) => op switch
        {
            Syntax.BinaryOperator.Less => new Interval(null, false, c, false),
            Syntax.BinaryOperator.LessOrEqual => new Interval(null, false, c, true),
            Syntax.BinaryOperator.Greater => new Interval(c, false, null, false),
            Syntax.BinaryOperator.GreaterOrEqual => new Interval(c, true, null, false),
            Syntax.BinaryOperator.Equal => new Interval(c, true, c, true),
            _ => (Interval?)null,
        };

        public Interval Intersect(Interval other)
        {
            decimal? lo = Lower;
            var loInc = LowerInclusive;
            if (other.Lower.HasValue && (!lo.HasValue || other.Lower.Value > lo.Value || (other.Lower.Value == lo.Value && !other.LowerInclusive)))
            {
                lo = other.Lower;
                loInc = other.LowerInclusive;
            }

            decimal? hi = Upper;
            var hiInc = UpperInclusive;
            if (other.Upper.HasValue && (!hi.HasValue || other.Upper.Value < hi.Value || (other.Upper.Value == hi.Value && !other.UpperInclusive)))
            {
                hi = other.Upper;
                hiInc = other.UpperInclusive;
            }

            return new Interval(lo, loInc, hi, hiInc);
        }

        /// <summary>True when every value in this interval is also in <paramref name="other"/>.</summary>
        public bool IsSubsetOf(Interval other)
        {
            if (IsEmpty) return true;
            if (other.Lower.HasValue)
            {
                if (!Lower.HasValue) return false;
                if (Lower.Value < other.Lower.Value) return false;
                if (Lower.Value == other.Lower.Value && LowerInclusive && !other.LowerInclusive) return false;
            }

            if (other.Upper.HasValue)
            {
                if (!Upper.HasValue) return false;
                if (Upper.Value > other.Upper.Value) return false;
                if (Upper.Value == other.Upper.Value && UpperInclusive && !other.UpperInclusive) return false;
            }

            return true;
        }
    }
}
