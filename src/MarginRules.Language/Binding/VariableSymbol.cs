using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A variable: an item of a collection in an aggregate or rule, or a function parameter.</summary>
    public sealed class VariableSymbol
    {
        internal VariableSymbol(string name, PolicyType type, CollectionKind? collection, TextSpan span)
        {
            Name = name;
            Type = type;
            Collection = collection;
            Span = span;
        }

        /// <summary>The variable's name.</summary>
        public string Name { get; }

        /// <summary>For function parameters, the declared type.</summary>
        public PolicyType Type { get; }

        /// <summary>For item variables, the collection iterated; null for function parameters.</summary>
        public CollectionKind? Collection { get; }

        /// <summary>Where the variable is declared.</summary>
        public TextSpan Span { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
