using MarginRules.Language.Binding;

namespace MarginRules.Evaluation;

/// <summary>One named value in an evaluation trace.</summary>
/// <param name="Name">The value's name.</param>
/// <param name="Kind">What it is declared as.</param>
/// <param name="Value">The value: a decimal, bool or string.</param>
/// <param name="Unit">Its type with units, such as <c>money</c>.</param>
/// <param name="Line">The one-based line of its declaration.</param>
/// <param name="Column">The one-based column of its name.</param>
/// <param name="Expression">Its defining expression, as written.</param>
/// <param name="Description">Its description, if any.</param>
public sealed record TraceEntry(string Name, ValueKind Kind, object Value, string Unit, int Line, int Column, string Expression, string? Description);
