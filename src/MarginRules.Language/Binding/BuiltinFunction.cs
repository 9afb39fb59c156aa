namespace MarginRules.Language.Binding
{
    /// <summary>The language's built-in functions; a policy can call nothing else.</summary>
    public enum BuiltinFunction
    {
        /// <summary>The smallest argument.</summary>
        Min,

        /// <summary>The largest argument.</summary>
        Max,

        /// <summary>The absolute value.</summary>
        Abs,

        /// <summary>clamp(x, lo, hi).</summary>
        Clamp,

        /// <summary>Rounds toward negative infinity to a whole number.</summary>
        Floor,

        /// <summary>Rounds toward positive infinity to a whole number.</summary>
        Ceil,

        /// <summary>round(x, digits, mode).</summary>
        Round,

        /// <summary>The square root; the unit's exponents halve.</summary>
        Sqrt,

        /// <summary>e to a dimensionless power.</summary>
        Exp,

        /// <summary>A dimensionless base to a whole constant power.</summary>
        Pow,

        /// <summary>The natural logarithm of a positive dimensionless number.</summary>
        Ln,
    }
}
