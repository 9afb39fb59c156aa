using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using MarginRules.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MarginRules.CodeFixes;

/// <summary>Rewrites a bare fraction in policy text as a percentage (MR0409), such as <c>0.25</c> to <c>25%</c>.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(FractionToPercentCodeFix))]
[Shared]
public sealed class FractionToPercentCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key for Fix All.</summary>
    public const string EquivalenceKey = "MarginRules.FractionToPercent";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("MR0409");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PolicyDiagnosticProperties.Replacement, out var percent) || percent == null) continue;
            var escaped = await LiteralEdit.PrepareAsync(context.Document, diagnostic, percent, context.CancellationToken).ConfigureAwait(false);
            if (escaped == null) continue;
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create($"Write as {percent}", ct => LiteralEdit.ApplyAsync(context.Document, span, escaped, ct), EquivalenceKey),
                diagnostic);
        }
    }
}
