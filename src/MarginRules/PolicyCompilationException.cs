using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Diagnostics;

namespace MarginRules;

/// <summary>A policy did not compile; <see cref="Diagnostics"/> holds every diagnostic, not just the first.</summary>
public sealed class PolicyCompilationException : Exception
{
    internal PolicyCompilationException(IReadOnlyList<Diagnostic> diagnostics)
        : base(BuildMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Every diagnostic of the failed compilation, in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    private static string BuildMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        var head = errors.Count == 1 ? "the policy has 1 error" : $"the policy has {errors.Count} errors";
        return head + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
    }
}
