using MarginRules.Population;

namespace MarginRules.Tests.Population;

/// <summary>The portable logarithm and exponential agree with the platform's to within a few units in the last place.</summary>
public sealed class PortableMathTests
{
    // The platform's Math.Log and Math.Exp are accurate to within 1 ulp; 4 ulp (about 9e-16 relative) leaves room for both.
    private const double Tolerance = 9e-16;

    [Fact]
    public void Log_matches_the_platform_logarithm()
    {
        foreach (var x in Samples(1e-300, 1e300))
        {
            var expected = Math.Log(x);
            Math.Abs(PortableMath.Log(x) - expected).ShouldBeLessThanOrEqualTo(Tolerance * Math.Max(1.0, Math.Abs(expected)), $"ln {x:R}");
        }
    }

    [Fact]
    public void Exp_matches_the_platform_exponential()
    {
        for (var x = -700.0; x <= 700.0; x += 0.37)
        {
            var expected = Math.Exp(x);
            Math.Abs(PortableMath.Exp(x) - expected).ShouldBeLessThanOrEqualTo(Tolerance * expected, $"exp {x:R}");
        }
    }

    [Fact]
    public void Exact_points_are_exact()
    {
        PortableMath.Log(1.0).ShouldBe(0.0);
        PortableMath.Exp(0.0).ShouldBe(1.0);
        PortableMath.Logistic(0.0).ShouldBe(0.5);
        PortableMath.Log(double.Epsilon).ShouldBe(Math.Log(double.Epsilon), 1e-12); // the smallest subnormal, 2^−1074
    }

    [Fact]
    public void Log_rejects_what_has_no_real_logarithm()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => PortableMath.Log(0.0));
        Should.Throw<ArgumentOutOfRangeException>(() => PortableMath.Log(-1.0));
        Should.Throw<ArgumentOutOfRangeException>(() => PortableMath.Log(double.NaN));
    }

    // Numbers spread log-uniformly over the range, plus the neighbourhood of 1 where the series does its real work.
    private static IEnumerable<double> Samples(double low, double high)
    {
        for (var x = low; x < high; x *= 1.37) yield return x;
        for (var x = 0.5; x < 2.0; x += 0.0013) yield return x;
    }
}
