namespace MarginRules.Language.Syntax
{
    /// <summary>Binary operators.</summary>
    public enum BinaryOperator
    {
        /// <summary>Addition.</summary>
        Add,

        /// <summary>Subtraction.</summary>
        Subtract,

        /// <summary>Multiplication.</summary>
        Multiply,

        /// <summary>Division.</summary>
        Divide,

        /// <summary>Less than.</summary>
        Less,

        /// <summary>Less than or equal.</summary>
        LessOrEqual,

        /// <summary>Greater than.</summary>
        Greater,

        /// <summary>Greater than or equal.</summary>
        GreaterOrEqual,

        /// <summary>Equal.</summary>
        Equal,

        /// <summary>Not equal.</summary>
        NotEqual,

        /// <summary>Logical and.</summary>
        And,

        /// <summary>Logical or.</summary>
        Or,
    }
}
