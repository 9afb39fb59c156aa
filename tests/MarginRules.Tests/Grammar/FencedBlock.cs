namespace MarginRules.Tests.Grammar;

/// <summary>A fenced code block of a Markdown document.</summary>
/// <param name="Language">The info string after the opening fence, such as <c>margin</c>; empty when there is none.</param>
/// <param name="Text">The lines between the fences, joined with "\n" and ending in "\n".</param>
/// <param name="Line">The one-based line of the opening fence.</param>
internal sealed record FencedBlock(string Language, string Text, int Line)
{
    /// <summary>True for a <c>margin</c> block that holds a whole policy rather than a fragment.</summary>
    public bool IsCompletePolicy => Language == "margin" && Text.StartsWith("policy ", StringComparison.Ordinal);

    /// <summary>The lines of the block.</summary>
    public string[] Lines => Text.Length == 0 ? [] : Text[..^1].Split('\n');

    /// <inheritdoc />
    public override string ToString() => $"line {Line}";
}
