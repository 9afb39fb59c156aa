using System;

namespace MarginRules.Population;

/// <summary>Logarithm and exponential built from IEEE-754 addition, multiplication and division only, so they give the same bits on every machine.</summary>
/// <remarks><see cref="Math.Log(double)"/> and <see cref="Math.Exp"/> call the platform's C library, whose last bit differs between
/// systems; a population must not depend on which machine generated it. Accuracy is a few units in the last place.</remarks>
internal static class PortableMath
{
    // ln 2 split as in fdlibm (Cody and Waite): the high part has trailing zero bits, so k × Ln2High is exact for every
    // exponent k a double has, and the low part carries the rest.
    private const double Ln2High = 6.93147180369123816490e-01;
    private const double Ln2Low = 1.90821492927058770002e-10;
    private const double Ln2 = 0.6931471805599453;
    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>The natural logarithm of a positive finite number.</summary>
    public static double Log(double x)
    {
        if (!(x > 0) || double.IsPositiveInfinity(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "the logarithm needs a positive finite number");
        var bits = BitConverter.DoubleToInt64Bits(x);
        var biased = (int)((bits >> 52) & 0x7FF);

        // Subnormals are scaled into the normal range by an exact power of two first.
        if (biased == 0) return Log(x * 18014398509481984.0) - 54 * Ln2High - 54 * Ln2Low;
        var exponent = biased - 1023;
        var m = BitConverter.Int64BitsToDouble((bits & 0x000FFFFFFFFFFFFFL) | 0x3FF0000000000000L);
        if (m > Sqrt2)
        {
            m *= 0.5;
            exponent++;
        }

        // ln m = 2 atanh(t) = 2 (t + t³/3 + t⁵/5 + …) with t = (m − 1)/(m + 1); |t| ≤ 0.172, so the terms to t²¹/21
        // reach below 1e-17 of the result. The coefficients are the doubles nearest 1/(2k + 1).
        var t = (m - 1) / (m + 1);
        var t2 = t * t;
        var sum = 0.047619047619047616;
        sum = sum * t2 + 0.05263157894736842;
        sum = sum * t2 + 0.058823529411764705;
        sum = sum * t2 + 0.06666666666666667;
        sum = sum * t2 + 0.07692307692307693;
        sum = sum * t2 + 0.09090909090909091;
        sum = sum * t2 + 0.1111111111111111;
        sum = sum * t2 + 0.14285714285714285;
        sum = sum * t2 + 0.2;
        sum = sum * t2 + 0.3333333333333333;
        sum = sum * t2 + 1.0;
        return exponent * Ln2High + (2 * t * sum + exponent * Ln2Low);
    }

    /// <summary>e raised to <paramref name="x"/>.</summary>
    public static double Exp(double x)
    {
        if (double.IsNaN(x)) throw new ArgumentOutOfRangeException(nameof(x), x, "the exponential needs a number");
        if (x > 709.0) return double.PositiveInfinity;
        if (x < -745.0) return 0.0;

        // e^x = 2^k e^r with |r| ≤ ln2/2; the Taylor series of e^r to r¹⁴/14! is within 1e-17 of it there.
        // The coefficients are the doubles nearest 1/n!.
        var k = Math.Round(x / Ln2);
        var r = (x - k * Ln2High) - k * Ln2Low;
        var sum = 1.1470745597729726e-11;
        sum = sum * r + 1.6059043836821616e-10;
        sum = sum * r + 2.08767569878681e-09;
        sum = sum * r + 2.505210838544172e-08;
        sum = sum * r + 2.7557319223985894e-07;
        sum = sum * r + 2.7557319223985893e-06;
        sum = sum * r + 2.48015873015873e-05;
        sum = sum * r + 0.0001984126984126984;
        sum = sum * r + 0.001388888888888889;
        sum = sum * r + 0.008333333333333333;
        sum = sum * r + 0.041666666666666664;
        sum = sum * r + 0.16666666666666666;
        sum = sum * r + 0.5;
        sum = sum * r + 1.0;
        sum = sum * r + 1.0;
        return Scale(sum, (int)k);
    }

    // value × 2^n by building 2^n from its bits; below the normal range the power is applied in two exact steps.
    private static double Scale(double value, int n)
    {
        if (n < -1022)
        {
            value *= BitConverter.Int64BitsToDouble((long)(n + 54 + 1023) << 52);
            return value * BitConverter.Int64BitsToDouble((long)(-54 + 1023) << 52);
        }

        return value * BitConverter.Int64BitsToDouble((long)(n + 1023) << 52);
    }

    /// <summary>The logistic function 1 / (1 + e^−x).</summary>
    public static double Logistic(double x) => 1.0 / (1.0 + Exp(-x));

    /// <summary>The inverse of <see cref="Logistic"/>: ln(p / (1 − p)) for 0 &lt; p &lt; 1.</summary>
    public static double Logit(double p) => Log(p / (1.0 - p));
}
