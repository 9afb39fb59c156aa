using Microsoft.CodeAnalysis;

namespace MarginRules.Analyzers.Rules;

/// <summary>The analyzer's own rules (MRAxxx), about checking policy text rather than about the policy.</summary>
internal static class AnalyzerRules
{
    /// <summary>Where each rule's documentation lives, relative to the repository root.</summary>
    public const string HelpLinkBase = "docs/rules/";

    /// <summary>MRA001: the text reaching a policy parameter is not a compile-time constant.</summary>
    public static readonly DiagnosticDescriptor NotConstant = new(
        "MRA001",
        "Policy text cannot be checked at build time",
        "The policy text passed to `{0}` is not a constant, so it cannot be checked at build time",
        "MarginRules.Analyzer",
        DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        description: "Only constant strings (literals, concatenations of literals, const fields and locals) can be checked while building; other policy text is checked when MarginPolicy.Compile runs.",
        helpLinkUri: HelpLinkBase + "MRA001.md");

    /// <summary>MRA900: the analyzer itself failed; reported instead of letting the failure hide the policy's errors.</summary>
    public static readonly DiagnosticDescriptor InternalError = new(
        "MRA900",
        "The MarginRules analyzer failed",
        "The MarginRules analyzer failed while checking this policy text: {0}",
        "MarginRules.Analyzer",
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "An exception escaped the checker. The policy text was not checked, so this is an error rather than a silently passing build.",
        helpLinkUri: HelpLinkBase + "MRA900.md");
}
