namespace MarginRules.Language.Binding
{
    /// <summary>A typed table column.</summary>
    public sealed class TableColumn
    {
        internal TableColumn(string name, PolicyType type)
        {
            Name = name;
            Type = type;
        }

        /// <summary>The column's name.</summary>
        public string Name { get; }

        /// <summary>The column's type.</summary>
        public PolicyType Type { get; }
    }
}
