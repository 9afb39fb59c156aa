using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace MarginRules.Cli.Simulation;

/// <summary>
/// A swept range as the command line writes it: <c>NAME=start..end/step</c>, such as <c>BTC=-5%..-50%/5%</c> or
/// <c>maintenance_rate=20%..40%/5%</c>. Points run from start towards end in steps of <c>step</c> (always positive); end
/// is included when a step lands on it.
/// </summary>
/// <param name="Text">The range as typed.</param>
/// <param name="Name">The asset or parameter swept.</param>
/// <param name="Numbers">The points as written numbers (−5 for <c>-5%</c>), in sweep order.</param>
/// <param name="Suffix">The unit written after the numbers (<c>%</c>, <c> USD</c>), or empty.</param>
/// <param name="StartColumn">The 1-based column of the start value, where errors about a point's value point.</param>
internal sealed record SweepRange(string Text, string Name, IReadOnlyList<decimal> Numbers, string Suffix, int StartColumn)
{
    /// <summary>The most points a sweep may have.</summary>
    public const int MaxPoints = 1000;

    private static readonly Regex Value = new(@"^(?<number>[+-]?[0-9]+(\.[0-9]+)?)(?<suffix>\s*(%|[A-Za-z]+))?$", RegexOptions.CultureInvariant);

    /// <summary>A point as the parameter override text a policy takes, such as <c>25%</c> or <c>1000 USD</c>.</summary>
    public string PointText(int index) => Numbers[index].ToString("0.############################", CultureInfo.InvariantCulture) + Suffix;

    /// <summary>A point of a percentage range as a fraction (−5% → −0.05).</summary>
    public decimal Fraction(int index) => Numbers[index] / 100m;

    /// <summary>Parses a range; <paramref name="percent"/> requires every value to be a percentage, as shock moves are.</summary>
    /// <exception cref="UsageException">The range is malformed, empty or too long; the message names the option and column.</exception>
    public static SweepRange Parse(string text, string option, bool percent)
    {
        UsageException Error(int column, string problem) => new($"error: {option} `{text}`: column {column}: {problem}");
        var example = percent ? "BTC=-5%..-50%/5%" : "maintenance_rate=20%..40%/5%";

        var equals = text.IndexOf('=');
        if (equals < 0) throw Error(1, $"expected `=`; write a range as NAME=start..end/step, as in `{example}`");
        var name = text[..equals].Trim();
        if (name.Length == 0) throw Error(1, "expected a name before `=`");

        var dots = text.IndexOf("..", equals + 1, StringComparison.Ordinal);
        if (dots < 0) throw Error(equals + 2, $"expected `start..end/step` after `=`, as in `{example}`");
        var slash = text.IndexOf('/', dots + 2);
        if (slash < 0) throw Error(text.Length + 1, $"expected `/step` after the end of the range, as in `{example}`");

        var (start, startSuffix, startColumn) = ReadValue(text, equals + 1, dots, percent, Error);
        var (end, endSuffix, endColumn) = ReadValue(text, dots + 2, slash, percent, Error);
        var (step, stepSuffix, stepColumn) = ReadValue(text, slash + 1, text.Length, percent, Error);
        if (endSuffix.Trim() != startSuffix.Trim()) throw Error(endColumn, $"the end is in `{Unit(endSuffix)}` but the start in `{Unit(startSuffix)}`; give both in the same unit");
        if (stepSuffix.Length > 0 && stepSuffix.Trim() != startSuffix.Trim()) throw Error(stepColumn, $"the step is in `{Unit(stepSuffix)}` but the range in `{Unit(startSuffix)}`");
        if (step <= 0m) throw Error(stepColumn, "the step must be positive; the points run from the start towards the end");
        if (percent)
        {
            if (start <= -100m) throw Error(startColumn, "a move must be above -100%");
            if (end <= -100m) throw Error(endColumn, "a move must be above -100%");
        }

        var count = decimal.Floor(Math.Abs(end - start) / step) + 1m;
        if (count > MaxPoints) throw Error(stepColumn, $"the range has {count.ToString(CultureInfo.InvariantCulture)} points; a sweep takes at most {MaxPoints}");
        var direction = end >= start ? 1m : -1m;
        var numbers = new List<decimal>();
        for (var k = 0; k < (int)count; k++) numbers.Add(start + (direction * k * step));
        return new SweepRange(text, name, numbers, startSuffix, startColumn);
    }

    private static string Unit(string suffix) => suffix.Length == 0 ? "plain numbers" : suffix.Trim();

    private static (decimal Number, string Suffix, int Column) ReadValue(string text, int from, int to, bool percent, Func<int, string, UsageException> error)
    {
        while (from < to && char.IsWhiteSpace(text[from])) from++;
        while (to > from && char.IsWhiteSpace(text[to - 1])) to--;
        var column = from + 1;
        if (from == to) throw error(column, percent ? "expected a percentage such as `-5%`" : "expected a number such as `20%` or `1000`");
        var value = text[from..to];
        var match = Value.Match(value);
        if (!match.Success || !decimal.TryParse(match.Groups["number"].Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
        {
            throw error(column, $"bad number `{value}`; expected {(percent ? "a percentage such as `-5%`" : "a number such as `20%` or `1000`")}");
        }

        var suffix = match.Groups["suffix"].Value;
        if (percent && suffix != "%") throw error(column, $"`{value}` needs a `%` sign; a move is a percentage such as `-5%`");
        return (number, suffix, column);
    }
}
