using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MarginRules.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using PolicyDiagnostic = MarginRules.Language.Diagnostics.Diagnostic;

namespace MarginRules.Analyzers;

/// <summary>Turns a policy diagnostic into a compiler diagnostic with the same code and message.</summary>
internal static class PolicyDiagnosticConverter
{
    private const string SuggestionPrefix = "did you mean `";
    private const string SuggestionSuffix = "`?";
    private const string FractionRuleId = "MR0409";
    private const string FractionReplacementMarker = " as ";

    private static readonly ImmutableDictionary<string, DiagnosticDescriptor> RulesById =
        PolicyRules.All.ToImmutableDictionary(r => r.Id, StringComparer.Ordinal);

    /// <summary>Converts <paramref name="diagnostic"/>, reported at <paramref name="location"/>.</summary>
    /// <exception cref="KeyNotFoundException">The checker reported a code the analyzer has no rule for.</exception>
    public static Diagnostic Convert(PolicyDiagnostic diagnostic, Location location, bool exact)
    {
        if (!RulesById.TryGetValue(diagnostic.Id, out var rule))
            throw new KeyNotFoundException($"no analyzer rule for {diagnostic.Id}");
        return Diagnostic.Create(rule, location, Properties(diagnostic, exact), diagnostic.Message);
    }

    private static ImmutableDictionary<string, string?> Properties(PolicyDiagnostic diagnostic, bool exact)
    {
        var properties = ImmutableDictionary.CreateBuilder<string, string?>(StringComparer.Ordinal);
        if (exact) properties[PolicyDiagnosticProperties.Exact] = "true";
        foreach (var help in diagnostic.Help)
        {
            if (help.StartsWith(SuggestionPrefix, StringComparison.Ordinal) && help.EndsWith(SuggestionSuffix, StringComparison.Ordinal))
                properties[PolicyDiagnosticProperties.Suggestion] = help.Substring(SuggestionPrefix.Length, help.Length - SuggestionPrefix.Length - SuggestionSuffix.Length);
        }

        // MR0409's message is "write the ratio {0} as {1}"; {0} is a number, so the last " as " starts {1}.
        var marker = diagnostic.Message.LastIndexOf(FractionReplacementMarker, StringComparison.Ordinal);
        if (diagnostic.Id == FractionRuleId && marker >= 0)
            properties[PolicyDiagnosticProperties.Replacement] = diagnostic.Message.Substring(marker + FractionReplacementMarker.Length);
        return properties.ToImmutable();
    }
}
