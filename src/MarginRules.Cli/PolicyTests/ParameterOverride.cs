using MarginRules.Data;

namespace MarginRules.Cli.PolicyTests;

/// <summary>A parameter value a test file gives, with the node it came from so a wrong unit is reported there.</summary>
/// <param name="Value">A decimal, a bool, or text as the command line takes it (<c>"30%"</c>, <c>"5000 USD"</c>).</param>
/// <param name="Node">The value's node in the test file.</param>
internal sealed record ParameterOverride(object Value, DataNode Node);
