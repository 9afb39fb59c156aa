using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>table[key]</c>: a table lookup.</summary>
    public sealed class IndexSyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public IndexSyntax(TextSpan span, ExpressionSyntax target, ExpressionSyntax key)
            : base(span)
        {
            Target = target;
            Key = key;
        }

        /// <summary>The table.</summary>
        public ExpressionSyntax Target { get; }

        /// <summary>The key.</summary>
        public ExpressionSyntax Key { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new IndexSyntax(span, Target, Key);

        /// <inheritdoc />
        public override string ToString() => $"{Target}[{Key}]";
    }
}
