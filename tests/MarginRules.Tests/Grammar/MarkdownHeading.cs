namespace MarginRules.Tests.Grammar;

/// <summary>An ATX heading (<c>## Title</c>) of a Markdown document.</summary>
/// <param name="Level">The number of <c>#</c> signs.</param>
/// <param name="Text">The heading text after the <c>#</c> signs.</param>
/// <param name="Line">The one-based line of the heading.</param>
internal sealed record MarkdownHeading(int Level, string Text, int Line)
{
    /// <summary>The anchor GitHub gives the heading: lower case, punctuation dropped, spaces as hyphens.</summary>
    public string Anchor
    {
        get
        {
            var kept = Text.ToLowerInvariant().Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_');
            return new string(kept.ToArray()).Replace(' ', '-');
        }
    }
}
