namespace MarginRules.Assessment;

/// <summary>What a liquidation takes.</summary>
public enum LiquidationTarget
{
    /// <summary>Closes derivative positions at the mark price.</summary>
    Positions,

    /// <summary>Sells collateral holdings to repay debts.</summary>
    Holdings,

    /// <summary>Buys debts in: the wallet buys each debt's asset at the mark and repays it (a broker's buy-in of a short).</summary>
    Debts,
}
