namespace MarginRules.Language.Syntax
{
    /// <summary>The types of the language: units of measure, bool and text.</summary>
    public enum TypeName
    {
        /// <summary>Money in the policy's quote currency.</summary>
        Money,

        /// <summary>A quantity of an asset or contracts.</summary>
        Quantity,

        /// <summary>Money per unit of quantity.</summary>
        Price,

        /// <summary>A dimensionless ratio, written as a percentage.</summary>
        Ratio,

        /// <summary>A dimensionless whole number.</summary>
        Count,

        /// <summary>True or false.</summary>
        Bool,

        /// <summary>A symbol, asset or tag.</summary>
        Text,

        /// <summary>One of the account's positions; only a function parameter has it.</summary>
        Position,

        /// <summary>One of the account's holdings; only a function parameter has it.</summary>
        Holding,

        /// <summary>One of the account's debts; only a function parameter has it.</summary>
        Debt,
    }
}
