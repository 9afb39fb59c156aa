namespace MarginRules.Language.Diagnostics
{
    /// <summary>How serious a diagnostic is; only errors stop a policy from compiling.</summary>
    public enum DiagnosticSeverity
    {
        /// <summary>Information, such as a suggestion; never fails a build.</summary>
        Info,

        /// <summary>A lint: the policy compiles but is probably wrong.</summary>
        Warning,

        /// <summary>The policy cannot be compiled.</summary>
        Error,
    }
}
