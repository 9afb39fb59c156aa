namespace MarginRules.Language.Syntax
{
    /// <summary>The aggregates over an account's collections.</summary>
    public enum AggregateKind
    {
        /// <summary>The sum of the body.</summary>
        Sum,

        /// <summary>The minimum of the body (0 when empty).</summary>
        Min,

        /// <summary>The maximum of the body (0 when empty).</summary>
        Max,

        /// <summary>The number of items.</summary>
        Count,

        /// <summary>True when the body holds for some item.</summary>
        Any,

        /// <summary>True when the body holds for every item.</summary>
        All,
    }
}
