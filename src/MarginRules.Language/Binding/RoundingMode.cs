namespace MarginRules.Language.Binding
{
    /// <summary>Rounding modes used by venues.</summary>
    public enum RoundingMode
    {
        /// <summary>Nearest, ties away from zero.</summary>
        HalfUp,

        /// <summary>Nearest, ties to even (banker's rounding).</summary>
        HalfEven,

        /// <summary>Toward zero (truncation).</summary>
        Down,

        /// <summary>Away from zero.</summary>
        Up,
    }
}
