using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    internal sealed partial class Binder
    {
        private void BindTable(TableDeclarationSyntax t)
        {
            var columns = new List<TableColumn>();
            foreach (var c in t.Columns)
            {
                if (columns.Any(x => x.Name == c.Name.Text))
                {
                    _diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, c.Name.Span, c.Name.Text);
                    continue;
                }

                columns.Add(new TableColumn(c.Name.Text, PolicyType.From(c.Type.Name)));
            }

            var keyType = t.Key.Kind switch
            {
                TableKeyKind.Bracket => PolicyType.From(t.Key.ValueType!.Name),
                TableKeyKind.Tag => PolicyType.TagsType,
                _ => PolicyType.TextType,
            };
            if (t.Key.Kind == TableKeyKind.Bracket && !keyType.IsNumber)
            {
                _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, t.Key.ValueType!.Span, "a number type for brackets", keyType);
                return;
            }

            var table = new TableSymbol(t.Name.Text, t.Description, t.Key.Kind, keyType, columns, t.Name.Span);
            if (_declaredNames.Contains(t.Name.Text) && !_tables.ContainsKey(t.Name.Text) && !_parameters.ContainsKey(t.Name.Text) &&
                !_values.ContainsKey(t.Name.Text) && !_functions.ContainsKey(t.Name.Text))
                _tables.Add(t.Name.Text, table);

            if (t.Rows.Count == 0)
            {
                _diagnostics.Report(DiagnosticDescriptors.EmptyTable, t.Name.Span, t.Name.Text);
                return;
            }

            if (t.Key.Kind == TableKeyKind.Bracket) BindBracketRows(t, table, columns);
            else BindKeyedRows(t, table, columns);
        }

        private object[]? BindCells(TableDeclarationSyntax t, TableRowSyntax row, IReadOnlyList<TableColumn> columns)
        {
            if (row.Cells.Count != columns.Count)
            {
                var span = row.Cells.Count > columns.Count ? row.Cells[columns.Count].Span.Union(row.Cells[row.Cells.Count - 1].Span) : row.Span;
                _diagnostics.Report(DiagnosticDescriptors.CellCount, span, row.Cells.Count, t.Name.Text, columns.Count);
                return null;
            }

            var values = new object[columns.Count];
            var ok = true;
            for (var i = 0; i < columns.Count; i++)
            {
                var cell = row.Cells[i];
                var value = CellValue(cell, columns[i].Type, columns[i].Name);
                if (value == null) ok = false;
                else values[i] = value;
            }

            return ok ? values : null;
        }

        /// <summary>Reads a cell as a value of the column's type; a percentage only fits a dimensionless column.</summary>
        private object? CellValue(CellSyntax cell, PolicyType type, string columnName)
        {
            object? value = null;
            switch (type.Kind)
            {
                case TypeKind.Number:
                    if (cell.Kind == CellKind.Number && (!cell.IsPercent || type.IsDimensionless) &&
                        (!type.IsCount || decimal.Truncate(cell.Number) == cell.Number))
                        value = cell.Number;
                    break;
                case TypeKind.Bool:
                    if (cell.Kind == CellKind.Bool) value = cell.Text == "true";
                    break;
                case TypeKind.Text:
                    if (cell.Kind == CellKind.String) value = cell.Text;
                    break;
            }

            if (value == null)
                _diagnostics.Report(DiagnosticDescriptors.CellType, cell.Span, columnName, type, Source.GetText(cell.Span));
            return value;
        }

        private void BindKeyedRows(TableDeclarationSyntax t, TableSymbol table, IReadOnlyList<TableColumn> columns)
        {
            var keys = new List<string>();
            var rows = new List<object[]>();
            var seen = new HashSet<string>(System.StringComparer.Ordinal);
            object[]? defaultRow = null;
            var defaultSeen = false;
            foreach (var row in t.Rows)
            {
                var cells = BindCells(t, row, columns);
                switch (row.Key.Kind)
                {
                    case RowKeyKind.Bracket:
                        _diagnostics.Report(DiagnosticDescriptors.RowKeyForm, row.Key.Span, $"table `{t.Name.Text}` is keyed by {table.KeyKind.ToString().ToLowerInvariant()}; a bracket range only fits a table keyed by a value");
                        continue;
                    case RowKeyKind.Default:
                        if (defaultSeen)
                        {
                            _diagnostics.Report(DiagnosticDescriptors.DuplicateRow, row.Key.Span, t.Name.Text, "default");
                            continue;
                        }

                        defaultSeen = true;
                        defaultRow = cells;
                        continue;
                    default:
                        var key = row.Key.Name!;
                        if (!seen.Add(key))
                        {
                            _diagnostics.Report(DiagnosticDescriptors.DuplicateRow, row.Key.Span, t.Name.Text, key);
                            continue;
                        }

                        if (cells != null)
                        {
                            keys.Add(key);
                            rows.Add(cells);
                        }

                        continue;
                }
            }

            table.Keys = keys;
            table.Rows = rows;
            table.DefaultRow = defaultRow;
        }

        private void BindBracketRows(TableDeclarationSyntax t, TableSymbol table, IReadOnlyList<TableColumn> columns)
        {
            var lowers = new List<decimal>();
            var uppers = new List<decimal?>();
            var rows = new List<object[]>();
            TableRowSyntax? previous = null;
            decimal? previousUpper = null;
            var ordered = true;
            var name = t.Name.Text;
            foreach (var row in t.Rows)
            {
                var cells = BindCells(t, row, columns);
                if (row.Key.Kind != RowKeyKind.Bracket)
                {
                    _diagnostics.Report(DiagnosticDescriptors.RowKeyForm, row.Key.Span, $"table `{name}` is keyed by ranges of `{t.Key.ValueName!.Text}`; write the row key as `lower ..< upper` or `lower ..`");
                    continue;
                }

                var lowerValue = CellValue(row.Key.Lower!, table.KeyType, t.Key.ValueName!.Text);
                var upperValue = row.Key.Upper == null ? null : CellValue(row.Key.Upper, table.KeyType, t.Key.ValueName!.Text);
                if (lowerValue == null || (row.Key.Upper != null && upperValue == null)) continue;
                var lower = (decimal)lowerValue;
                var upper = (decimal?)upperValue;
                if (upper.HasValue && upper.Value <= lower)
                {
                    _diagnostics.Report(DiagnosticDescriptors.BracketOrder, row.Key.Span, $"bracket `{Source.GetText(row.Key.Span)}` is empty: its upper bound must be above its lower bound");
                    continue;
                }

                if (previous != null)
                {
                    if (!previousUpper.HasValue)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.BracketOrder, previous.Key.Span, $"only the last bracket of `{name}` may be open-ended");
                    }
                    else if (lower < lowers[lowers.Count - 1])
                    {
                        _diagnostics.Report(DiagnosticDescriptors.BracketOrder, row.Key.Lower!.Span, $"brackets of `{name}` must be in ascending order: {Show(lower)} comes after {Show(lowers[lowers.Count - 1])}");
                        ordered = false;
                    }
                    else if (lower > previousUpper.Value)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.BracketGap, row.Key.Lower!.Span, Show(lower), Show(previousUpper.Value));
                    }
                    else if (lower < previousUpper.Value)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.BracketOverlap, row.Key.Lower!.Span, Show(lower), Show(previousUpper.Value));
                    }
                }

                previous = row;
                previousUpper = upper;
                lowers.Add(lower);
                uppers.Add(upper);
                if (cells != null) rows.Add(cells);
            }

            if (lowers.Count == 0 || !ordered) return;

            // Coverage: a positive first bound leaves small values uncovered; a closed last bracket leaves large ones.
            if (lowers[0] > 0)
                _diagnostics.Report(DiagnosticDescriptors.BracketCoverage, t.Rows[0].Key.Span, name, $"values below {Show(lowers[0])}");
            if (uppers[uppers.Count - 1].HasValue)
                _diagnostics.Report(DiagnosticDescriptors.BracketCoverage, t.Rows[t.Rows.Count - 1].Key.Span, name, $"values at or above {Show(uppers[uppers.Count - 1]!.Value)}");

            table.LowerBounds = lowers;
            table.UpperBounds = uppers;
            table.Rows = rows;
        }
    }
}
