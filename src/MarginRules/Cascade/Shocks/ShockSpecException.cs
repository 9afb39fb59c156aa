using System;

namespace MarginRules.Cascade.Shocks;

/// <summary>A shock spec from the command line could not be read; <see cref="Column"/> says where.</summary>
public sealed class ShockSpecException : FormatException
{
    /// <summary>Creates the exception for a problem at a 1-based column of the spec.</summary>
    public ShockSpecException(int column, string problem)
        : base($"column {column}: {problem}")
    {
        Column = column;
        Problem = problem;
    }

    /// <summary>The 1-based character position in the spec where the problem starts.</summary>
    public int Column { get; }

    /// <summary>What is wrong, without the position.</summary>
    public string Problem { get; }
}
