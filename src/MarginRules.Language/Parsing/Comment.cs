using MarginRules.Language.Text;

namespace MarginRules.Language.Parsing
{
    /// <summary>A <c>#</c> comment: its span (including the <c>#</c>) and its text after the <c>#</c>.</summary>
    public sealed class Comment
    {
        /// <summary>Creates a comment.</summary>
        public Comment(TextSpan span, string text)
        {
            Span = span;
            Text = text;
        }

        /// <summary>The span from <c>#</c> to the end of the line.</summary>
        public TextSpan Span { get; }

        /// <summary>The text after <c>#</c>, without the line break.</summary>
        public string Text { get; }

        /// <inheritdoc />
        public override string ToString() => "#" + Text;
    }
}
