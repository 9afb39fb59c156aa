using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using MarginRules.Analyzers.Rules;
using MarginRules.Language.Binding;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using PolicyDiagnostic = MarginRules.Language.Diagnostics.Diagnostic;

namespace MarginRules.Analyzers;

/// <summary>
/// Checks MarginRules policy text at build time: constant strings that reach a parameter, field or property marked
/// <c>[MarginPolicySyntax]</c>, and <c>.margin</c> additional files. Each policy diagnostic keeps its code, message and
/// severity and points at the exact characters inside the C# literal.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MarginPolicyAnalyzer : DiagnosticAnalyzer
{
    /// <summary>The marker attribute's metadata name; a compilation without it has no policy text to check.</summary>
    public const string MarkerAttributeName = "MarginRules.MarginPolicySyntaxAttribute";

    private static readonly ImmutableArray<DiagnosticDescriptor> Supported =
        PolicyRules.All.Add(AnalyzerRules.NotConstant).Add(AnalyzerRules.InternalError);

    private readonly Func<string, string, IReadOnlyList<PolicyDiagnostic>> _check;

    /// <summary>Creates the analyzer with the MarginRules checker.</summary>
    public MarginPolicyAnalyzer()
        : this((text, path) => PolicyChecker.Check(text, path).Diagnostics)
    {
    }

    /// <summary>Creates the analyzer with another checker, so tests can make checking fail.</summary>
    internal MarginPolicyAnalyzer(Func<string, string, IReadOnlyList<PolicyDiagnostic>> check)
    {
        _check = check;
    }

    /// <inheritdoc />
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => Supported;

    /// <inheritdoc />
    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.RegisterCompilationStartAction(Start);
    }

    private void Start(CompilationStartAnalysisContext context)
    {
        // Projects that don't reference MarginRules pay for this one lookup and nothing else.
        var marker = context.Compilation.GetTypeByMetadataName(MarkerAttributeName);
        if (marker == null) return;

        var check = new EmbeddedPolicyCheck(marker, _check);
        context.RegisterOperationAction(check.AnalyzeArgument, OperationKind.Argument);
        context.RegisterOperationAction(check.AnalyzeAssignment, OperationKind.SimpleAssignment);
        context.RegisterOperationAction(check.AnalyzeInitializer, OperationKind.FieldInitializer, OperationKind.PropertyInitializer);
        context.RegisterAdditionalFileAction(check.AnalyzeAdditionalFile);
    }
}
