using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;

namespace MarginRules.Language.Binding
{
    /// <summary>The outcome of checking a policy: its diagnostics, and the checked policy when there are no errors.</summary>
    public sealed class PolicyCheckResult
    {
        internal PolicyCheckResult(SyntaxTree tree, BoundPolicy? policy, IReadOnlyList<Diagnostic> diagnostics)
        {
            Tree = tree;
            Policy = policy;
            Diagnostics = diagnostics;
        }

        /// <summary>The syntax tree.</summary>
        public SyntaxTree Tree { get; }

        /// <summary>The checked policy, or null when there are errors.</summary>
        public BoundPolicy? Policy { get; }

        /// <summary>Every diagnostic, ordered by position.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>True when at least one diagnostic is an error.</summary>
        public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
    }
}
