namespace MarginRules.Language.Binding
{
    /// <summary>The account's collections.</summary>
    public enum CollectionKind
    {
        /// <summary>Open derivative positions.</summary>
        Positions,

        /// <summary>Collateral holdings.</summary>
        Holdings,

        /// <summary>Borrowed assets.</summary>
        Debts,
    }
}
