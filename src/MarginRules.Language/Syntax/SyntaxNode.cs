using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A node of the syntax tree. Every node knows its exact source span; <see cref="object.ToString"/> prints its structure without spans.</summary>
    public abstract class SyntaxNode
    {
        /// <summary>Creates a node covering <paramref name="span"/>.</summary>
        protected SyntaxNode(TextSpan span)
        {
            Span = span;
        }

        /// <summary>The source span the node was parsed from.</summary>
        public TextSpan Span { get; }

        /// <summary>Quotes a string for structural printing, or <c>-</c> for null.</summary>
        protected static string Q(string? s) => s == null ? "-" : "\"" + s.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }
}
