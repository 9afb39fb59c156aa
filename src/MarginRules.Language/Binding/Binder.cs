using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MarginRules.Language.Diagnostics;
using MarginRules.Language.Parsing;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>
    /// Resolves names and checks types and units, turning a syntax tree into a <see cref="BoundPolicy"/>.
    /// It reports every error it finds; an expression with an error gets the error type, which silences follow-on errors.
    /// </summary>
    internal sealed partial class Binder
    {
        private enum State
        {
            Unbound,
            Binding,
            Bound,
        }

        private sealed class ValueEntry
        {
            public ValueEntry(LetSymbol symbol, ExpressionSyntax syntax, TypeSyntax? declaredType, TextSpan nameSpan)
            {
                Symbol = symbol;
                Syntax = syntax;
                DeclaredType = declaredType;
                NameSpan = nameSpan;
            }

            public LetSymbol Symbol { get; }

            public ExpressionSyntax Syntax { get; }

            public TypeSyntax? DeclaredType { get; }

            public TextSpan NameSpan { get; }

            public State State { get; set; }
        }

        private sealed class FunctionEntry
        {
            public FunctionEntry(FunctionSymbol symbol, FunctionDeclarationSyntax syntax)
            {
                Symbol = symbol;
                Syntax = syntax;
            }

            public FunctionSymbol Symbol { get; }

            public FunctionDeclarationSyntax Syntax { get; }

            public State State { get; set; }
        }

        private readonly SyntaxTree _tree;
        private readonly DiagnosticBag _diagnostics;
        private readonly IReadOnlyDictionary<string, object>? _overrides;
        private readonly BoundPolicy _policy;
        private readonly Dictionary<string, ParameterSymbol> _parameters = new Dictionary<string, ParameterSymbol>(StringComparer.Ordinal);
        private readonly Dictionary<string, TableSymbol> _tables = new Dictionary<string, TableSymbol>(StringComparer.Ordinal);
        private readonly Dictionary<string, ValueEntry> _values = new Dictionary<string, ValueEntry>(StringComparer.Ordinal);
        private readonly Dictionary<string, FunctionEntry> _functions = new Dictionary<string, FunctionEntry>(StringComparer.Ordinal);
        private readonly HashSet<object> _used = new HashSet<object>();
        private readonly List<LetSymbol> _valueOrder = new List<LetSymbol>();
        private readonly List<VariableSymbol> _scope = new List<VariableSymbol>();
        private readonly List<string> _bindingStack = new List<string>();
        private readonly Dictionary<ParameterDeclarationSyntax, ParameterSymbol> _parameterSyntax = new Dictionary<ParameterDeclarationSyntax, ParameterSymbol>();
        private bool _constantContext;
        private bool _inLiquidationTrigger;

        private Binder(SyntaxTree tree, IReadOnlyDictionary<string, object>? overrides)
        {
            _tree = tree;
            _overrides = overrides;
            _diagnostics = new DiagnosticBag(tree.Source);
            _policy = new BoundPolicy(tree.Source);
        }

        private SourceText Source => _tree.Source;

        /// <summary>True when a declaration starting with <paramref name="keyword"/> (and named <paramref name="name"/>, if given) failed to parse.</summary>
        private bool Unparsed(TokenKind keyword, string? name = null) =>
            _tree.Unparsed.Any(u => u.Keyword == keyword && (name == null || u.Name == name));

        /// <summary>True when a declaration of this name failed to parse, whatever its kind: a reference to it is not reported again.</summary>
        private bool UnparsedName(string name) => _tree.Unparsed.Any(u => u.Name == name);

        /// <summary>Checks a parsed policy; the policy is null when there are errors.</summary>
        public static (BoundPolicy? Policy, IReadOnlyList<Diagnostic> Diagnostics) Bind(SyntaxTree tree, IReadOnlyDictionary<string, object>? overrides)
        {
            var binder = new Binder(tree, overrides);
            binder._diagnostics.AddRange(tree.Diagnostics);
            binder.BindPolicy(tree.Root);
            var ordered = binder._diagnostics.Items
                .Select((d, i) => (d, i))
                .OrderBy(x => x.d.Span.Start)
                .ThenBy(x => x.i)
                .Select(x => x.d)
                .ToArray();
            var hasErrors = ordered.Any(d => d.Severity == DiagnosticSeverity.Error);
            return (hasErrors ? null : binder._policy, ordered);
        }

        private void BindPolicy(PolicySyntax root)
        {
            _policy.Name = root.Header.Name;
            _policy.Version = root.Header.Version;
            _policy.Currency = root.Header.Currency?.Text;

            DeclareAll(root);
            ApplyOverrides();
            BindParameters(root);
            foreach (var table in root.Declarations.OfType<TableDeclarationSyntax>())
                BindTable(table);

            foreach (var entry in _functions.Values) BindFunctionBody(entry, entry.Syntax.Name.Span);
            foreach (var entry in _values.Values) BindValue(entry, entry.NameSpan);

            _policy.Lets = _valueOrder.ToArray();
            _policy.Exports = _values.Values.Where(v => v.Symbol.Kind == ValueKind.Export).Select(v => v.Symbol).ToArray();
            _policy.Functions = _functions.Values.Select(f => f.Symbol).ToArray();
            _policy.Parameters = _parameters.Values.ToArray();
            _policy.Tables = _tables.Values.ToArray();

            var equity = _values.Values.FirstOrDefault(v => v.Symbol.Kind == ValueKind.Equity);
            var maintenance = _values.Values.FirstOrDefault(v => v.Symbol.Kind == ValueKind.Maintenance);
            var initial = _values.Values.FirstOrDefault(v => v.Symbol.Kind == ValueKind.Initial);
            // A requirement whose declaration failed to parse already has its syntax error.
            if (equity != null) _policy.Equity = equity.Symbol;
            else if (!Unparsed(TokenKind.Equity)) _diagnostics.Report(DiagnosticDescriptors.MissingDeclaration, HeaderSpan(root), "equity");
            if (maintenance != null) _policy.Maintenance = maintenance.Symbol;
            else if (!Unparsed(TokenKind.Maintenance)) _diagnostics.Report(DiagnosticDescriptors.MissingDeclaration, HeaderSpan(root), "maintenance");
            _policy.Initial = initial?.Symbol;

            var liquidations = new List<LiquidationRule>();
            foreach (var declaration in root.Declarations)
            {
                switch (declaration)
                {
                    case MarginCallDeclarationSyntax call:
                        _policy.MarginCall = BindMarginCall(call);
                        break;
                    case LiquidationDeclarationSyntax liquidation:
                        var rule = BindLiquidation(liquidation);
                        if (rule != null) liquidations.Add(rule);
                        break;
                    case AdlDeclarationSyntax adl:
                        _policy.Adl = BindAdl(adl);
                        break;
                }
            }

            _policy.Liquidations = liquidations;
            RunLints(root);
        }

        private static TextSpan HeaderSpan(PolicySyntax root) =>
            root.Header.Span.Length > 0 ? new TextSpan(root.Header.Span.Start, "policy".Length) : new TextSpan(0, 0);

        // ---------- Declarations ----------

        private void DeclareAll(PolicySyntax root)
        {
            var singletons = new HashSet<string>(StringComparer.Ordinal);
            foreach (var declaration in root.Declarations)
            {
                switch (declaration)
                {
                    case ParameterDeclarationSyntax p:
                        if (CheckNewName(p.Name))
                        {
                            var symbol = new ParameterSymbol(p.Name.Text, p.Description, PolicyType.From(p.Type.Name), p.Name.Span);
                            _parameters.Add(p.Name.Text, symbol);
                            _parameterSyntax.Add(p, symbol);
                        }

                        break;
                    case TableDeclarationSyntax t:
                        CheckNewName(t.Name);
                        break;
                    case LetDeclarationSyntax l:
                        if (CheckNewName(l.Name))
                            AddValue(l.Name.Text, ValueKind.Definition, l.Description, l.Value, l.Type, l.Name.Span, l.Span);
                        break;
                    case ExportDeclarationSyntax e:
                        if (CheckNewName(e.Name))
                            AddValue(e.Name.Text, ValueKind.Export, e.Description, e.Value, null, e.Name.Span, e.Span);
                        break;
                    case FunctionDeclarationSyntax f:
                        if (CheckNewName(f.Name))
                        {
                            var parameters = new List<VariableSymbol>();
                            foreach (var p in f.Parameters)
                            {
                                if (parameters.Any(x => x.Name == p.Name.Text))
                                    _diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, p.Name.Span, p.Name.Text);
                                else if (HidesDeclaration(p.Name.Text))
                                    _diagnostics.Report(DiagnosticDescriptors.ShadowedVariable, p.Name.Span, p.Name.Text);
                                parameters.Add(new VariableSymbol(p.Name.Text, PolicyType.From(p.Type.Name), BindingFacts.ItemCollection(p.Type.Name), p.Name.Span));
                            }

                            var fn = new FunctionSymbol(f.Name.Text, f.Description, parameters, PolicyType.From(f.ReturnType.Name), f.Name.Span);
                            _functions.Add(f.Name.Text, new FunctionEntry(fn, f));
                        }

                        break;
                    case EquityDeclarationSyntax e:
                        if (CheckSingleton(singletons, "equity", e.Span))
                            AddValue("equity", ValueKind.Equity, e.Description, e.Value, null, KeywordSpan(e.Span, "equity"), e.Span);
                        break;
                    case RequirementDeclarationSyntax r:
                        var name = r.Kind == RequirementKind.Initial ? "initial" : "maintenance";
                        if (CheckSingleton(singletons, name, r.Span))
                            AddValue(name, r.Kind == RequirementKind.Initial ? ValueKind.Initial : ValueKind.Maintenance, r.Description, r.Value, null, KeywordSpan(r.Span, name), r.Span);
                        break;
                    case MarginCallDeclarationSyntax m:
                        CheckSingleton(singletons, "margin_call", m.Span);
                        break;
                    case AdlDeclarationSyntax a:
                        CheckSingleton(singletons, "adl", a.Span);
                        break;
                    case LiquidationDeclarationSyntax l:
                        if (!singletons.Add("liquidation " + l.Name.Text))
                            _diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, l.Name.Span, l.Name.Text);
                        break;
                }
            }
        }

        private static TextSpan KeywordSpan(TextSpan declaration, string keyword) => new TextSpan(declaration.Start, keyword.Length);

        private void AddValue(string name, ValueKind kind, string? description, ExpressionSyntax value, TypeSyntax? type, TextSpan nameSpan, TextSpan span)
        {
            var symbol = new LetSymbol(name, kind, description, nameSpan) { DeclarationSpan = span };
            _values.Add(name, new ValueEntry(symbol, value, type, nameSpan));
        }

        private bool CheckSingleton(HashSet<string> singletons, string keyword, TextSpan span)
        {
            if (singletons.Add(keyword)) return true;
            _diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, KeywordSpan(span, keyword), keyword);
            return false;
        }

        private static readonly HashSet<string> ReservedNames = new HashSet<string>(StringComparer.Ordinal)
        {
            "account", "positions", "holdings", "debts", "call_expired", "sum", "count", "any",
            "half_up", "half_even", "down", "up",
        };

        private bool CheckNewName(IdentifierSyntax name)
        {
            var text = name.Text;
            if (_parameters.ContainsKey(text) || _values.ContainsKey(text) || _functions.ContainsKey(text) ||
                _declaredNames.Contains(text) || ReservedNames.Contains(text) || BindingFacts.Builtins.ContainsKey(text))
            {
                _diagnostics.Report(DiagnosticDescriptors.DuplicateDeclaration, name.Span, text);
                return false;
            }

            _declaredNames.Add(text);
            return true;
        }

        private readonly HashSet<string> _declaredNames = new HashSet<string>(StringComparer.Ordinal);

        // ---------- Parameters ----------

        private readonly Dictionary<ParameterSymbol, (ParameterDeclarationSyntax Syntax, State State)> _parameterState = new Dictionary<ParameterSymbol, (ParameterDeclarationSyntax, State)>();

        private void BindParameters(PolicySyntax root)
        {
            foreach (var kv in _parameterSyntax) _parameterState[kv.Value] = (kv.Key, State.Unbound);
            foreach (var p in root.Declarations.OfType<ParameterDeclarationSyntax>())
                if (_parameterSyntax.TryGetValue(p, out var symbol)) BindParameter(symbol, symbol.Span);
        }

        /// <summary>
        /// Binds a parameter's default on first use, so defaults may use parameters declared later; an override
        /// replaces the value before any default that uses it is folded.
        /// </summary>
        private void BindParameter(ParameterSymbol symbol, TextSpan referenceSpan)
        {
            var (p, state) = _parameterState[symbol];
            if (state == State.Bound) return;
            if (state == State.Binding)
            {
                ReportCycle(symbol.Name, referenceSpan);
                return;
            }

            _parameterState[symbol] = (p, State.Binding);
            _bindingStack.Add(symbol.Name);
            var savedConstant = _constantContext;
            _constantContext = true;
            var value = BindExpression(p.Default);
            _constantContext = savedConstant;
            _bindingStack.RemoveAt(_bindingStack.Count - 1);
            _parameterState[symbol] = (p, State.Bound);
            if (value.Type.IsError || !CheckAssignable(symbol.Type, value, p.Default.Span)) return;
            if (!ConstantFolder.TryFold(value, out var constant))
            {
                _diagnostics.Report(DiagnosticDescriptors.NotConstant, p.Default.Span, $"the default of parameter `{symbol.Name}`");
                return;
            }

            if (symbol.Type.IsCount && constant is decimal d && decimal.Truncate(d) != d)
            {
                _diagnostics.Report(DiagnosticDescriptors.CountNotWhole, p.Default.Span, Show(d));
                return;
            }

            symbol.DefaultValue = constant;
            if (!symbol.IsOverridden) symbol.Value = constant;
        }

        private void ApplyOverrides()
        {
            if (_overrides == null) return;
            foreach (var kv in _overrides)
            {
                if (!_parameters.TryGetValue(kv.Key, out var symbol))
                {
                    var help = Suggest(kv.Key, _parameters.Keys);
                    _diagnostics.ReportWithHelp(DiagnosticDescriptors.UnknownParameterOverride, new TextSpan(0, 0), help, kv.Key);
                    continue;
                }

                if (TryConvertOverride(symbol.Type, kv.Value, out var value))
                {
                    symbol.Value = value;
                    symbol.IsOverridden = true;
                }
                else
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidParameterOverride, symbol.Span, symbol.Name, symbol.Type, kv.Value == null ? "null" : Convert.ToString(kv.Value, CultureInfo.InvariantCulture) ?? "null");
                }
            }
        }

        private bool TryConvertOverride(PolicyType type, object? raw, out object value)
        {
            value = raw!;
            if (raw == null) return false;
            switch (type.Kind)
            {
                case TypeKind.Bool:
                    if (raw is bool) return true;
                    if (raw is string bs && (bs == "true" || bs == "false"))
                    {
                        value = bs == "true";
                        return true;
                    }

                    return false;
                case TypeKind.Text:
                    if (raw is string) return true;
                    return false;
                case TypeKind.Number:
                    decimal number;
                    if (raw is decimal d) number = d;
                    else if (raw is int i) number = i;
                    else if (raw is string s)
                    {
                        if (!TryParseOverrideNumber(type, s.Trim(), out number)) return false;
                    }
                    else return false;

                    if (type.IsCount && decimal.Truncate(number) != number) return false;
                    value = number;
                    return true;
                default:
                    return false;
            }
        }

        private bool TryParseOverrideNumber(PolicyType type, string text, out decimal number)
        {
            number = 0m;
            var body = text;
            var currency = _policy.Currency;
            var space = text.LastIndexOf(' ');
            if (space > 0)
            {
                var suffix = text.Substring(space + 1);
                if (currency == null || suffix != currency || !(type.Money == 1 && type.Quantity == 0)) return false;
                body = text.Substring(0, space).TrimEnd();
            }

            var negative = body.StartsWith("-", StringComparison.Ordinal);
            if (negative) body = body.Substring(1);
            if (body.Length == 0 || body[0] < '0' || body[0] > '9') return false;
            var percent = body.EndsWith("%", StringComparison.Ordinal);
            if (percent && !type.IsDimensionless) return false;
            if (!Tokenizer.TryParseNumber(body, out number)) return false;
            foreach (var c in body)
                if (!(char.IsDigit(c) || c == '.' || c == '_' || c == '%')) return false;

            // A plain number overrides a unit-carrying parameter in that unit, as the CLI's `--param x=5000` expects.
            if (negative) number = -number;
            return true;
        }

        // ---------- Values and functions ----------

        private void BindValue(ValueEntry entry, TextSpan referenceSpan)
        {
            if (entry.State == State.Bound) return;
            if (entry.State == State.Binding)
            {
                ReportCycle(entry.Symbol.Name, referenceSpan);
                return;
            }

            entry.State = State.Binding;
            _bindingStack.Add(entry.Symbol.Name);
            var savedScope = _scope.ToArray();
            var savedTrigger = _inLiquidationTrigger;
            _inLiquidationTrigger = false;
            _scope.Clear();
            var value = BindExpression(entry.Syntax);
            _scope.AddRange(savedScope);
            _inLiquidationTrigger = savedTrigger;
            _bindingStack.RemoveAt(_bindingStack.Count - 1);

            var type = value.Type;
            if (entry.DeclaredType != null)
            {
                // The declared type stands even when the value does not fit, so uses of the name raise no follow-on errors.
                var declared = PolicyType.From(entry.DeclaredType.Name);
                if (!value.Type.IsError && CheckAssignable(declared, value, entry.Syntax.Span)) CheckWhole(declared, value, entry.Syntax.Span);
                type = declared;
            }
            else if (!value.Type.IsError)
            {
                switch (entry.Symbol.Kind)
                {
                    case ValueKind.Equity:
                    case ValueKind.Initial:
                    case ValueKind.Maintenance:
                        CheckAssignable(PolicyType.MoneyType, value, entry.Syntax.Span);
                        type = PolicyType.MoneyType;
                        break;
                    default:
                        if (type.IsAnyUnit) type = PolicyType.RatioType;
                        if (type.Kind == TypeKind.Tags)
                        {
                            _diagnostics.Report(DiagnosticDescriptors.NotAValue, entry.Syntax.Span, "account.tags", "a set of tags");
                            type = PolicyType.ErrorType;
                        }

                        break;
                }
            }

            entry.Symbol.Type = type;
            entry.Symbol.Value = value;
            entry.State = State.Bound;
            _valueOrder.Add(entry.Symbol);
        }

        private void BindFunctionBody(FunctionEntry entry, TextSpan referenceSpan)
        {
            if (entry.State == State.Bound) return;
            if (entry.State == State.Binding)
            {
                ReportCycle(entry.Symbol.Name, referenceSpan);
                return;
            }

            entry.State = State.Binding;
            _bindingStack.Add(entry.Symbol.Name);
            var savedScope = _scope.ToArray();
            var savedTrigger = _inLiquidationTrigger;
            _inLiquidationTrigger = false;
            _scope.Clear();
            _scope.AddRange(entry.Symbol.Parameters);
            var body = BindExpression(entry.Syntax.Body);
            _scope.Clear();
            _scope.AddRange(savedScope);
            _inLiquidationTrigger = savedTrigger;
            _bindingStack.RemoveAt(_bindingStack.Count - 1);
            if (!body.Type.IsError && CheckAssignable(entry.Symbol.ReturnType, body, entry.Syntax.Body.Span))
                CheckWhole(entry.Symbol.ReturnType, body, entry.Syntax.Body.Span);
            entry.Symbol.Body = body;
            entry.State = State.Bound;
        }

        private void ReportCycle(string name, TextSpan span)
        {
            var start = _bindingStack.IndexOf(name);
            var path = string.Join(" → ", _bindingStack.Skip(Math.Max(0, start)).Concat(new[] { name }));
            _diagnostics.Report(DiagnosticDescriptors.Recursion, span, name, path);
        }

        /// <summary>Reports MR0214 when a count is given a constant that is not whole.</summary>
        private void CheckWhole(PolicyType declared, BoundExpression value, TextSpan span)
        {
            if (declared.IsCount && ConstantFolder.TryFold(value, out var c) && c is decimal d && decimal.Truncate(d) != d)
                _diagnostics.Report(DiagnosticDescriptors.CountNotWhole, span, Show(d));
        }

        /// <summary>Checks that a value fits a declared type; reports MR0201 at <paramref name="span"/> if not.</summary>
        private bool CheckAssignable(PolicyType expected, BoundExpression value, TextSpan span)
        {
            if (value.Type.IsError) return false;
            if (expected.SameUnitAs(value.Type)) return true;
            _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, span, expected, value.Type);
            return false;
        }

        // ---------- Rules ----------

        private MarginCallRule? BindMarginCall(MarginCallDeclarationSyntax call)
        {
            var when = BindCondition(call.When);
            var amount = BindExpression(call.Amount);
            CheckAssignable(PolicyType.MoneyType, amount, call.Amount.Span);
            var deadline = 0;
            if (call.Deadline != null)
            {
                // A plain whole number, or a `count` parameter so that a run can vary the deadline with --param; the
                // value is fixed when the policy is checked, with any override applied.
                var d = BindExpression(call.Deadline);
                var literal = call.Deadline is NumberLiteralSyntax { IsPercent: false, UnitSuffix: null };
                var parameter = d is BoundParameterReference && d.Type.IsCount;
                if (d.Type.Kind == TypeKind.Error)
                {
                    // Already reported.
                }
                else if (!(literal || parameter) || !ConstantFolder.TryFold(d, out var value) || value is not decimal n ||
                         n < 0 || decimal.Truncate(n) != n || n > int.MaxValue)
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidDeadline, call.Deadline.Span);
                }
                else
                {
                    deadline = (int)n;
                }
            }

            return new MarginCallRule(call.Description, when, amount, deadline, call.Span);
        }

        private LiquidationRule? BindLiquidation(LiquidationDeclarationSyntax rule)
        {
            // call_expired depends on the margin call's outcome, so only a liquidation trigger may read it.
            _inLiquidationTrigger = true;
            var when = BindCondition(rule.When);
            _inLiquidationTrigger = false;
            BindingFacts.TryGetCollection(rule.Collection.Text, out var collection);
            var variable = DeclareVariable(rule.Variable, collection);
            _scope.Add(variable);
            var filter = rule.Filter == null ? null : BindCondition(rule.Filter);
            BoundExpression? orderBy = null;
            if (rule.OrderBy != null)
            {
                orderBy = BindExpression(rule.OrderBy);
                if (!orderBy.Type.IsError && !orderBy.Type.IsNumber)
                    _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, rule.OrderBy.Span, "a number", orderBy.Type);
            }

            var penalties = new List<PenaltyRule>();
            foreach (var penalty in rule.Penalties)
            {
                var rate = BindExpression(penalty.Rate);
                CheckAssignable(PolicyType.RatioType, rate, penalty.Rate.Span);

                // A junior penalty waits for the debt to be repaid, so it needs a rule that repays debt from a sale.
                if (penalty.AfterDebtSpan is { } after)
                {
                    if (collection != CollectionKind.Holdings)
                        _diagnostics.Report(DiagnosticDescriptors.InvalidJuniorPenalty, after, $"needs a rule that sells holdings to repay debt; this rule takes {BindingFacts.CollectionName(collection)}");
                    else if (rule.Size.Kind == LiquidationSizeKind.Whole)
                        _diagnostics.Report(DiagnosticDescriptors.InvalidJuniorPenalty, after, "cannot follow `size whole`, whose penalties are shares of each holding's value");
                }

                penalties.Add(new PenaltyRule(rate, penalty.Recipient, penalty.AfterDebt));
            }

            BoundExpression? value = null, target = null;
            if (rule.Size.Kind == LiquidationSizeKind.Each)
            {
                // `size each` is a share of every item, so it reads the item like a penalty rate does.
                value = BindExpression(rule.Size.Value!);
                CheckAssignable(PolicyType.RatioType, value, rule.Size.Value!.Span);
            }

            _scope.Remove(variable);

            switch (rule.Size.Kind)
            {
                case LiquidationSizeKind.Fraction:
                    value = BindExpression(rule.Size.Value!);
                    CheckAssignable(PolicyType.RatioType, value, rule.Size.Value!.Span);
                    break;
                case LiquidationSizeKind.Amount:
                    value = BindExpression(rule.Size.Value!);
                    CheckAssignable(PolicyType.MoneyType, value, rule.Size.Value!.Span);
                    break;
                case LiquidationSizeKind.Restore:
                    value = BindExpression(rule.Size.Value!);
                    target = BindExpression(rule.Size.Target!);
                    if (value.Type.IsError) break;
                    if (!value.Type.IsNumber)
                        _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, rule.Size.Value!.Span, "a number", value.Type);
                    else CheckAssignable(value.Type, target, rule.Size.Target!.Span);
                    break;
                case LiquidationSizeKind.Whole:
                    // Compound III absorb: only collateral can be taken whole and credited; a position has no value to credit.
                    if (collection != CollectionKind.Holdings)
                        _diagnostics.Report(DiagnosticDescriptors.InvalidWholeSize, rule.Size.Span, $"takes holdings; this rule takes {BindingFacts.CollectionName(collection)}");
                    break;
            }

            BoundExpression? chunk = null;
            if (rule.Chunk != null)
            {
                chunk = BindExpression(rule.Chunk);
                CheckAssignable(PolicyType.MoneyType, chunk, rule.Chunk.Span);
                if (rule.Size.Kind == LiquidationSizeKind.Whole)
                    _diagnostics.Report(DiagnosticDescriptors.InvalidWholeSize, rule.Chunk.Span, "takes every holding at once; remove the chunk");
            }

            return new LiquidationRule(rule.Name.Text, rule.Description, when, variable, filter, orderBy, rule.Descending, rule.Size.Kind, value, target, penalties, chunk, rule.Span);
        }

        private AdlRule? BindAdl(AdlDeclarationSyntax adl)
        {
            var variable = DeclareVariable(adl.Variable, CollectionKind.Positions);
            _scope.Add(variable);
            var rank = BindExpression(adl.Rank);
            _scope.Remove(variable);
            if (!rank.Type.IsError && !rank.Type.IsNumber)
                _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, adl.Rank.Span, "a number", rank.Type);
            return new AdlRule(adl.Description, variable, rank);
        }

        private bool HidesDeclaration(string text) =>
            _parameters.ContainsKey(text) || _values.ContainsKey(text) || _functions.ContainsKey(text) ||
            _declaredNames.Contains(text) || ReservedNames.Contains(text);

        private VariableSymbol DeclareVariable(IdentifierSyntax name, CollectionKind collection) =>
            new VariableSymbol(CheckVariableName(name), PolicyType.ErrorType, collection, name.Span);

        // An aggregate over a table's rows binds each row's key, a value of the table's key type (text).
        private VariableSymbol DeclareRowVariable(IdentifierSyntax name, TableSymbol table) =>
            new VariableSymbol(CheckVariableName(name), table.KeyType, null, name.Span, table);

        private string CheckVariableName(IdentifierSyntax name)
        {
            var text = name.Text;
            if (_scope.Any(v => v.Name == text) || HidesDeclaration(text))
                _diagnostics.Report(DiagnosticDescriptors.ShadowedVariable, name.Span, text);
            return text;
        }

        private BoundExpression BindCondition(ExpressionSyntax syntax)
        {
            var bound = BindExpression(syntax);
            if (!bound.Type.IsError && bound.Type.Kind != TypeKind.Bool)
            {
                _diagnostics.Report(DiagnosticDescriptors.ConditionNotBool, syntax.Span, bound.Type);
                return new BoundLiteral(PolicyType.ErrorType, syntax.Span, false);
            }

            return bound;
        }

        // ---------- Suggestions ----------

        internal static string? Suggest(string name, IEnumerable<string> candidates)
        {
            var best = SpellingSuggestion.Closest(name, candidates);
            return best == null ? null : $"did you mean `{best}`?";
        }
    }
}
