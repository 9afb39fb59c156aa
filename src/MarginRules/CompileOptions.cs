using System.Collections.Generic;

namespace MarginRules;

/// <summary>Options for <see cref="MarginPolicy.Compile"/>.</summary>
public sealed record CompileOptions
{
    /// <summary>
    /// Parameter values that replace the policy's defaults: decimals, bools, strings, or text as the CLI takes it
    /// (<c>"30%"</c>, <c>"5000"</c>, <c>"5000 USD"</c>). An unknown name or a value of the wrong unit is a compile error.
    /// </summary>
    public IReadOnlyDictionary<string, object>? Parameters { get; init; }

    /// <summary>When true, warnings fail the compilation as errors do.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>When true, evaluates with the tree-walking reference evaluator instead of compiled code (for tests and comparisons).</summary>
    public bool UseReferenceEvaluator { get; init; }
}
