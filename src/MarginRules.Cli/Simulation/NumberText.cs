using System;
using System.Globalization;

namespace MarginRules.Cli.Simulation;

/// <summary>How simulation output writes numbers: invariant culture, thousands separators, fixed decimals.</summary>
internal static class NumberText
{
    /// <summary>An amount of money with two decimals: <c>1,234,567.89</c>.</summary>
    public static string Money(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("#,0.00", CultureInfo.InvariantCulture);

    /// <summary>A price: two decimals from 1 up, six decimals below 1 and scientific notation below 0.0001 so that a collapsing price stays readable.</summary>
    public static string Price(decimal value)
    {
        if (Math.Abs(value) >= 1m || value == 0m) return Money(value);
        if (Math.Abs(value) >= 0.0001m) return Math.Round(value, 6, MidpointRounding.AwayFromZero).ToString("0.000000", CultureInfo.InvariantCulture);
        return ((double)value).ToString("0.#####E+0", CultureInfo.InvariantCulture);
    }

    /// <summary>A relative move or share as a percentage with two decimals: <c>-20.00%</c>.</summary>
    public static string Percent(decimal fraction) =>
        Math.Round(fraction * 100m, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "%";

    /// <summary>An amplification factor with two decimals: <c>1.23×</c>.</summary>
    public static string Factor(decimal value) =>
        Math.Round(value, 2, MidpointRounding.AwayFromZero).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    /// <summary>A count with thousands separators.</summary>
    public static string Count(int value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>A count of accounts with the noun: <c>1 account</c>, <c>2 accounts</c>.</summary>
    public static string Accounts(int count) => count == 1 ? "1 account" : $"{Count(count)} accounts";

    /// <summary>A decimal with all its digits and no trailing zeros, as a parameter or setting was written.</summary>
    public static string Exact(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
