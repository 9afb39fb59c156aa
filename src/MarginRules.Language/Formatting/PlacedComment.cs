using MarginRules.Language.Parsing;

namespace MarginRules.Language.Formatting
{
    /// <summary>A comment printed on its own line, and whether the blank line that followed it in the source is kept.</summary>
    internal sealed class PlacedComment
    {
        public PlacedComment(Comment comment, bool blankLineAfter)
        {
            Comment = comment;
            BlankLineAfter = blankLineAfter;
        }

        public Comment Comment { get; }

        public bool BlankLineAfter { get; }
    }
}
