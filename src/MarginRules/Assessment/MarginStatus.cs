namespace MarginRules.Assessment;

/// <summary>An account's standing under a policy.</summary>
public enum MarginStatus
{
    /// <summary>No margin call and no liquidation rule applies.</summary>
    Healthy,

    /// <summary>The margin-call trigger holds; no liquidation rule applies yet.</summary>
    MarginCall,

    /// <summary>A liquidation rule's trigger holds.</summary>
    Liquidatable,
}
