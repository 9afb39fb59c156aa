namespace MarginRules.Language.Syntax
{
    /// <summary>The two margin requirements.</summary>
    public enum RequirementKind
    {
        /// <summary>The initial requirement, to open or increase positions.</summary>
        Initial,

        /// <summary>The maintenance requirement, below which margin calls and liquidations start.</summary>
        Maintenance,
    }
}
