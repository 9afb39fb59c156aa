namespace MarginRules.Language.Syntax
{
    /// <summary>The form of a row key.</summary>
    public enum RowKeyKind
    {
        /// <summary>A bare identifier key.</summary>
        Name,

        /// <summary>A quoted key.</summary>
        String,

        /// <summary>The default row.</summary>
        Default,

        /// <summary>A bracket range.</summary>
        Bracket,
    }
}
