using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MarginRules.Analyzers.Embedding;

/// <summary>
/// Reads the constant policy text of a C# expression and maps it back to the literals that spell it, following
/// parentheses, <c>+</c> concatenations and const fields and locals to their declarations.
/// </summary>
internal static class PolicyTextReader
{
    // Const declarations can refer to each other; a chain this long is not worth following.
    private const int MaxConstDepth = 8;

    /// <summary>Maps <paramref name="expression"/>, whose constant value is <paramref name="text"/>.</summary>
    public static PolicyTextMap Read(ExpressionSyntax expression, string text, SemanticModel model, CancellationToken cancellation)
    {
        var chars = new List<CharSource>(text.Length);
        if (!Append(expression, model, chars, 0, cancellation) || chars.Count != text.Length)
        {
            chars.Clear();
            AppendWhole(expression, text.Length, chars);
        }

        return new PolicyTextMap(text, chars, expression.GetLocation());
    }

    private static bool Append(ExpressionSyntax expression, SemanticModel? model, List<CharSource> chars, int depth, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var before = chars.Count;
        if (AppendExact(expression, model, chars, depth, cancellation)) return true;
        chars.RemoveRange(before, chars.Count - before);

        // The part cannot be pinned down character by character: every character it yields points at all of it.
        if (model == null || model.GetConstantValue(expression, cancellation) is not { HasValue: true, Value: string value }) return false;
        AppendWhole(expression, value.Length, chars);
        return true;
    }

    private static bool AppendExact(ExpressionSyntax expression, SemanticModel? model, List<CharSource> chars, int depth, CancellationToken cancellation)
    {
        switch (expression)
        {
            case ParenthesizedExpressionSyntax parenthesized:
                return Append(parenthesized.Expression, model, chars, depth, cancellation);
            case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                return StringLiteralMap.TryAppend(literal.Token, chars);
            case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.AddExpression):
                // Only a concatenation of two strings maps part by part; "1 + 2 + \"x\"" folds numbers first.
                if (model != null && (!IsString(binary.Left, model, cancellation) || !IsString(binary.Right, model, cancellation))) return false;
                return Append(binary.Left, model, chars, depth, cancellation) && Append(binary.Right, model, chars, depth, cancellation);
            case IdentifierNameSyntax or MemberAccessExpressionSyntax when model != null && depth < MaxConstDepth:
                return AppendConstDeclaration(model.GetSymbolInfo(expression, cancellation).Symbol, model, chars, depth, cancellation);
            default:
                return false;
        }
    }

    private static bool AppendConstDeclaration(ISymbol? symbol, SemanticModel model, List<CharSource> chars, int depth, CancellationToken cancellation)
    {
        var isConst = symbol is IFieldSymbol { IsConst: true } or ILocalSymbol { IsConst: true };
        if (!isConst || symbol!.DeclaringSyntaxReferences.Length != 1) return false;
        if (symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellation) is not VariableDeclaratorSyntax { Initializer.Value: { } value }) return false;

        // A declaration in another file is mapped by its syntax alone: asking for that file's semantic model from
        // inside an analyzer action is expensive and discouraged (RS1030).
        var declarationModel = value.SyntaxTree == model.SyntaxTree ? model : null;
        return Append(value, declarationModel, chars, depth + 1, cancellation);
    }

    private static bool IsString(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellation) =>
        model.GetTypeInfo(expression, cancellation).Type?.SpecialType == SpecialType.System_String;

    private static void AppendWhole(ExpressionSyntax expression, int length, List<CharSource> chars)
    {
        var source = new CharSource(expression.SyntaxTree, expression.Span, exact: false);
        for (var i = 0; i < length; i++) chars.Add(source);
    }
}
