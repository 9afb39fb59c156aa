using System.Globalization;
using MarginRules.Population;

namespace MarginRules.Tests.Population;

/// <summary>Generated numbers become decimals with an explicit rounding and a fixed number of places.</summary>
public sealed class FixedPointTests
{
    [Theory]
    [InlineData(1.5, 3, "1.500")]
    [InlineData(0.0625, 3, "0.062")]   // 62.5 thousandths, halfway: to the even 62
    [InlineData(0.0635, 3, "0.064")]   // 0.0635 × 1000 is exactly 63.5 in doubles, halfway: to the even 64
    [InlineData(-2.345678, 2, "-2.35")]
    [InlineData(40000, 2, "40000.00")]
    public void Round_gives_the_nearest_value_with_exactly_that_many_places(double value, int decimals, string expected)
    {
        FixedPoint.Round(value, decimals).ToString(CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Theory]
    [InlineData(1.2349, 3, "1.234")]
    [InlineData(-0.0011, 3, "-0.002")] // floor goes down, not towards zero
    [InlineData(7, 0, "7")]
    public void Floor_rounds_down_with_exactly_that_many_places(double value, int decimals, string expected)
    {
        FixedPoint.Floor(value, decimals).ToString(CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Theory]
    [InlineData("1.23456", 2, "1.23")]
    [InlineData("1.5", 2, "1.50")]
    [InlineData("-1.234", 2, "-1.24")]
    public void Decimal_floor_keeps_a_fixed_scale(string value, int decimals, string expected)
    {
        FixedPoint.Floor(decimal.Parse(value, CultureInfo.InvariantCulture), decimals).ToString(CultureInfo.InvariantCulture).ShouldBe(expected);
    }

    [Fact]
    public void Units_become_decimals_of_that_scale()
    {
        FixedPoint.FromUnits(-1500, 3).ToString(CultureInfo.InvariantCulture).ShouldBe("-1.500");
        FixedPoint.FromUnits(long.MaxValue, 2).ShouldBe(92233720368547758.07m); // (2⁶³ − 1) hundredths
    }
}
