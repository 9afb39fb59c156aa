using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A top-level declaration of a policy.</summary>
    public abstract class DeclarationSyntax : SyntaxNode
    {
        /// <summary>Creates a declaration covering <paramref name="span"/>.</summary>
        protected DeclarationSyntax(TextSpan span)
            : base(span)
        {
        }
    }
}
