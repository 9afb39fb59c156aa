using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A variable: an item of a collection in an aggregate or rule, a table row's key in an aggregate, or a function parameter.</summary>
    public sealed class VariableSymbol
    {
        internal VariableSymbol(string name, PolicyType type, CollectionKind? collection, TextSpan span, TableSymbol? table = null)
        {
            Name = name;
            Type = type;
            Collection = collection;
            Span = span;
            Table = table;
        }

        /// <summary>The variable's name.</summary>
        public string Name { get; }

        /// <summary>For function parameters, the declared type; text for a table row's key.</summary>
        public PolicyType Type { get; }

        /// <summary>For item variables, the collection iterated; null for function parameters and table row keys.</summary>
        public CollectionKind? Collection { get; }

        /// <summary>For an aggregate over a table's rows, the table whose keys it takes; null otherwise.</summary>
        public TableSymbol? Table { get; }

        /// <summary>Where the variable is declared.</summary>
        public TextSpan Span { get; }

        /// <inheritdoc />
        public override string ToString() => Name;
    }
}
