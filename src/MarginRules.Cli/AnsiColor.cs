namespace MarginRules.Cli;

/// <summary>The ANSI colours the CLI uses.</summary>
public enum AnsiColor
{
    /// <summary>Errors and failures.</summary>
    Red = 31,

    /// <summary>Successes.</summary>
    Green = 32,

    /// <summary>Warnings.</summary>
    Yellow = 33,

    /// <summary>Information.</summary>
    Cyan = 36,

    /// <summary>De-emphasised text.</summary>
    Gray = 90,
}
