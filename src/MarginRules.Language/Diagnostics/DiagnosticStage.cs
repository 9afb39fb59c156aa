namespace MarginRules.Language.Diagnostics
{
    /// <summary>The checking stage a diagnostic belongs to; it is also the hundreds digit of its code.</summary>
    public enum DiagnosticStage
    {
        /// <summary>Tokens and grammar (MR00xx).</summary>
        Syntax = 0,

        /// <summary>Name resolution and declarations (MR01xx).</summary>
        Names = 1,

        /// <summary>Types and units of measure (MR02xx).</summary>
        Units = 2,

        /// <summary>Keyed and bracket tables (MR03xx).</summary>
        Tables = 3,

        /// <summary>Lints: legal but suspicious policies (MR04xx).</summary>
        Lints = 4,
    }
}
