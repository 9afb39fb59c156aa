using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Analyzers.Embedding;
using MarginRules.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using PolicyDiagnostic = MarginRules.Language.Diagnostics.Diagnostic;
using RoslynLinePosition = Microsoft.CodeAnalysis.Text.LinePosition;
using RoslynLinePositionSpan = Microsoft.CodeAnalysis.Text.LinePositionSpan;
using RoslynTextSpan = Microsoft.CodeAnalysis.Text.TextSpan;

namespace MarginRules.Analyzers;

/// <summary>The checks for one compilation that references the marker attribute.</summary>
internal sealed class EmbeddedPolicyCheck
{
    private const string MarginExtension = ".margin";

    private readonly INamedTypeSymbol _marker;
    private readonly Func<string, string, IReadOnlyList<PolicyDiagnostic>> _check;

    // A const used in several places is checked at each use but its diagnostics point at its one declaration.
    private readonly ConcurrentDictionary<(string Id, string Path, int Start, int Length, string Message), byte> _reported = new();

    // The same text (a const used in several places) is checked once per file that uses it.
    private readonly ConcurrentDictionary<(string Text, string Path), IReadOnlyList<PolicyDiagnostic>> _checked = new();

    public EmbeddedPolicyCheck(INamedTypeSymbol marker, Func<string, string, IReadOnlyList<PolicyDiagnostic>> check)
    {
        _marker = marker;
        _check = check;
    }

    /// <summary>An argument for a marked parameter, in a call or an attribute constructor.</summary>
    public void AnalyzeArgument(OperationAnalysisContext context)
    {
        var argument = (IArgumentOperation)context.Operation;
        if (argument.ArgumentKind != ArgumentKind.Explicit || argument.Parameter is not { } parameter || !IsMarked(parameter)) return;
        Analyze(context, argument.Value, parameter.Name);
    }

    /// <summary>An assignment to a marked field or property, including object initializers and named attribute arguments.</summary>
    public void AnalyzeAssignment(OperationAnalysisContext context)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        ISymbol? target = assignment.Target switch
        {
            IPropertyReferenceOperation property => property.Property,
            IFieldReferenceOperation field => field.Field,
            _ => null,
        };
        if (target != null && IsMarked(target)) Analyze(context, assignment.Value, target.Name);
    }

    /// <summary>The initializer of a marked field, const or property.</summary>
    public void AnalyzeInitializer(OperationAnalysisContext context)
    {
        ISymbol? target = context.Operation switch
        {
            IFieldInitializerOperation field => field.InitializedFields.FirstOrDefault(IsMarked),
            IPropertyInitializerOperation property => property.InitializedProperties.FirstOrDefault(IsMarked),
            _ => null,
        };
        if (target != null) Analyze(context, ((ISymbolInitializerOperation)context.Operation).Value, target.Name);
    }

    /// <summary>A <c>.margin</c> file passed to the compiler as an additional file.</summary>
    public void AnalyzeAdditionalFile(AdditionalFileAnalysisContext context)
    {
        var path = context.AdditionalFile.Path;
        if (!path.EndsWith(MarginExtension, StringComparison.OrdinalIgnoreCase)) return;
        try
        {
            var text = context.AdditionalFile.GetText(context.CancellationToken);
            if (text == null) return;
            var content = text.ToString();
            foreach (var d in _check(content, path))
            {
                var start = Math.Min(d.Span.Start, content.Length);
                var span = new RoslynTextSpan(start, Math.Min(d.Span.Length, content.Length - start));

                // The checker's own line and column, so the build prints the same position as `marginrules check`.
                var lines = new RoslynLinePositionSpan(
                    new RoslynLinePosition(d.Start.Line - 1, d.Start.Column - 1),
                    new RoslynLinePosition(d.End.Line - 1, d.End.Column - 1));
                context.ReportDiagnostic(PolicyDiagnosticConverter.Convert(d, Location.Create(path, span, lines), exact: false));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(AnalyzerRules.InternalError, Location.Create(path, default, default), Describe(e)));
        }
    }

    private void Analyze(OperationAnalysisContext context, IOperation value, string targetName)
    {
        try
        {
            value = Unwrap(value);
            if (value.Syntax is not ExpressionSyntax expression) return;
            if (!value.ConstantValue.HasValue)
            {
                if (!ForwardsMarkedValue(value))
                    context.ReportDiagnostic(Diagnostic.Create(AnalyzerRules.NotConstant, expression.GetLocation(), targetName));
                return;
            }

            // A null constant is not policy text; Compile rejects it at run time.
            if (value.ConstantValue.Value is not string text || value.SemanticModel is not { } model) return;
            var diagnostics = _checked.GetOrAdd((text, expression.SyntaxTree.FilePath), key => _check(key.Text, key.Path));

            // Most policies are clean; mapping the text back to the literals is only worth it for one that is not.
            if (diagnostics.Count == 0) return;
            var map = PolicyTextReader.Read(expression, text, model, context.CancellationToken);
            foreach (var d in diagnostics)
            {
                var location = map.Locate(d.Span, out var exact);
                var diagnostic = PolicyDiagnosticConverter.Convert(d, location, exact);
                var key = (d.Id, location.SourceTree?.FilePath ?? string.Empty, location.SourceSpan.Start, location.SourceSpan.Length, d.Message);
                if (_reported.TryAdd(key, 0)) context.ReportDiagnostic(diagnostic);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            context.ReportDiagnostic(Diagnostic.Create(AnalyzerRules.InternalError, value.Syntax.GetLocation(), Describe(e)));
        }
    }

    private static IOperation Unwrap(IOperation value)
    {
        while (value is IConversionOperation { IsImplicit: true } conversion) value = conversion.Operand;
        return value;
    }

    // Text read from another marked parameter, field or property is checked where that one is given its value.
    private bool ForwardsMarkedValue(IOperation value) => value switch
    {
        IParameterReferenceOperation p => IsMarked(p.Parameter),
        IFieldReferenceOperation f => IsMarked(f.Field),
        IPropertyReferenceOperation p => IsMarked(p.Property),
        _ => false,
    };

    private bool IsMarked(ISymbol symbol)
    {
        // The attribute is inherited: an override's parameter or property is marked when the overridden one is.
        for (var current = symbol.OriginalDefinition; current != null; current = Overridden(current))
        {
            foreach (var attribute in current.GetAttributes())
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, _marker)) return true;
        }

        return false;
    }

    private static ISymbol? Overridden(ISymbol symbol) => symbol switch
    {
        IPropertySymbol property => property.OverriddenProperty,
        IParameterSymbol { ContainingSymbol: IMethodSymbol { OverriddenMethod: { } method } } parameter when parameter.Ordinal < method.Parameters.Length =>
            method.Parameters[parameter.Ordinal],
        _ => null,
    };

    private static string Describe(Exception e) => $"{e.GetType().FullName}: {e.Message}";
}
