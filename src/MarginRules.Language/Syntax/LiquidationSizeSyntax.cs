using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>How much a liquidation rule takes.</summary>
    public sealed class LiquidationSizeSyntax : SyntaxNode
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public LiquidationSizeSyntax(TextSpan span, LiquidationSizeKind kind, ExpressionSyntax? value, ExpressionSyntax? target)
            : base(span)
        {
            Kind = kind;
            Value = value;
            Target = target;
        }

        /// <summary>The kind of size.</summary>
        public LiquidationSizeKind Kind { get; }

        /// <summary>The fraction, amount or restored ratio expression.</summary>
        public ExpressionSyntax? Value { get; }

        /// <summary>For <c>restore</c>, the target ratio.</summary>
        public ExpressionSyntax? Target { get; }

        /// <inheritdoc />
        public override string ToString() => $"(size {Kind.ToString().ToLowerInvariant()} {(object?)Value ?? "-"} {(object?)Target ?? "-"})";
    }
}
