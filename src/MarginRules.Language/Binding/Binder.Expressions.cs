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
    internal sealed partial class Binder
    {
        private BoundExpression Error(TextSpan span) => new BoundLiteral(PolicyType.ErrorType, span, 0m);

        private BoundExpression BindExpression(ExpressionSyntax syntax)
        {
            switch (syntax)
            {
                case NumberLiteralSyntax n: return BindNumber(n);
                case StringLiteralSyntax s: return new BoundLiteral(PolicyType.TextType, s.Span, s.Value);
                case BoolLiteralSyntax b: return new BoundLiteral(PolicyType.BoolType, b.Span, b.Value);
                case NameSyntax n: return BindName(n);
                case MemberAccessSyntax m: return BindMemberAccess(m);
                case IndexSyntax i:
                    if (i.Target is IndexSyntax row && row.Target is NameSyntax rowTable && _tables.TryGetValue(rowTable.Name, out var numbered) && !IsShadowed(rowTable.Name))
                        return BindColumnNumber(numbered, row, i);
                    if (i.Target is NameSyntax tn && _tables.TryGetValue(tn.Name, out var t))
                    {
                        _used.Add(t);
                        _diagnostics.Report(DiagnosticDescriptors.MissingColumn, i.Span, t.Name, string.Join(", ", t.Columns.Select(c => c.Name)));
                        return Error(i.Span);
                    }

                    return BindIndexTarget(i);
                case CallSyntax c: return BindCall(c);
                case AggregateSyntax a: return BindAggregate(a);
                case UnarySyntax u: return BindUnary(u);
                case BinarySyntax b: return BindBinary(b);
                case ConditionalSyntax c: return BindConditional(c);
                default: return Error(syntax.Span);
            }
        }

        private BoundExpression BindNumber(NumberLiteralSyntax n)
        {
            if (n.UnitSuffix != null)
            {
                if (_policy.Currency == null || n.UnitSuffix.Text != _policy.Currency)
                {
                    _diagnostics.Report(DiagnosticDescriptors.UnknownUnitSuffix, n.UnitSuffix.Span, n.UnitSuffix.Text, _policy.Currency ?? "not declared");
                    return Error(n.Span);
                }

                return new BoundLiteral(PolicyType.MoneyType, n.Span, n.Value);
            }

            if (n.IsPercent) return new BoundLiteral(PolicyType.RatioType, n.Span, n.Value);
            return new BoundLiteral(n.Value == 0m ? PolicyType.AnyUnitType : PolicyType.RatioType, n.Span, n.Value);
        }

        private BoundExpression BindName(NameSyntax n)
        {
            var name = n.Name;
            for (var i = _scope.Count - 1; i >= 0; i--)
            {
                var v = _scope[i];
                if (v.Name != name) continue;
                if (v.Collection == null) return new BoundVariableReference(v.Type, n.Span, v);
                _diagnostics.ReportWithHelp(DiagnosticDescriptors.NotAValue, n.Span, $"read one of its members, such as `{name}.{(v.Collection == CollectionKind.Positions ? "notional" : "value")}`", name, BindingFacts.ItemNoun(v.Collection.Value));
                return Error(n.Span);
            }

            if (name == "call_expired")
            {
                if (_constantContext) return NotConstant(n);
                if (!_inLiquidationTrigger)
                {
                    _diagnostics.ReportWithHelp(DiagnosticDescriptors.NotAValue, n.Span, "use it in a liquidation rule's `when`", name, "a liquidation trigger condition");
                    return Error(n.Span);
                }

                return new BoundCallExpired(PolicyType.BoolType, n.Span);
            }

            if (_parameters.TryGetValue(name, out var parameter))
            {
                _used.Add(parameter);
                if (_parameterState.ContainsKey(parameter)) BindParameter(parameter, n.Span);
                if (parameter.Value == null) return Error(n.Span);
                return new BoundParameterReference(parameter.Type, n.Span, parameter);
            }

            if (_values.TryGetValue(name, out var value))
            {
                if (_constantContext) return NotConstant(n);
                _used.Add(value.Symbol);
                BindValue(value, n.Span);
                if (value.State != State.Bound || value.Symbol.Type.IsError) return Error(n.Span);
                return new BoundLetReference(value.Symbol.Type, n.Span, value.Symbol);
            }

            if (_tables.TryGetValue(name, out var table))
            {
                _used.Add(table);
                _diagnostics.ReportWithHelp(DiagnosticDescriptors.NotAValue, n.Span, $"look up a row: `{name}[key].{table.Columns[0].Name}`", name, "a table");
                return Error(n.Span);
            }

            if (_functions.ContainsKey(name) || BindingFacts.Builtins.ContainsKey(name))
            {
                _diagnostics.ReportWithHelp(DiagnosticDescriptors.NotAValue, n.Span, $"call it: `{name}(…)`", name, "a function");
                return Error(n.Span);
            }

            if (name == "account" || name == "positions" || name == "holdings" || name == "debts")
            {
                var what = name == "account" ? "the account" : "a collection";
                var help = name == "account" ? "read a member, such as `account.wallet`" : $"aggregate it, such as `sum(x in {name}: …)`";
                _diagnostics.ReportWithHelp(DiagnosticDescriptors.NotAValue, n.Span, help, name, what);
                return Error(n.Span);
            }

            if (name == "initial" || name == "equity" || name == "maintenance")
            {
                var keyword = name == "initial" ? TokenKind.Initial : name == "equity" ? TokenKind.Equity : TokenKind.Maintenance;
                if (!Unparsed(keyword)) _diagnostics.Report(DiagnosticDescriptors.MissingDeclaration, n.Span, name);
                return Error(n.Span);
            }

            // A name whose declaration failed to parse has its syntax error already.
            if (!UnparsedName(name)) _diagnostics.ReportWithHelp(DiagnosticDescriptors.UnknownName, n.Span, Suggest(name, NamesInScope()), name);
            return Error(n.Span);
        }

        private BoundExpression NotConstant(SyntaxNode n)
        {
            _diagnostics.Report(DiagnosticDescriptors.NotConstant, n.Span, "a parameter default");
            return Error(n.Span);
        }

        private IEnumerable<string> NamesInScope() =>
            _scope.Select(v => v.Name)
                .Concat(_parameters.Keys)
                .Concat(_values.Keys)
                .Concat(_tables.Keys)
                .Concat(new[] { "account", "call_expired" });

        private BoundExpression BindMemberAccess(MemberAccessSyntax m)
        {
            var member = m.Member.Text;
            if (m.Target is IndexSyntax index && index.Target is NameSyntax tableName && _tables.TryGetValue(tableName.Name, out var table) && !IsShadowed(tableName.Name))
                return BindTableLookup(table, index, m);

            if (m.Target is NameSyntax target && !IsShadowed(target.Name))
            {
                if (target.Name == "account")
                {
                    if (_constantContext) return NotConstant(m);
                    if (BindingFacts.AccountFields.TryGetValue(member, out var field))
                    {
                        if (field.Field == AccountField.RoundsSinceLiquidation) _policy.ReadsRoundsSinceLiquidation = true;
                        return new BoundAccountField(field.Type, m.Span, field.Field);
                    }

                    _diagnostics.ReportWithHelp(DiagnosticDescriptors.UnknownMember, m.Member.Span, Suggest(member, BindingFacts.AccountFields.Keys), "the account", member);
                    return Error(m.Span);
                }
            }

            if (m.Target is NameSyntax variableName)
            {
                var variable = _scope.LastOrDefault(v => v.Name == variableName.Name);
                if (variable?.Collection != null)
                {
                    var members = BindingFacts.Members(variable.Collection.Value);
                    if (members.TryGetValue(member, out var field))
                        return new BoundItemField(field.Type, m.Span, variable, field.Field);
                    _diagnostics.ReportWithHelp(DiagnosticDescriptors.UnknownMember, m.Member.Span, Suggest(member, members.Keys), BindingFacts.ItemNoun(variable.Collection.Value), member);
                    return Error(m.Span);
                }
            }

            if (m.Target is NameSyntax rowName && _scope.LastOrDefault(v => v.Name == rowName.Name) is { Table: { } rows })
            {
                // A table row's variable is the row's key, not an item: its cells are read through the table.
                _diagnostics.ReportWithHelp(DiagnosticDescriptors.UnknownMember, m.Member.Span, $"`{rowName.Name}` is a key of table `{rows.Name}`: read a cell with `{rows.Name}[{rowName.Name}].{rows.Columns[0].Name}`", $"a row key of `{rows.Name}` (text)", member);
                return Error(m.Span);
            }

            var bound = BindExpression(m.Target);
            if (bound.Type.IsError) return bound;
            _diagnostics.Report(DiagnosticDescriptors.UnknownMember, m.Member.Span, bound.Type, member);
            return Error(m.Span);
        }

        private bool IsShadowed(string name) => _scope.Any(v => v.Name == name);

        private BoundExpression BindIndexTarget(IndexSyntax i)
        {
            var bound = BindExpression(i.Target);
            if (bound.Type.IsError) return bound;
            _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, i.Span, "[]", bound.Type);
            return Error(i.Span);
        }

        private BoundExpression BindTableLookup(TableSymbol table, IndexSyntax index, MemberAccessSyntax m)
        {
            _used.Add(table);
            var key = BindExpression(index.Key);
            var column = table.ColumnIndex(m.Member.Text);
            if (column < 0)
            {
                _diagnostics.ReportWithHelp(DiagnosticDescriptors.UnknownColumn, m.Member.Span, Suggest(m.Member.Text, table.Columns.Select(c => c.Name)), table.Name, m.Member.Text);
                return Error(m.Span);
            }

            if (!CheckLookupKey(table, index, key)) return Error(m.Span);
            return new BoundTableLookup(table.Columns[column].Type, m.Span, table, key, column);
        }

        /// <summary>Reports a key that is not of the table's key type; false for that or for a key already in error.</summary>
        private bool CheckLookupKey(TableSymbol table, IndexSyntax index, BoundExpression key)
        {
            if (key.Type.IsError) return false;
            if (table.KeyType.SameUnitAs(key.Type)) return true;
            var keyedBy = table.KeyKind switch
            {
                TableKeyKind.Asset => "asset (text)",
                TableKeyKind.Symbol => "symbol (text)",
                TableKeyKind.Tag => "tag (account.tags)",
                _ => table.KeyType.ToString(),
            };
            _diagnostics.Report(DiagnosticDescriptors.LookupKey, index.Key.Span, table.Name, keyedBy, key.Type);
            return false;
        }

        /// <summary><c>table[key][k]</c>: the k-th column (1-based) of a table whose columns all have one numeric type.</summary>
        private BoundExpression BindColumnNumber(TableSymbol table, IndexSyntax row, IndexSyntax cell)
        {
            _used.Add(table);
            var key = BindExpression(row.Key);
            var number = BindExpression(cell.Key);
            var type = table.Columns[0].Type;
            if (!type.IsNumber || table.Columns.Any(c => !c.Type.Equals(type)))
            {
                var columns = string.Join(", ", table.Columns.Select(c => $"{c.Name}: {c.Type}"));
                _diagnostics.ReportWithHelp(DiagnosticDescriptors.InvalidOperand, cell.Span, "a column is read by number only when every column has the same numeric type; read this one by name",
                    "[]", $"table `{table.Name}`, whose columns are not all one numeric type ({columns})");
                return Error(cell.Span);
            }

            if (!CheckLookupKey(table, row, key) || number.Type.IsError) return Error(cell.Span);
            if (!number.Type.IsDimensionless)
            {
                _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, cell.Key.Span, $"a column number of table `{table.Name}` (a dimensionless whole number)", number.Type);
                return Error(cell.Span);
            }

            if (number is BoundLiteral { Value: decimal k } && (decimal.Truncate(k) != k || k < 1 || k > table.Columns.Count))
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, cell.Key.Span, "[]", $"column number {k} of table `{table.Name}`, whose columns are numbered 1 to {table.Columns.Count}");
                return Error(cell.Span);
            }

            return new BoundTableLookup(type, cell.Span, table, key, -1, number);
        }

        private BoundExpression BindCall(CallSyntax c)
        {
            var name = c.Function.Text;
            if (_functions.TryGetValue(name, out var fn))
            {
                _used.Add(fn.Symbol);
                var parameters = fn.Symbol.Parameters;
                if (c.Arguments.Count != parameters.Count)
                {
                    foreach (var a in c.Arguments) BindExpression(a);
                    _diagnostics.Report(DiagnosticDescriptors.ArgumentCount, c.Function.Span, name, Plural(parameters.Count, "argument"), c.Arguments.Count);
                    return Error(c.Span);
                }

                var ok = true;
                var args = new BoundExpression[parameters.Count];
                for (var i = 0; i < args.Length; i++)
                {
                    if (parameters[i].Collection is { } kind)
                    {
                        // An item parameter takes the item variable itself: the aggregate's, `take`'s or `adl rank`'s.
                        var item = c.Arguments[i] is NameSyntax n ? _scope.LastOrDefault(v => v.Name == n.Name) : null;
                        if (item?.Collection == kind)
                        {
                            args[i] = new BoundVariableReference(item.Type, c.Arguments[i].Span, item);
                            continue;
                        }

                        var noun = BindingFacts.ItemNoun(kind);
                        _diagnostics.Report(DiagnosticDescriptors.InvalidItemArgument, c.Arguments[i].Span, name, parameters[i].Name, noun, BindingFacts.CollectionName(kind));
                        args[i] = Error(c.Arguments[i].Span);
                        ok = false;
                        continue;
                    }

                    args[i] = BindExpression(c.Arguments[i]);
                    ok &= CheckAssignable(parameters[i].Type, args[i], c.Arguments[i].Span);
                }
                if (_constantContext) return NotConstant(c);
                BindFunctionBody(fn, c.Function.Span);
                if (!ok || fn.State != State.Bound) return Error(c.Span);
                return new BoundFunctionCall(fn.Symbol.ReturnType, c.Span, fn.Symbol, args);
            }

            if (!BindingFacts.Builtins.TryGetValue(name, out var arity))
            {
                if (!UnparsedName(name))
                    _diagnostics.ReportWithHelp(DiagnosticDescriptors.UnknownFunction, c.Function.Span,
                        Suggest(name, BindingFacts.Builtins.Keys.Concat(_functions.Keys)), name);
                return Error(c.Span);
            }

            var count = c.Arguments.Count;
            var arityOk = name switch
            {
                "min" or "max" => count >= 2,
                "clamp" or "round" => count == 3,
                "pow" => count == 2,
                _ => count == 1,
            };
            if (!arityOk)
            {
                _diagnostics.Report(DiagnosticDescriptors.ArgumentCount, c.Function.Span, name, arity, count);
                return Error(c.Span);
            }

            if (name == "round") return BindRound(c);
            var bound = c.Arguments.Select(BindExpression).ToArray();
            if (bound.Any(a => a.Type.IsError)) return Error(c.Span);

            switch (name)
            {
                case "price":
                case "volatility":
                case "open_interest":
                    if (_constantContext) return NotConstant(c);
                    if (!CheckAssignable(PolicyType.TextType, bound[0], c.Arguments[0].Span)) return Error(c.Span);
                    return name switch
                    {
                        "price" => new BoundMarketLookup(PolicyType.PriceType, c.Span, MarketField.Price, bound[0]),
                        "volatility" => new BoundMarketLookup(PolicyType.RatioType, c.Span, MarketField.Volatility, bound[0]),
                        _ => new BoundMarketLookup(PolicyType.QuantityType, c.Span, MarketField.OpenInterest, bound[0]),
                    };
                case "tagged":
                    if (_constantContext) return NotConstant(c);
                    if (!CheckAssignable(PolicyType.TextType, bound[0], c.Arguments[0].Span)) return Error(c.Span);
                    return new BoundTagged(PolicyType.BoolType, c.Span, bound[0]);
            }

            for (var i = 0; i < bound.Length; i++)
            {
                if (!bound[i].Type.IsNumber)
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, c.Arguments[i].Span, name, bound[i].Type);
                    return Error(c.Span);
                }
            }

            switch (name)
            {
                case "min":
                case "max":
                case "clamp":
                    var type = bound[0].Type;
                    for (var i = 1; i < bound.Length; i++)
                    {
                        if (!type.SameUnitAs(bound[i].Type))
                        {
                            _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, c.Arguments[i].Span, type, bound[i].Type);
                            return Error(c.Span);
                        }

                        type = type.Unify(bound[i].Type);
                    }

                    var function = name == "min" ? BuiltinFunction.Min : name == "max" ? BuiltinFunction.Max : BuiltinFunction.Clamp;
                    return new BoundBuiltinCall(type, c.Span, function, bound, RoundingMode.HalfEven);
                case "abs":
                    return new BoundBuiltinCall(bound[0].Type, c.Span, BuiltinFunction.Abs, bound, RoundingMode.HalfEven);
                case "floor":
                    return new BoundBuiltinCall(bound[0].Type, c.Span, BuiltinFunction.Floor, bound, RoundingMode.HalfEven);
                case "ceil":
                    return new BoundBuiltinCall(bound[0].Type, c.Span, BuiltinFunction.Ceil, bound, RoundingMode.HalfEven);
                case "sqrt":
                    var t = bound[0].Type;
                    if (t.Money % 2 != 0 || t.Quantity % 2 != 0)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, c.Arguments[0].Span, "sqrt", t);
                        return Error(c.Span);
                    }

                    return new BoundBuiltinCall(PolicyType.Number(t.Money / 2, t.Quantity / 2), c.Span, BuiltinFunction.Sqrt, bound, RoundingMode.HalfEven);
                case "exp":
                case "ln":
                    if (!bound[0].Type.IsDimensionless)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, c.Arguments[0].Span, name, bound[0].Type);
                        return Error(c.Span);
                    }

                    var transcendental = name == "exp" ? BuiltinFunction.Exp : BuiltinFunction.Ln;
                    return new BoundBuiltinCall(PolicyType.RatioType, c.Span, transcendental, bound, RoundingMode.HalfEven);
                default:
                    // pow: a dimensionless base keeps its unit whatever the exponent, so the exponent may be computed at
                    // run time (a Dutch auction's cut^⌊t / step⌋); it must then be whole and at most 1000 in magnitude.
                    if (bound[0].Type.IsDimensionless && bound[1].Type.IsDimensionless && !ConstantFolder.TryFold(bound[1], out _))
                        return new BoundBuiltinCall(PolicyType.RatioType, c.Span, BuiltinFunction.Pow, bound, RoundingMode.HalfEven);

                    // Otherwise the exponent must be a whole constant so the result's unit is known.
                    if (!ConstantFolder.TryFold(bound[1], out var e) || !(e is decimal exponent) || decimal.Truncate(exponent) != exponent ||
                        Math.Abs(exponent) > 1000 || !bound[1].Type.IsDimensionless)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.NotConstant, c.Arguments[1].Span, "the exponent of `pow` (a whole, dimensionless number)");
                        return Error(c.Span);
                    }

                    var n = (int)exponent;
                    var bt = bound[0].Type;
                    var resultType = bt.IsDimensionless ? PolicyType.RatioType : PolicyType.Number(bt.Money * n, bt.Quantity * n);
                    return new BoundBuiltinCall(resultType, c.Span, BuiltinFunction.Pow, new[] { bound[0], new BoundLiteral(PolicyType.RatioType, bound[1].Span, exponent) }, RoundingMode.HalfEven);
            }
        }

        private BoundExpression BindRound(CallSyntax c)
        {
            var value = BindExpression(c.Arguments[0]);
            var digits = BindExpression(c.Arguments[1]);
            var modeSyntax = c.Arguments[2];
            var ok = !value.Type.IsError && !digits.Type.IsError;
            if (ok && !value.Type.IsNumber)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, c.Arguments[0].Span, "round", value.Type);
                ok = false;
            }

            // Digits are a whole constant from 0 to 28, checked here; or a `count` value computed per account (a token's
            // decimals from a table, say), checked when it is evaluated.
            decimal d = 0m;
            var computed = false;
            if (!digits.Type.IsError)
            {
                if (ConstantFolder.TryFold(digits, out var dv) && dv is decimal dd)
                {
                    if (!digits.Type.IsDimensionless || decimal.Truncate(dd) != dd || dd < 0 || dd > 28)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidRoundingDigits, c.Arguments[1].Span);
                        ok = false;
                    }

                    d = dd;
                }
                else if (digits.Type.IsCount)
                {
                    computed = true;
                }
                else
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidRoundingDigits, c.Arguments[1].Span);
                    ok = false;
                }
            }

            RoundingMode mode = RoundingMode.HalfEven;
            var modeName = (modeSyntax as NameSyntax)?.Name;
            switch (modeName)
            {
                case "half_up": mode = RoundingMode.HalfUp; break;
                case "half_even": mode = RoundingMode.HalfEven; break;
                case "down": mode = RoundingMode.Down; break;
                case "up": mode = RoundingMode.Up; break;
                default:
                    _diagnostics.ReportWithHelp(DiagnosticDescriptors.UnknownRoundingMode, modeSyntax.Span,
                        modeName == null ? null : Suggest(modeName, new[] { "half_up", "half_even", "down", "up" }),
                        modeName ?? Source.GetText(modeSyntax.Span));
                    ok = false;
                    break;
            }

            if (!ok) return Error(c.Span);
            var digitsArgument = computed ? digits : new BoundLiteral(PolicyType.CountType, c.Arguments[1].Span, d);
            return new BoundBuiltinCall(value.Type, c.Span, BuiltinFunction.Round, new[] { value, digitsArgument }, mode);
        }

        private static string Plural(int n, string word) => n == 1 ? $"1 {word}" : $"{n} {word}s";

        private BoundExpression BindAggregate(AggregateSyntax a)
        {
            if (_constantContext) return NotConstant(a);
            var source = a.Collection.Text;
            VariableSymbol variable;
            if (BindingFacts.TryGetCollection(source, out var collection))
            {
                variable = DeclareVariable(a.Variable, collection);
            }
            else if (_tables.TryGetValue(source, out var table))
            {
                _used.Add(table);
                if (table.KeyKind == TableKeyKind.Tag || table.KeyKind == TableKeyKind.Bracket)
                {
                    var (keyedBy, help) = table.KeyKind == TableKeyKind.Tag
                        ? ("tag", $"a tag table answers for the account's tags: look it up with `{source}[account.tags].{table.Columns[0].Name}`")
                        : ($"ranges of {table.KeyType}", $"a bracket table's rows are ranges, not keys: look it up with a value, `{source}[v].{table.Columns[0].Name}`");
                    _diagnostics.ReportWithHelp(DiagnosticDescriptors.TableNotIterable, a.Collection.Span, help, source, keyedBy);
                    return Error(a.Span);
                }

                variable = DeclareRowVariable(a.Variable, table);
            }
            else
            {
                var iterable = _tables.Values.Where(t => t.KeyKind == TableKeyKind.Asset || t.KeyKind == TableKeyKind.Symbol).Select(t => t.Name);
                _diagnostics.ReportWithHelp(DiagnosticDescriptors.UnknownCollection, a.Collection.Span, Suggest(source, new[] { "positions", "holdings", "debts" }.Concat(iterable)), source);
                return Error(a.Span);
            }

            _scope.Add(variable);
            BoundExpression? filter = null, body = null;
            var ok = true;
            if (a.Filter != null)
            {
                filter = BindCondition(a.Filter);
                ok &= !filter.Type.IsError;
            }

            if (a.Body != null)
            {
                body = BindExpression(a.Body);
                ok &= !body.Type.IsError;
            }

            _scope.Remove(variable);
            if (!ok) return Error(a.Span);

            var kindName = a.Kind.ToString().ToLowerInvariant();
            switch (a.Kind)
            {
                case AggregateKind.Sum:
                case AggregateKind.Min:
                case AggregateKind.Max:
                    if (body == null)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, a.Span, $"`{kindName}(… : value)` with a value to aggregate", "no value");
                        return Error(a.Span);
                    }

                    if (!body.Type.IsNumber)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, a.Body!.Span, kindName, body.Type);
                        return Error(a.Span);
                    }

                    var type = body.Type.IsAnyUnit ? PolicyType.RatioType : body.Type;
                    return new BoundAggregate(type, a.Span, a.Kind, variable, filter, body);
                case AggregateKind.Count:
                    if (body != null && body.Type.Kind != TypeKind.Bool)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.ConditionNotBool, a.Body!.Span, body.Type);
                        return Error(a.Span);
                    }

                    return new BoundAggregate(PolicyType.CountType, a.Span, a.Kind, variable, filter, body);
                default:
                    if (body == null && a.Kind == AggregateKind.All)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.TypeMismatch, a.Span, "`all(… : condition)` with a condition", "no condition");
                        return Error(a.Span);
                    }

                    if (body != null && body.Type.Kind != TypeKind.Bool)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.ConditionNotBool, a.Body!.Span, body.Type);
                        return Error(a.Span);
                    }

                    return new BoundAggregate(PolicyType.BoolType, a.Span, a.Kind, variable, filter, body);
            }
        }

        private BoundExpression BindUnary(UnarySyntax u)
        {
            var operand = BindExpression(u.Operand);
            if (operand.Type.IsError) return operand;
            if (u.Operator == UnaryOperator.Negate)
            {
                if (!operand.Type.IsNumber)
                {
                    _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, u.OperatorSpan, "-", operand.Type);
                    return Error(u.Span);
                }

                return new BoundUnary(operand.Type, u.Span, UnaryOperator.Negate, operand);
            }

            if (operand.Type.Kind != TypeKind.Bool)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, u.OperatorSpan, "not", operand.Type);
                return Error(u.Span);
            }

            return new BoundUnary(PolicyType.BoolType, u.Span, UnaryOperator.Not, operand);
        }

        private BoundExpression BindBinary(BinarySyntax b)
        {
            var left = BindExpression(b.Left);
            var right = BindExpression(b.Right);
            if (left.Type.IsError || right.Type.IsError) return Error(b.Span);
            var lt = left.Type;
            var rt = right.Type;
            var op = b.Operator;
            var opText = SyntaxFacts.Text(op);

            switch (op)
            {
                case BinaryOperator.And:
                case BinaryOperator.Or:
                    if (lt.Kind != TypeKind.Bool || rt.Kind != TypeKind.Bool)
                    {
                        _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, b.OperatorSpan, opText, lt.Kind != TypeKind.Bool ? lt : rt);
                        return Error(b.Span);
                    }

                    return new BoundBinary(PolicyType.BoolType, b.Span, op, left, right);

                case BinaryOperator.Equal:
                case BinaryOperator.NotEqual:
                    if ((lt.Kind == TypeKind.Text || lt.Kind == TypeKind.Bool) && lt.Kind == rt.Kind)
                        return new BoundBinary(PolicyType.BoolType, b.Span, op, left, right);
                    goto case BinaryOperator.Less;

                case BinaryOperator.Less:
                case BinaryOperator.LessOrEqual:
                case BinaryOperator.Greater:
                case BinaryOperator.GreaterOrEqual:
                    if (!lt.IsNumber || !rt.IsNumber || !lt.SameUnitAs(rt))
                    {
                        _diagnostics.Report(DiagnosticDescriptors.CannotCompare, b.OperatorSpan, lt, rt);
                        return Error(b.Span);
                    }

                    return new BoundBinary(PolicyType.BoolType, b.Span, op, left, right);
            }

            if (!lt.IsNumber || !rt.IsNumber)
            {
                _diagnostics.Report(DiagnosticDescriptors.InvalidOperand, b.OperatorSpan, opText, !lt.IsNumber ? lt : rt);
                return Error(b.Span);
            }

            switch (op)
            {
                case BinaryOperator.Add:
                case BinaryOperator.Subtract:
                    if (!lt.SameUnitAs(rt))
                    {
                        _diagnostics.Report(op == BinaryOperator.Add ? DiagnosticDescriptors.CannotAdd : DiagnosticDescriptors.CannotSubtract, b.OperatorSpan, lt, rt);
                        return Error(b.Span);
                    }

                    return new BoundBinary(lt.Unify(rt), b.Span, op, left, right);
                case BinaryOperator.Multiply:
                    var mt = lt.IsAnyUnit ? rt : rt.IsAnyUnit ? lt
                        : lt.IsCount && rt.IsCount ? PolicyType.CountType
                        : PolicyType.Number(lt.Money + rt.Money, lt.Quantity + rt.Quantity);
                    return new BoundBinary(mt, b.Span, op, left, right);
                default:
                    var dt = lt.IsAnyUnit ? PolicyType.AnyUnitType
                        : PolicyType.Number(lt.Money - (rt.IsAnyUnit ? 0 : rt.Money), lt.Quantity - (rt.IsAnyUnit ? 0 : rt.Quantity));
                    return new BoundBinary(dt, b.Span, op, left, right);
            }
        }

        private BoundExpression BindConditional(ConditionalSyntax c)
        {
            var condition = BindCondition(c.Condition);
            var whenTrue = BindExpression(c.WhenTrue);
            var whenFalse = BindExpression(c.WhenFalse);
            if (condition.Type.IsError || whenTrue.Type.IsError || whenFalse.Type.IsError) return Error(c.Span);
            if (!whenTrue.Type.SameUnitAs(whenFalse.Type))
            {
                _diagnostics.Report(DiagnosticDescriptors.BranchMismatch, c.WhenFalse.Span, whenTrue.Type, whenFalse.Type);
                return Error(c.Span);
            }

            return new BoundConditional(whenTrue.Type.Unify(whenFalse.Type), c.Span, condition, whenTrue, whenFalse);
        }

        internal static string Show(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
    }
}
