namespace MarginRules.Language.Syntax
{
    /// <summary>What a table's rows are keyed by.</summary>
    public enum TableKeyKind
    {
        /// <summary>Keyed by asset symbol (holdings and debts).</summary>
        Asset,

        /// <summary>Keyed by instrument symbol (positions).</summary>
        Symbol,

        /// <summary>Keyed by account tag; the first row whose tag the account has is used.</summary>
        Tag,

        /// <summary>Keyed by ranges of a value.</summary>
        Bracket,
    }
}
