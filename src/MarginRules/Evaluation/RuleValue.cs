namespace MarginRules.Evaluation;

/// <summary>The account-level values of a liquidation rule.</summary>
internal enum RuleValue
{
    /// <summary>The fraction, the amount, or the ratio to restore.</summary>
    Size,

    /// <summary>The restore target.</summary>
    Target,

    /// <summary>The largest amount per step.</summary>
    Chunk,
}
