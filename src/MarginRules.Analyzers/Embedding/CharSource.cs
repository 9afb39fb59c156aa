using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace MarginRules.Analyzers.Embedding;

/// <summary>Where one UTF-16 code unit of a constant string comes from in the C# source.</summary>
internal readonly struct CharSource
{
    public CharSource(SyntaxTree tree, TextSpan span, bool exact)
    {
        Tree = tree;
        Span = span;
        Exact = exact;
    }

    /// <summary>The file holding the character.</summary>
    public SyntaxTree Tree { get; }

    /// <summary>The source characters that produce it: one, an escape sequence, or a whole expression.</summary>
    public TextSpan Span { get; }

    /// <summary>False when <see cref="Span"/> is a whole expression standing in for a character it cannot pin down.</summary>
    public bool Exact { get; }
}
