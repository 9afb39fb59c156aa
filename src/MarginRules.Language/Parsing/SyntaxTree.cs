using System.Collections.Generic;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Parsing
{
    /// <summary>The result of parsing one policy text: the tree (recovered where possible) and the syntax diagnostics.</summary>
    public sealed class SyntaxTree
    {
        internal SyntaxTree(SourceText source, PolicySyntax root, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<Comment> comments, IReadOnlyList<UnparsedDeclaration> unparsed)
        {
            Unparsed = unparsed;
            Comments = comments;
            Source = source;
            Root = root;
            Diagnostics = diagnostics;
        }

        /// <summary>The parsed text.</summary>
        public SourceText Source { get; }

        /// <summary>The policy; declarations that failed to parse are left out and have a diagnostic.</summary>
        public PolicySyntax Root { get; }

        /// <summary>The tokenizer's and parser's diagnostics.</summary>
        public IReadOnlyList<Diagnostic> Diagnostics { get; }

        /// <summary>
        /// The declarations left out because they failed to parse, so the checker does not report what follows from
        /// their absence (a missing `maintenance`, an unknown name, an unused parameter) on top of the syntax error.
        /// </summary>
        internal IReadOnlyList<UnparsedDeclaration> Unparsed { get; }

        /// <summary>The comments, in source order; the formatter keeps them.</summary>
        public IReadOnlyList<Comment> Comments { get; }

        /// <summary>Parses policy text; this never throws on bad input.</summary>
        public static SyntaxTree Parse(string text, string? path = null) => PolicyParser.Parse(new SourceText(text, path));
    }
}
