namespace MarginRules.Language.Text
{
    /// <summary>A one-based line and column in a source text; columns count UTF-16 code units.</summary>
    public readonly struct LinePosition
    {
        /// <summary>Creates a position from a one-based line and column.</summary>
        public LinePosition(int line, int column)
        {
            Line = line;
            Column = column;
        }

        /// <summary>The one-based line number.</summary>
        public int Line { get; }

        /// <summary>The one-based column number.</summary>
        public int Column { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Line}:{Column}";
    }
}
