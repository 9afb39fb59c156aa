namespace MarginRules.Language.Syntax
{
    /// <summary>The kinds of literal cell.</summary>
    public enum CellKind
    {
        /// <summary>A number or percentage.</summary>
        Number,

        /// <summary>True or false.</summary>
        Bool,

        /// <summary>A string.</summary>
        String,
    }
}
