namespace MarginRules.Language.Syntax
{
    /// <summary>How much a liquidation rule takes.</summary>
    public enum LiquidationSizeKind
    {
        /// <summary>Everything.</summary>
        All,

        /// <summary>A fraction of the base (a close factor).</summary>
        Fraction,

        /// <summary>A money amount.</summary>
        Amount,

        /// <summary>As much as needed to bring a ratio back to a target.</summary>
        Restore,

        /// <summary>A share of every item taken, evaluated per item (<c>size each</c>).</summary>
        Each,

        /// <summary>Every holding taken whole; the account is credited each holding's value less its penalties (Compound III absorb).</summary>
        Whole,
    }
}
