using System;

namespace MarginRules.Cascade.Shocks;

/// <summary>
/// The standard normal quantile function, computed only with IEEE 754 addition, multiplication, division and square
/// root, which every conforming machine rounds identically. Box–Muller would need sin, cos and log from the C
/// runtime, whose last bits differ between platforms.
/// </summary>
internal static class StandardNormal
{
    private const double Ln2 = 0.6931471805599453;
    private const double Sqrt2 = 1.4142135623730951;

    /// <summary>Φ⁻¹(p) by Wichura's algorithm AS241 PPND16 (Applied Statistics 37(3), 1988), relative error about 1e-16.</summary>
    public static double InverseCdf(double p)
    {
        if (!(p > 0.0 && p < 1.0)) throw new ArgumentOutOfRangeException(nameof(p), p, "p must be strictly between 0 and 1");

        var q = p - 0.5;
        if (Math.Abs(q) <= 0.425)
        {
            var r = 0.180625 - q * q;
            var num = (((((((2.5090809287301226727e+3 * r + 3.3430575583588128105e+4) * r + 6.7265770927008700853e+4) * r
                + 4.5921953931549871457e+4) * r + 1.3731693765509461125e+4) * r + 1.9715909503065514427e+3) * r
                + 1.3314166789178437745e+2) * r + 3.3871328727963666080e+0) * q;
            var den = ((((((5.2264952788528545610e+3 * r + 2.8729085735721942674e+4) * r + 3.9307895800092710610e+4) * r
                + 2.1213794301586595867e+4) * r + 5.3941960214247511077e+3) * r + 6.8718700749205790830e+2) * r
                + 4.2313330701600911252e+1) * r + 1.0;
            return num / den;
        }

        var tail = Math.Sqrt(-Log(q < 0.0 ? p : 1.0 - p));
        double x;
        if (tail <= 5.0)
        {
            var r = tail - 1.6;
            var num = ((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r + 2.41780725177450611770e-1) * r
                + 1.27045825245236838258e+0) * r + 3.64784832476320460504e+0) * r + 5.76949722146069140550e+0) * r
                + 4.63033784615654529590e+0) * r + 1.42343711074968357734e+0;
            var den = ((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r + 1.51986665636164571966e-2) * r
                + 1.48103976427480074590e-1) * r + 6.89767334985100004550e-1) * r + 1.67638483018380384940e+0) * r
                + 2.05319162663775882187e+0) * r + 1.0;
            x = num / den;
        }
        else
        {
            var r = tail - 5.0;
            var num = ((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r + 1.24266094738807843860e-3) * r
                + 2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r + 1.78482653991729133580e+0) * r
                + 5.46378491116411436990e+0) * r + 6.65790464350110377720e+0;
            var den = ((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r + 1.84631831751005468180e-5) * r
                + 7.86869131145613259100e-4) * r + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                + 5.99832206555887937690e-1) * r + 1.0;
            x = num / den;
        }

        return q < 0.0 ? -x : x;
    }

    /// <summary>
    /// The natural logarithm of a positive normal double: x = m·2ᵉ with m in [√½, √2), then
    /// ln m = 2·atanh(s), s = (m − 1)/(m + 1), summed to a fixed 15 odd powers (|s| ≤ 0.172, so the last term is below 1e-23).
    /// </summary>
    public static double Log(double x)
    {
        if (!(x > 0.0) || double.IsInfinity(x) || !double.IsNormal(x))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "log needs a positive, finite, normal double");
        }

        var bits = BitConverter.DoubleToInt64Bits(x);
        var exponent = (int)((bits >> 52) & 0x7FF) - 1023;
        var mantissa = BitConverter.Int64BitsToDouble((bits & 0x000F_FFFF_FFFF_FFFFL) | 0x3FF0_0000_0000_0000L);
        if (mantissa > Sqrt2)
        {
            mantissa /= 2.0;
            exponent++;
        }

        var s = (mantissa - 1.0) / (mantissa + 1.0);
        var s2 = s * s;
        var sum = 0.0;
        for (var k = 29; k >= 1; k -= 2) sum = sum * s2 + 1.0 / k;
        return exponent * Ln2 + 2.0 * s * sum;
    }
}
