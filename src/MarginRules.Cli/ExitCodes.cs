namespace MarginRules.Cli;

/// <summary>The documented exit codes of <c>marginrules</c>.</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Success = 0;

    /// <summary>The policy or its tests failed (errors found, a test failed, files would be reformatted).</summary>
    public const int Failure = 1;

    /// <summary>A usage or input error: bad arguments, a missing file, malformed data.</summary>
    public const int UsageError = 2;
}
