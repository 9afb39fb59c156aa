using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;

namespace MarginRules.Language.Formatting
{
    /// <summary>Lays out a table: one row per line, keys padded to one width and cells aligned in columns.</summary>
    internal static class TableLayout
    {
        public static IReadOnlyList<LayoutPart> Parts(TableDeclarationSyntax table, SourceTokens tokens, int indent)
        {
            var key = table.Key.Kind == TableKeyKind.Bracket
                ? SyntaxText.Typed(table.Key.ValueName!, table.Key.ValueType!)
                : table.Key.Kind.ToString().ToLowerInvariant();
            var parts = new List<LayoutPart>
            {
                new LayoutPart(
                    tokens.EndOfNext(TokenKind.LBrace, table.Key.Span.End),
                    0,
                    new[] { $"table {table.Name.Text}{SyntaxText.Description(table.Description)} by {key} {{" }),
                new LayoutPart(
                    table.Columns[table.Columns.Count - 1].Span.End,
                    indent,
                    new[] { new string(' ', indent) + "columns " + string.Join(", ", table.Columns.Select(c => SyntaxText.Typed(c.Name, c.Type))) }),
            };

            var rows = RowLines(table.Rows, indent);
            for (var i = 0; i < rows.Count; i++) parts.Add(new LayoutPart(table.Rows[i].Span.End, indent, new[] { rows[i] }));
            parts.Add(new LayoutPart(table.Span.End, indent, new[] { "}" }));
            return parts;
        }

        /// <summary>
        /// Keys are left-aligned after which the cells start in one column; a column whose cells are all numbers is
        /// right-aligned so digits line up, any other column is left-aligned. Each comma follows its cell directly.
        /// </summary>
        private static IReadOnlyList<string> RowLines(IReadOnlyList<TableRowSyntax> rows, int indent)
        {
            var keys = rows.Select(r => SyntaxText.RowKey(r.Key) + ":").ToArray();
            var cells = rows.Select(r => r.Cells.Select(SyntaxText.Cell).ToArray()).ToArray();
            var keyWidth = keys.Length == 0 ? 0 : keys.Max(k => k.Length);
            var columnCount = rows.Count == 0 ? 0 : rows.Max(r => r.Cells.Count);
            var widths = new int[columnCount];
            var numeric = new bool[columnCount];
            for (var j = 0; j < columnCount; j++)
            {
                numeric[j] = true;
                for (var i = 0; i < rows.Count; i++)
                {
                    if (j >= rows[i].Cells.Count) continue;
                    widths[j] = Math.Max(widths[j], cells[i][j].Length);
                    numeric[j] &= rows[i].Cells[j].Kind == CellKind.Number;
                }
            }

            var lines = new List<string>(rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                var sb = new StringBuilder();
                sb.Append(' ', indent).Append(keys[i].PadRight(keyWidth));
                for (var j = 0; j < cells[i].Length; j++)
                {
                    var last = j == cells[i].Length - 1;
                    var text = cells[i][j];
                    sb.Append(' ');
                    if (numeric[j]) sb.Append(text.PadLeft(widths[j])).Append(last ? string.Empty : ",");
                    else sb.Append(last ? text : (text + ",").PadRight(widths[j] + 1));
                }

                lines.Add(sb.ToString());
            }

            return lines;
        }
    }
}
