using System.Collections.Generic;
using MarginRules.Language.Parsing;

namespace MarginRules.Language.Formatting
{
    /// <summary>Decides where each comment of the source goes in the output, so that none is lost.</summary>
    internal static class CommentPlacement
    {
        /// <summary>
        /// A comment that ended the line of a part's last token stays at the end of that part's last line. Any other
        /// comment goes on its own line above the part holding the next token: comments between parts stay between
        /// them, and comments inside a part (within an expression) move above it. Comments after the last token are
        /// returned for the end of the file.
        /// </summary>
        public static IReadOnlyList<PlacedComment> Attach(
            IReadOnlyList<Comment> comments, IReadOnlyList<LayoutPart> parts, SourceTokens tokens, out bool blankLineBeforeEnd)
        {
            var end = new List<PlacedComment>();
            for (var k = 0; k < comments.Count; k++)
            {
                var comment = comments[k];
                var next = tokens.FirstAtOrAfter(comment.Span.Start);
                var previous = next - 1;
                var nextItem = next < tokens.Count ? tokens.Start(next) : tokens.Text.Length;
                if (k + 1 < comments.Count && comments[k + 1].Span.Start < nextItem) nextItem = comments[k + 1].Span.Start;

                var previousPart = previous >= 0 ? PartOf(parts, tokens.End(previous)) : -1;
                if (previous >= 0 && parts[previousPart].SourceEnd == tokens.End(previous) && !tokens.HasLineBreak(tokens.End(previous), comment.Span.Start))
                {
                    parts[previousPart].Trailing = comment;
                    continue;
                }

                if (next < tokens.Count)
                {
                    var part = PartOf(parts, tokens.End(next));

                    // A blank line after a comment inside a part is dropped: kept above the part, it would read as a
                    // separator between declarations that the source did not have.
                    var keepBlank = previousPart != part && tokens.HasBlankLine(comment.Span.End, nextItem);
                    parts[part].Leading.Add(new PlacedComment(comment, keepBlank));
                }
                else end.Add(new PlacedComment(comment, tokens.HasBlankLine(comment.Span.End, nextItem)));
            }

            var lastTokenEnd = tokens.Count == 0 ? 0 : tokens.End(tokens.Count - 1);
            blankLineBeforeEnd = end.Count > 0 && tokens.HasBlankLine(lastTokenEnd, end[0].Comment.Span.Start);
            return end;
        }

        /// <summary>The index of the part holding the token that ends at <paramref name="tokenEnd"/>.</summary>
        private static int PartOf(IReadOnlyList<LayoutPart> parts, int tokenEnd)
        {
            int lo = 0, hi = parts.Count - 1;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (parts[mid].SourceEnd < tokenEnd) lo = mid + 1;
                else hi = mid;
            }

            return lo;
        }
    }
}
