namespace MarginRules.Language.Parsing
{
    /// <summary>The documented limits that keep hostile policy text from exhausting time or stack.</summary>
    public static class Limits
    {
        /// <summary>The largest policy text accepted, in UTF-16 code units (16 Mi).</summary>
        public const int MaxTextLength = 16 * 1024 * 1024;

        /// <summary>The deepest nesting of brackets, <c>if</c>s and prefix operators within one declaration.</summary>
        public const int MaxNesting = 128;

        /// <summary>The deepest expression tree, counting chained binary operators.</summary>
        public const int MaxExpressionDepth = 256;
    }
}
