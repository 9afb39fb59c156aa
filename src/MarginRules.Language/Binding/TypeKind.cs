namespace MarginRules.Language.Binding
{
    /// <summary>The kinds of value in a checked policy.</summary>
    public enum TypeKind
    {
        /// <summary>A decimal with a unit of measure.</summary>
        Number,

        /// <summary>True or false.</summary>
        Bool,

        /// <summary>A symbol, asset or tag.</summary>
        Text,

        /// <summary>The account's set of tags, only usable as a tag-table key.</summary>
        Tags,

        /// <summary>The type of an expression that already has an error; it silences follow-on errors.</summary>
        Error,
    }
}
