namespace MarginRules.Cli.PolicyTests;

/// <summary>What a test found for an expectation: a decimal, bool or string, or why there is no value (<c>no margin call</c>).</summary>
/// <param name="Value">The value, or null when there is none.</param>
/// <param name="Missing">Why there is no value; null when there is one.</param>
internal readonly record struct ActualValue(object? Value, string? Missing)
{
    /// <summary>A value that is there.</summary>
    public static ActualValue Of(object value) => new(value, null);

    /// <summary>No value, and why.</summary>
    public static ActualValue None(string why) => new(null, why);
}
