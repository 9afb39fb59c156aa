namespace MarginRules.Analyzers;

/// <summary>Keys of the properties the analyzer attaches to a policy diagnostic for the code fixes.</summary>
public static class PolicyDiagnosticProperties
{
    /// <summary>Present ("true") when the location spells exactly the policy span inside one string literal.</summary>
    public const string Exact = "MarginRules.Exact";

    /// <summary>The name suggested by a "did you mean" help line.</summary>
    public const string Suggestion = "MarginRules.Suggestion";

    /// <summary>The text that should replace the span, such as <c>25%</c> for a bare fraction.</summary>
    public const string Replacement = "MarginRules.Replacement";
}
