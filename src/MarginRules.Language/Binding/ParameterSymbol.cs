using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A declared parameter with its default and its effective value (the default unless overridden).</summary>
    public sealed class ParameterSymbol
    {
        internal ParameterSymbol(string name, string? description, PolicyType type, TextSpan span)
        {
            Name = name;
            Description = description;
            Type = type;
            Span = span;
        }

        /// <summary>The parameter's name.</summary>
        public string Name { get; }

        /// <summary>The description, if any.</summary>
        public string? Description { get; }

        /// <summary>The declared type.</summary>
        public PolicyType Type { get; }

        /// <summary>The span of the declaration's name.</summary>
        public TextSpan Span { get; }

        /// <summary>The default written in the policy: a decimal, bool or string (null if it had errors).</summary>
        public object? DefaultValue { get; internal set; }

        /// <summary>The value the policy is compiled with.</summary>
        public object? Value { get; internal set; }

        /// <summary>True when <see cref="Value"/> comes from an override.</summary>
        public bool IsOverridden { get; internal set; }
    }
}
