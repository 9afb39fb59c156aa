namespace MarginRules.Analysis;

/// <summary>Which way a price moves from its current value.</summary>
public enum PriceDirection
{
    /// <summary>The price falls: the direction that hurts a long.</summary>
    Falling,

    /// <summary>The price rises: the direction that hurts a short.</summary>
    Rising,
}
