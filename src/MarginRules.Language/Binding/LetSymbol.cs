using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A named value computed once per account: a definition, an export, the equity or a requirement.</summary>
    public sealed class LetSymbol
    {
        internal LetSymbol(string name, ValueKind kind, string? description, TextSpan span)
        {
            Kind = kind;
            Name = name;
            Description = description;
            Span = span;
        }

        /// <summary>The definition's name.</summary>
        public string Name { get; }

        /// <summary>What the value is declared as.</summary>
        public ValueKind Kind { get; }

        /// <summary>The description, if any.</summary>
        public string? Description { get; }

        /// <summary>The span of the declaration's name.</summary>
        public TextSpan Span { get; }

        /// <summary>The checked type.</summary>
        public PolicyType Type { get; internal set; } = PolicyType.ErrorType;

        /// <summary>The checked defining expression.</summary>
        public BoundExpression Value { get; internal set; } = null!;

        /// <summary>The span of the whole declaration.</summary>
        public TextSpan DeclarationSpan { get; internal set; }
    }
}
