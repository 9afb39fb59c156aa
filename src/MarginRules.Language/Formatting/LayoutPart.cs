using System.Collections.Generic;
using MarginRules.Language.Parsing;

namespace MarginRules.Language.Formatting
{
    /// <summary>
    /// One piece of the output that comments attach to: the header, a one-line declaration, or one line of a block
    /// (a clause, a table row, a brace). It covers the source tokens after the previous part up to <see cref="SourceEnd"/>.
    /// </summary>
    internal sealed class LayoutPart
    {
        public LayoutPart(int sourceEnd, int commentIndent, IReadOnlyList<string> lines)
        {
            SourceEnd = sourceEnd;
            CommentIndent = commentIndent;
            Lines = lines;
        }

        /// <summary>The source offset just past the part's last token.</summary>
        public int SourceEnd { get; }

        /// <summary>The indentation of comments printed above the part.</summary>
        public int CommentIndent { get; }

        /// <summary>The formatted lines, indentation included.</summary>
        public IReadOnlyList<string> Lines { get; }

        /// <summary>Comments printed on their own lines above the part, in source order.</summary>
        public List<PlacedComment> Leading { get; } = new List<PlacedComment>();

        /// <summary>The comment that ended the part's last line in the source, kept at the end of its last line.</summary>
        public Comment? Trailing { get; set; }
    }
}
