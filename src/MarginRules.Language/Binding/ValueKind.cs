namespace MarginRules.Language.Binding
{
    /// <summary>What a named value is declared as.</summary>
    public enum ValueKind
    {
        /// <summary>A <c>let</c> definition.</summary>
        Definition,

        /// <summary>An <c>export</c>, reported with every assessment.</summary>
        Export,

        /// <summary>The account's equity.</summary>
        Equity,

        /// <summary>The initial requirement.</summary>
        Initial,

        /// <summary>The maintenance requirement.</summary>
        Maintenance,
    }
}
