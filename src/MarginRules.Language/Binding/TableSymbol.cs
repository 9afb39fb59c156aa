using System.Collections.Generic;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>
    /// A checked table. Keyed tables map a text key to a row (with an optional default row); bracket tables
    /// map a value to the row whose half-open range [lower, upper) contains it.
    /// </summary>
    public sealed class TableSymbol
    {
        internal TableSymbol(string name, string? description, TableKeyKind keyKind, PolicyType keyType, IReadOnlyList<TableColumn> columns, TextSpan span)
        {
            Name = name;
            Description = description;
            KeyKind = keyKind;
            KeyType = keyType;
            Columns = columns;
            Span = span;
        }

        /// <summary>The table's name.</summary>
        public string Name { get; }

        /// <summary>The description, if any.</summary>
        public string? Description { get; }

        /// <summary>What rows are keyed by.</summary>
        public TableKeyKind KeyKind { get; }

        /// <summary>The type of the lookup key: text, tags, or the bracketed value's unit.</summary>
        public PolicyType KeyType { get; }

        /// <summary>The columns.</summary>
        public IReadOnlyList<TableColumn> Columns { get; }

        /// <summary>The span of the declaration's name.</summary>
        public TextSpan Span { get; }

        /// <summary>For keyed tables, each row's key in source order (the default row is not listed).</summary>
        public IReadOnlyList<string> Keys { get; internal set; } = new string[0];

        /// <summary>Each row's cells (decimal, bool or string), in the order of <see cref="Keys"/> or of the brackets.</summary>
        public IReadOnlyList<object[]> Rows { get; internal set; } = new object[0][];

        /// <summary>For keyed tables, the default row's cells, or null.</summary>
        public object[]? DefaultRow { get; internal set; }

        /// <summary>For bracket tables, each bracket's inclusive lower bound, ascending.</summary>
        public IReadOnlyList<decimal> LowerBounds { get; internal set; } = new decimal[0];

        /// <summary>For bracket tables, each bracket's exclusive upper bound; null for an open-ended last bracket.</summary>
        public IReadOnlyList<decimal?> UpperBounds { get; internal set; } = new decimal?[0];

        /// <summary>Finds a column by name; -1 if there is none.</summary>
        public int ColumnIndex(string name)
        {
            for (var i = 0; i < Columns.Count; i++)
                if (Columns[i].Name == name) return i;
            return -1;
        }
    }
}
