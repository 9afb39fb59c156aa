namespace MarginRules.Language.Syntax
{
    /// <summary>Unary operators.</summary>
    public enum UnaryOperator
    {
        /// <summary>Arithmetic negation.</summary>
        Negate,

        /// <summary>Logical negation.</summary>
        Not,
    }
}
