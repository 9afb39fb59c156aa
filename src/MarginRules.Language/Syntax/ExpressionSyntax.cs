using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>An expression.</summary>
    public abstract class ExpressionSyntax : SyntaxNode
    {
        /// <summary>Creates an expression covering <paramref name="span"/>.</summary>
        protected ExpressionSyntax(TextSpan span)
            : base(span)
        {
        }

        /// <summary>The same expression with another span, as when parentheses around it are part of its source.</summary>
        public abstract ExpressionSyntax WithSpan(TextSpan span);
    }
}
