using System;
using MarginRules.Language.Binding;

namespace MarginRules.Language.Runtime
{
    /// <summary>
    /// The decimal arithmetic behind the built-in functions. The checker's constant folder, the reference evaluator
    /// and compiled policies all call these methods, so the three agree to the last digit.
    /// </summary>
    public static class PolicyMath
    {
        /// <summary>The message of the run-time error for <c>round</c> digits that are not whole or not from 0 to 28.</summary>
        public const string RoundDigitsOutOfRange = "the digits of `round` are not a whole number from 0 to 28";

        /// <summary>Digits computed at run time as an int; they must be whole and from 0 to 28.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The digits are not whole or outside 0–28.</exception>
        public static int RoundingDigits(decimal digits)
        {
            if (decimal.Truncate(digits) != digits || digits < 0m || digits > 28m)
                throw new ArgumentOutOfRangeException(nameof(digits), digits, RoundDigitsOutOfRange);
            return (int)digits;
        }

        /// <summary>Rounds to digits computed at run time, which must be whole and from 0 to 28.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The digits are not whole or outside 0–28.</exception>
        public static decimal Round(decimal value, decimal digits, RoundingMode mode) => Round(value, RoundingDigits(digits), mode);

        /// <summary>Rounds to <paramref name="digits"/> decimal places with a venue rounding mode.</summary>
        public static decimal Round(decimal value, int digits, RoundingMode mode)
        {
            switch (mode)
            {
                case RoundingMode.HalfUp: return decimal.Round(value, digits, MidpointRounding.AwayFromZero);
                case RoundingMode.HalfEven: return decimal.Round(value, digits, MidpointRounding.ToEven);
            }

            // Directed modes: nothing to do when the value has no more digits than asked for; otherwise scaling
            // by 10^digits cannot overflow because the scaled value is below the value's own mantissa.
            var scale = (decimal.GetBits(value)[3] >> 16) & 0xFF;
            if (scale <= digits) return value;
            var factor = Pow10(digits);
            var truncated = decimal.Truncate(value * factor) / factor;
            if (mode == RoundingMode.Down || truncated == value) return truncated;
            return truncated + (value > 0 ? 1m : -1m) / factor;
        }

        /// <summary>Rounds toward negative infinity to a whole number.</summary>
        public static decimal Floor(decimal value) => decimal.Floor(value);

        /// <summary>Rounds toward positive infinity to a whole number.</summary>
        public static decimal Ceil(decimal value) => decimal.Ceiling(value);

        /// <summary>The absolute value.</summary>
        public static decimal Abs(decimal value) => Math.Abs(value);

        /// <summary>The smaller of two values.</summary>
        public static decimal Min(decimal a, decimal b) => a <= b ? a : b;

        /// <summary>The larger of two values.</summary>
        public static decimal Max(decimal a, decimal b) => a >= b ? a : b;

        /// <summary>Limits a value to [lo, hi]; lo wins if the bounds cross.</summary>
        public static decimal Clamp(decimal value, decimal lo, decimal hi) => Max(lo, Min(value, hi));

        /// <summary>The square root by Newton's method in decimal, so results are exact where the root is.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
        public static decimal Sqrt(decimal value)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "square root of a negative number");
            if (value == 0) return 0;
            var x = (decimal)Math.Sqrt((double)value);
            for (var i = 0; i < 8; i++)
            {
                var next = (x + value / x) / 2m;
                if (next == x) break;
                x = next;
            }

            return x;
        }

        /// <summary>e raised to a power, by halving the argument and squaring back, in decimal.</summary>
        /// <exception cref="OverflowException">The result exceeds the decimal range.</exception>
        public static decimal Exp(decimal value)
        {
            if (value > 66m) throw new OverflowException("exp overflows decimal");
            if (value < -66m) return 0m;
            var halvings = 0;
            var x = value;
            while (Math.Abs(x) > 0.5m)
            {
                x /= 2m;
                halvings++;
            }

            // Taylor series; |x| ≤ 0.5 converges to decimal precision within 30 terms.
            decimal sum = 1m, term = 1m;
            for (var n = 1; n < 40; n++)
            {
                term = term * x / n;
                if (term == 0m) break;
                sum += term;
            }

            for (var i = 0; i < halvings; i++) sum *= sum;
            return sum;
        }

        /// <summary>The message of the run-time error for the logarithm of a number that is not positive.</summary>
        public const string LnOfNonPositive = "logarithm of a number that is not positive";

        // ln 10 to decimal's 28 digits (OEIS A002392: 2.30258509299404568401799145468436...).
        private const decimal Ln10 = 2.3025850929940456840179914547m;

        /// <summary>
        /// The natural logarithm in decimal. From 0.5 to 2, ln x = 2 atanh((x − 1) / (x + 1)) as a series, whose terms
        /// keep their relative precision however close x is to 1; elsewhere x = m × 10^k with 1 ≤ m &lt; 10, and ln m by
        /// Halley's iteration on exp (subtracting k ln 10 near 1 would cancel nearly every digit).
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
        public static decimal Ln(decimal value)
        {
            if (value <= 0) throw new ArgumentOutOfRangeException(nameof(value), value, LnOfNonPositive);
            if (value == 1m) return 0m;
            if (value >= 0.5m && value <= 2m)
            {
                // The first term 2z = 2d / (2 + d) is written d − d² / (2 + d), so d = x − 1 (exact) keeps its digits
                // when x is within 10⁻¹⁴ of 1 and z would lose them to decimal's 28 places. |z| ≤ 1/3, so the terms
                // 2 z^n / n fall below the sum's last digit within 30 of them.
                var d = value - 1m;
                var z = d / (value + 1m);
                var z2 = z * z;
                var sum = d - d * d / (value + 1m);
                var power = z * z2;
                for (var n = 3; n < 120; n += 2)
                {
                    var next = sum + 2m * power / n;
                    if (next == sum) break;
                    sum = next;
                    power *= z2;
                }

                return sum;
            }

            var k = 0;
            var m = value;
            while (m >= 10m)
            {
                m /= 10m;
                k++;
            }

            while (m < 1m)
            {
                m *= 10m;
                k--;
            }

            // Halley's step y += 2(m − e^y) / (m + e^y) triples the correct digits; from the double's 15 digits, two
            // steps reach decimal's 28, and a third absorbs the rounding of Exp's last digits.
            var y = (decimal)Math.Log((double)m);
            for (var i = 0; i < 3; i++)
            {
                var e = Exp(y);
                var step = 2m * (m - e) / (m + e);
                if (step == 0m) break;
                y += step;
            }

            return y + k * Ln10;
        }

        /// <summary>The message of the run-time error for a <c>pow</c> exponent that is not whole or is too large.</summary>
        public const string PowExponentOutOfRange = "the exponent of `pow` is not a whole number from -1000 to 1000";

        /// <summary>A base raised to an exponent computed at run time, which must be whole and at most 1000 in magnitude.</summary>
        /// <exception cref="ArgumentOutOfRangeException">The exponent is not whole or exceeds 1000 in magnitude.</exception>
        public static decimal Pow(decimal value, decimal exponent)
        {
            if (decimal.Truncate(exponent) != exponent || exponent > 1000m || exponent < -1000m)
                throw new ArgumentOutOfRangeException(nameof(exponent), exponent, PowExponentOutOfRange);
            return Pow(value, (int)exponent);
        }

        /// <summary>A base raised to a whole power by repeated squaring.</summary>
        public static decimal Pow(decimal value, int exponent)
        {
            if (exponent < 0) return 1m / Pow(value, -exponent);
            decimal result = 1m, b = value;
            var e = exponent;
            while (e > 0)
            {
                if ((e & 1) == 1) result *= b;
                e >>= 1;
                if (e > 0) b *= b;
            }

            return result;
        }

        private static decimal Pow10(int digits)
        {
            var f = 1m;
            for (var i = 0; i < digits; i++) f *= 10m;
            return f;
        }
    }
}
