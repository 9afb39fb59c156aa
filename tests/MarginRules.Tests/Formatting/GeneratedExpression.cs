namespace MarginRules.Tests.Formatting;

/// <summary>
/// Generated expression text and how loosely it binds (0 = <c>if</c>, 1 = <c>or</c>, 2 = <c>and</c>, 3 = <c>not</c>,
/// 4 = comparison, 5 = <c>+</c>/<c>-</c>, 6 = <c>*</c>/<c>/</c>, 7 = negation, 8 = postfix or primary), so that the
/// generator adds the parentheses the grammar needs.
/// </summary>
internal sealed record GeneratedExpression(string Text, int Level)
{
    /// <summary>The text, parenthesized when it binds looser than <paramref name="minimumLevel"/>.</summary>
    public string At(int minimumLevel) => Level >= minimumLevel ? Text : "(" + Text + ")";
}
