using System;

namespace MarginRules.Cascade.Shocks;

/// <summary>A scenario file could not be read; the properties say where, in the form editors and CI logs link to.</summary>
public sealed class ScenarioFormatException : FormatException
{
    /// <summary>Creates the exception for a problem at a 1-based line and column of a file.</summary>
    public ScenarioFormatException(string filePath, int line, int column, string field, string problem)
        : base($"{filePath}:{line}:{column}: {field}: {problem}")
    {
        FilePath = filePath;
        Line = line;
        Column = column;
        Field = field;
        Problem = problem;
    }

    /// <summary>The file as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the problem.</summary>
    public int Line { get; }

    /// <summary>The 1-based column of the problem, counted in characters.</summary>
    public int Column { get; }

    /// <summary>The JSON path of the offending field, such as <c>$.scenarios[0].steps[1].ETH</c>.</summary>
    public string Field { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }
}
