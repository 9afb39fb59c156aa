namespace MarginRules.Assessment;

/// <summary>What a liquidation takes.</summary>
public enum LiquidationTarget
{
    /// <summary>Closes derivative positions at the mark price.</summary>
    Positions,

    /// <summary>Sells collateral holdings to repay debts.</summary>
    Holdings,
}
