namespace MarginRules.Language.Syntax
{
    /// <summary>Who receives a liquidation penalty or bonus.</summary>
    public enum PenaltyRecipient
    {
        /// <summary>The liquidator (a bonus).</summary>
        Liquidator,

        /// <summary>The venue's insurance fund.</summary>
        Insurance,

        /// <summary>The protocol's treasury.</summary>
        Protocol,
    }
}
