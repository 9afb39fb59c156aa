namespace MarginRules.Tests.Grammar;

/// <summary>A piece of a line and the TextMate scope a grammar gives it.</summary>
/// <param name="Text">The text matched.</param>
/// <param name="Scope">The scope name, such as <c>keyword.other.clause.marginrules</c>.</param>
internal sealed record HighlightedToken(string Text, string Scope);
