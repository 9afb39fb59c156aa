using System.Text;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Formatting
{
    /// <summary>The canonical spelling of the small pieces of syntax: strings, cells, row keys, types and descriptions.</summary>
    internal static class SyntaxText
    {
        /// <summary>Quotes a string value, escaping exactly what the tokenizer can unescape.</summary>
        public static string Quote(string value)
        {
            var sb = new StringBuilder(value.Length + 2);
            sb.Append('"');
            foreach (var c in value)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\t': sb.Append("\\t"); break;
                    default: sb.Append(c); break;
                }
            }

            sb.Append('"');
            return sb.ToString();
        }

        /// <summary>A description with its leading space, or nothing when there is none.</summary>
        public static string Description(string? description) => description == null ? string.Empty : " " + Quote(description);

        /// <summary>A cell as written: numbers keep their digit separators, sign and percent sign.</summary>
        public static string Cell(CellSyntax cell) => cell.Kind == CellKind.String ? Quote(cell.Text) : cell.Text;

        /// <summary>A row key without its colon.</summary>
        public static string RowKey(RowKeySyntax key) => key.Kind switch
        {
            RowKeyKind.Default => "default",
            RowKeyKind.String => Quote(key.Name ?? string.Empty),
            RowKeyKind.Bracket => key.Upper == null ? Cell(key.Lower!) + " .." : Cell(key.Lower!) + " ..< " + Cell(key.Upper),
            _ => key.Name ?? string.Empty,
        };

        /// <summary>A type name.</summary>
        public static string Type(TypeSyntax type) => SyntaxFacts.Text(type.Name);

        /// <summary>A typed name such as a column or function parameter: <c>name: type</c>.</summary>
        public static string Typed(IdentifierSyntax name, TypeSyntax type) => name.Text + ": " + Type(type);
    }
}
