using System;

namespace MarginRules.Cli;

/// <summary>A usage or input error reported as one line and exit code 2.</summary>
public sealed class UsageException : Exception
{
    /// <summary>Creates the error with the line to print.</summary>
    public UsageException(string message)
        : base(message)
    {
    }
}
