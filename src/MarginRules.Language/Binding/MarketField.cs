namespace MarginRules.Language.Binding
{
    /// <summary>Values the market provides per asset.</summary>
    public enum MarketField
    {
        /// <summary>The mark price.</summary>
        Price,

        /// <summary>The volatility estimate (ratio).</summary>
        Volatility,

        /// <summary>The market's open interest in base units (quantity), as the quote gives it.</summary>
        OpenInterest,
    }
}
