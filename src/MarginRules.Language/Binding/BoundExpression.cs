using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A checked expression: every node has a type with units, and points back at its source.</summary>
    public abstract class BoundExpression
    {
        /// <summary>Creates a node with its type and span.</summary>
        protected BoundExpression(PolicyType type, TextSpan span)
        {
            Type = type;
            Span = span;
        }

        /// <summary>The checked type.</summary>
        public PolicyType Type { get; }

        /// <summary>The source span of the expression.</summary>
        public TextSpan Span { get; }
    }
}
