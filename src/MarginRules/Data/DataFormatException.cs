using System;

namespace MarginRules.Data;

/// <summary>A data file (market, portfolio or account JSON) that cannot be loaded, with the exact place of the offending value.</summary>
/// <remarks>The message reads <c>path:line:col: error: reason (at field)</c>, the layout compilers use, so editors can jump to it.</remarks>
public sealed class DataFormatException : Exception
{
    /// <summary>Creates the exception for a problem at a one-based line and column of a file.</summary>
    public DataFormatException(string path, int line, int column, string field, string reason)
        : this(path, line, column, field, reason, null)
    {
    }

    /// <summary>Creates the exception for a problem at a one-based line and column of a file, keeping the exception that revealed it.</summary>
    public DataFormatException(string path, int line, int column, string field, string reason, Exception? innerException)
        : base($"{path}:{line}:{column}: error: {reason} (at {field})", innerException)
    {
        Path = path;
        Line = line;
        Column = column;
        Field = field;
        Reason = reason;
    }

    /// <summary>The file the problem is in, as the caller named it.</summary>
    public string Path { get; }

    /// <summary>The one-based line of the offending value.</summary>
    public int Line { get; }

    /// <summary>The one-based column of the offending value, counted in UTF-16 code units like the policy diagnostics.</summary>
    public int Column { get; }

    /// <summary>The JSON path of the offending value, such as <c>accounts[3].positions[0].size</c>; <c>$</c> for the whole document.</summary>
    public string Field { get; }

    /// <summary>The problem alone, without the location: the part of the message after <c>error:</c> and before <c>(at …)</c>.</summary>
    public string Reason { get; }
}
