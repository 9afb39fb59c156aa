using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using MarginRules.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace MarginRules.CodeFixes;

/// <summary>Replaces an unknown name, member, function or column inside policy text with the checker's suggestion.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DidYouMeanCodeFix))]
[Shared]
public sealed class DidYouMeanCodeFix : CodeFixProvider
{
    /// <summary>The equivalence key shared by every suggestion, so Fix All applies each diagnostic's own one.</summary>
    public const string EquivalenceKey = "MarginRules.DidYouMean";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create("MR0101", "MR0103", "MR0104", "MR0106");

    /// <inheritdoc />
    public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc />
    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!diagnostic.Properties.TryGetValue(PolicyDiagnosticProperties.Suggestion, out var suggestion) || suggestion == null) continue;
            var escaped = await LiteralEdit.PrepareAsync(context.Document, diagnostic, suggestion, context.CancellationToken).ConfigureAwait(false);
            if (escaped == null) continue;
            var span = diagnostic.Location.SourceSpan;
            context.RegisterCodeFix(
                CodeAction.Create($"Did you mean `{suggestion}`?", ct => LiteralEdit.ApplyAsync(context.Document, span, escaped, ct), EquivalenceKey),
                diagnostic);
        }
    }
}
