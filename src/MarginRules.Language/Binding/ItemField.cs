namespace MarginRules.Language.Binding
{
    /// <summary>The fields of positions, holdings and debts.</summary>
    public enum ItemField
    {
        /// <summary>A position's instrument symbol (text).</summary>
        Symbol,

        /// <summary>A position's signed size (quantity).</summary>
        Size,

        /// <summary>A position's side: 1 long, -1 short, 0 flat (ratio).</summary>
        Side,

        /// <summary>A position's entry price.</summary>
        EntryPrice,

        /// <summary>A position's mark price from the market.</summary>
        MarkPrice,

        /// <summary>A position's absolute size times mark price (money).</summary>
        Notional,

        /// <summary>A position's unrealised PnL, size × (mark − entry) (money).</summary>
        Upnl,

        /// <summary>True for a long position.</summary>
        IsLong,

        /// <summary>True for a short position.</summary>
        IsShort,

        /// <summary>True for an isolated-margin position.</summary>
        Isolated,

        /// <summary>The margin assigned to an isolated position (money).</summary>
        IsolatedMargin,

        /// <summary>A holding's or debt's asset (text).</summary>
        Asset,

        /// <summary>A holding's or debt's quantity.</summary>
        Quantity,

        /// <summary>A holding's or debt's market price.</summary>
        Price,

        /// <summary>A holding's or debt's quantity × price (money).</summary>
        Value,
    }
}
