namespace MarginRules.Language.Binding
{
    /// <summary>The auto-deleveraging ranking: a value per position; the highest is deleveraged first.</summary>
    public sealed class AdlRule
    {
        internal AdlRule(string? description, VariableSymbol variable, BoundExpression rank)
        {
            Description = description;
            Variable = variable;
            Rank = rank;
        }

        /// <summary>The description, if any.</summary>
        public string? Description { get; }

        /// <summary>The position variable.</summary>
        public VariableSymbol Variable { get; }

        /// <summary>The ranking expression.</summary>
        public BoundExpression Rank { get; }
    }
}
