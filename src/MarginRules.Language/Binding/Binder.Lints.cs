using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    internal sealed partial class Binder
    {
        private void RunLints(PolicySyntax root)
        {
            LintUnused(root);
            LintFractions(root);
            LintTriggers();
            LintMaintenanceAboveInitial();
            LintTables(root);
            LintDivisions();
        }

        // ---- MR0401 / MR0402: unused declarations ----

        private void LintUnused(PolicySyntax root)
        {
            // A declaration that failed to parse may be the one that used them.
            if (_tree.Unparsed.Count > 0) return;

            foreach (var p in _parameters.Values)
                if (!_used.Contains(p)) _diagnostics.Report(DiagnosticDescriptors.UnusedParameter, p.Span, p.Name);
            foreach (var v in _values.Values)
                if (v.Symbol.Kind == ValueKind.Definition && !_used.Contains(v.Symbol)) _diagnostics.Report(DiagnosticDescriptors.UnusedDefinition, v.Symbol.Span, v.Symbol.Name);
            foreach (var f in _functions.Values)
                if (!_used.Contains(f.Symbol)) _diagnostics.Report(DiagnosticDescriptors.UnusedDefinition, f.Symbol.Span, f.Symbol.Name);
            foreach (var t in _tables.Values)
                if (!_used.Contains(t)) _diagnostics.Report(DiagnosticDescriptors.UnusedDefinition, t.Span, t.Name);
        }

        // ---- MR0409: bare fractions where a ratio is declared ----

        private void LintFractions(PolicySyntax root)
        {
            foreach (var declaration in root.Declarations)
            {
                switch (declaration)
                {
                    case ParameterDeclarationSyntax p when p.Type.Name == TypeName.Ratio:
                        SuggestPercent(p.Default);
                        break;
                    case LetDeclarationSyntax l when l.Type?.Name == TypeName.Ratio:
                        SuggestPercent(l.Value);
                        break;
                    case TableDeclarationSyntax t:
                        for (var c = 0; c < t.Columns.Count; c++)
                        {
                            if (t.Columns[c].Type.Name != TypeName.Ratio) continue;
                            foreach (var row in t.Rows)
                                if (c < row.Cells.Count && row.Cells[c].Kind == CellKind.Number && !row.Cells[c].IsPercent && IsFraction(row.Cells[c].Number))
                                    ReportFraction(row.Cells[c].Span, row.Cells[c].Number);
                        }

                        break;
                }
            }
        }

        private void SuggestPercent(ExpressionSyntax e)
        {
            var literal = e as NumberLiteralSyntax;
            var negative = false;
            if (e is UnarySyntax { Operator: UnaryOperator.Negate, Operand: NumberLiteralSyntax inner })
            {
                literal = inner;
                negative = true;
            }

            if (literal == null || literal.IsPercent || literal.UnitSuffix != null || !IsFraction(literal.Value)) return;
            ReportFraction(e.Span, negative ? -literal.Value : literal.Value);
        }

        private static bool IsFraction(decimal v) => v != 0 && System.Math.Abs(v) < 1;

        private void ReportFraction(TextSpan span, decimal value) =>
            _diagnostics.Report(DiagnosticDescriptors.FractionAsPercent, span, Show(value), Show(value * 100m) + "%");

        // ---- MR0403 / MR0404: triggers that can never hold, or never win ----

        private void LintTriggers()
        {
            if (_policy.MarginCall != null && !_policy.MarginCall.When.Type.IsError && Trigger.From(_policy.MarginCall.When).NeverTrue)
                _diagnostics.Report(DiagnosticDescriptors.TriggerNeverTrue, _policy.MarginCall.When.Span, "margin_call");

            var earlier = new List<(LiquidationRule Rule, Trigger Trigger)>();
            foreach (var rule in _policy.Liquidations)
            {
                if (rule.When.Type.IsError) continue;
                var trigger = Trigger.From(rule.When);
                if (trigger.NeverTrue)
                {
                    _diagnostics.Report(DiagnosticDescriptors.TriggerNeverTrue, rule.When.Span, rule.Name);
                    continue;
                }

                var shadow = earlier.FirstOrDefault(e => trigger.Implies(e.Trigger));
                if (shadow.Rule != null)
                    _diagnostics.Report(DiagnosticDescriptors.TriggerShadowed, rule.When.Span, rule.Name, shadow.Rule.Name);
                earlier.Add((rule, trigger));
            }
        }

        // ---- MR0405: maintenance above initial ----

        private void LintMaintenanceAboveInitial()
        {
            var maintenance = _policy.Maintenance?.Value;
            var initial = _policy.Initial?.Value;
            if (maintenance == null || initial == null || maintenance.Type.IsError || initial.Type.IsError) return;

            var m = RequirementShape.From(maintenance);
            var i = RequirementShape.From(initial);
            if (m == null || i == null || m.Shape != i.Shape || m.Leaves.Count != i.Leaves.Count) return;
            var higher = false;
            for (var k = 0; k < m.Leaves.Count; k++)
            {
                var difference = (m.Leaves[k].Value - i.Leaves[k].Value) * m.Leaves[k].Polarity;
                if (difference < 0) return;
                if (difference > 0) higher = true;
            }

            if (higher)
            {
                // Shown as the factor each constant contributes: a divisor d contributes 1/d, a subtrahend −d.
                var at = m.Leaves.Select((leaf, k) => (leaf, k)).First(x => x.leaf.Value != i.Leaves[x.k].Value);
                decimal Factor(decimal v) => at.leaf.Divisor ? (v == 0 ? 0 : 1m / v) : at.leaf.Polarity < 0 ? -v : v;
                _diagnostics.Report(DiagnosticDescriptors.MaintenanceAboveInitial, _policy.Maintenance!.DeclarationSpan,
                    Show(Factor(at.leaf.Value)), Show(Factor(i.Leaves[at.k].Value)));
            }
        }

        // ---- MR0406 / MR0407: table contents ----

        private void LintTables(PolicySyntax root)
        {
            foreach (var t in root.Declarations.OfType<TableDeclarationSyntax>())
            {
                var names = t.Columns.Select(c => c.Name.Text).ToList();
                var ltv = names.IndexOf("ltv");
                var lt = new[] { "liquidation_threshold", "threshold", "lt" }.Select(n => names.IndexOf(n)).Where(ix => ix >= 0).DefaultIfEmpty(-1).First();
                for (var c = 0; c < names.Count; c++)
                {
                    if (!names[c].EndsWith("haircut", System.StringComparison.Ordinal)) continue;
                    foreach (var row in t.Rows)
                    {
                        if (c >= row.Cells.Count || row.Cells[c].Kind != CellKind.Number) continue;
                        var v = row.Cells[c].Number;
                        if (v < 0 || v > 1) _diagnostics.Report(DiagnosticDescriptors.HaircutRange, row.Cells[c].Span, Percent(v));
                    }
                }

                if (ltv < 0 || lt < 0) continue;
                foreach (var row in t.Rows)
                {
                    if (ltv >= row.Cells.Count || lt >= row.Cells.Count) continue;
                    var a = row.Cells[ltv];
                    var b = row.Cells[lt];
                    if (a.Kind == CellKind.Number && b.Kind == CellKind.Number && b.Number < a.Number)
                        _diagnostics.Report(DiagnosticDescriptors.ThresholdBelowLtv, b.Span, Percent(b.Number), Percent(a.Number), RowName(row));
                }
            }

            foreach (var p in _parameters.Values)
            {
                if (!p.Name.Contains("haircut") || !(p.Value is decimal v) || !p.Type.IsDimensionless || p.Type.IsCount) continue;
                if (v < 0 || v > 1) _diagnostics.Report(DiagnosticDescriptors.HaircutRange, p.Span, Percent(v));
            }
        }

        private string RowName(TableRowSyntax row) => row.Key.Kind == RowKeyKind.Default ? "default" : row.Key.Name ?? Source.GetText(row.Key.Span);

        private static string Percent(decimal v) => Show(v * 100m) + "%";

        // ---- MR0408: unguarded division ----

        private void LintDivisions()
        {
            var walker = new DivisionWalker(this);
            foreach (var v in _values.Values)
                if (v.State == State.Bound) walker.Walk(v.Symbol.Value);
            foreach (var f in _functions.Values)
                if (f.State == State.Bound) walker.Walk(f.Symbol.Body);
            if (_policy.MarginCall != null)
            {
                walker.Walk(_policy.MarginCall.When);
                walker.Walk(_policy.MarginCall.Amount);
            }

            foreach (var rule in _policy.Liquidations)
            {
                walker.Walk(rule.When);
                if (rule.Filter != null) walker.Walk(rule.Filter);
                // The rule reads its order key, penalty rates and `size each` share only for the items its `where` keeps.
                if (rule.OrderBy != null) walker.WalkWhere(rule.Filter, rule.OrderBy);
                if (rule.SizeValue != null && rule.SizeKind == LiquidationSizeKind.Each) walker.WalkWhere(rule.Filter, rule.SizeValue);
                else if (rule.SizeValue != null) walker.Walk(rule.SizeValue);
                if (rule.SizeTarget != null) walker.Walk(rule.SizeTarget);
                if (rule.Chunk != null) walker.Walk(rule.Chunk);
                foreach (var p in rule.Penalties) walker.WalkWhere(rule.Filter, p.Rate);
            }

            if (_policy.Adl != null) walker.Walk(_policy.Adl.Rank);
        }

        private void ReportUnguardedDivision(BoundExpression divisor) =>
            _diagnostics.Report(DiagnosticDescriptors.UnguardedDivision, divisor.Span, Source.GetText(divisor.Span));
    }
}
