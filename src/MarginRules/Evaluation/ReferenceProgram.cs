using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Accounts;
using MarginRules.Language.Binding;
using MarginRules.Language.Runtime;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Evaluation;

/// <summary>
/// The reference semantics: a direct walk of the checked tree. It is slow and simple on purpose, and reports every
/// failure with the span of the expression that failed.
/// </summary>
internal sealed class ReferenceProgram : PolicyProgram
{
    private readonly List<(string Name, LetSymbol Symbol, object Value)>? _trace;

    public ReferenceProgram(BoundPolicy policy, FrameLayout layout, List<(string, LetSymbol, object)>? trace = null)
        : base(policy, layout)
    {
        _trace = trace;
    }

    public override void Run(Account account, Market market, EvaluationFrame frame)
    {
        var context = new Context(this, account, market, frame);
        foreach (var let in Policy.Lets)
        {
            var value = context.Evaluate(let.Value);
            Store(frame, let, value);
            _trace?.Add((let.Name, let, value));
        }

        var call = Policy.MarginCall;
        var triggered = call != null && (bool)context.Evaluate(call.When);
        frame.SetCall(triggered, triggered ? (decimal)context.Evaluate(call!.Amount) : 0m);

        frame.SetRule(-1);
        for (var i = 0; i < Policy.Liquidations.Count; i++)
        {
            if ((bool)context.Evaluate(Policy.Liquidations[i].When))
            {
                frame.SetRule(i);
                break;
            }
        }
    }

    public override decimal GetRuleValue(int rule, RuleValue which, Account account, Market market, EvaluationFrame frame)
    {
        var r = Policy.Liquidations[rule];
        var expression = which switch
        {
            RuleValue.Size => r.SizeValue,
            RuleValue.Target => r.SizeTarget,
            _ => r.Chunk,
        } ?? throw new InvalidOperationException("the rule has no such value");
        return (decimal)new Context(this, account, market, frame).Evaluate(expression);
    }

    public override decimal GetItemValue(int rule, int which, Account account, Market market, EvaluationFrame frame, int item)
    {
        var r = Policy.Liquidations[rule];
        var expression = which < 0 ? r.OrderBy! : r.Penalties[which].Rate;
        var context = new Context(this, account, market, frame);
        context.Bind(r.Variable, item);
        return (decimal)context.Evaluate(expression);
    }

    public override decimal GetItemShare(int rule, Account account, Market market, EvaluationFrame frame, int item)
    {
        var r = Policy.Liquidations[rule];
        var share = r.SizeKind == LiquidationSizeKind.Each ? r.SizeValue! : throw new InvalidOperationException("the rule does not size each item");
        var context = new Context(this, account, market, frame);
        context.Bind(r.Variable, item);
        return (decimal)context.Evaluate(share);
    }

    public override bool IsTakeable(int rule, Account account, Market market, EvaluationFrame frame, int item)
    {
        var r = Policy.Liquidations[rule];
        if (r.Filter == null) return true;
        var context = new Context(this, account, market, frame);
        context.Bind(r.Variable, item);
        return (bool)context.Evaluate(r.Filter);
    }

    public override decimal GetAdlRank(Account account, Market market, EvaluationFrame frame, int position)
    {
        var adl = Policy.Adl ?? throw new InvalidOperationException("the policy declares no ADL ranking");
        var context = new Context(this, account, market, frame);
        context.Bind(adl.Variable, position);
        return (decimal)context.Evaluate(adl.Rank);
    }

    private void Store(EvaluationFrame frame, LetSymbol let, object value)
    {
        var slot = Layout.Slot(let);
        switch (value)
        {
            case bool b: frame.Flags[slot] = b; break;
            case string s: frame.Texts[slot] = s; break;
            default: frame.Numbers[slot] = (decimal)value; break;
        }
    }

    private object Load(EvaluationFrame frame, LetSymbol let)
    {
        var slot = Layout.Slot(let);
        return let.Type.Kind switch
        {
            TypeKind.Bool => frame.Flags[slot],
            TypeKind.Text => frame.Texts[slot]!,
            _ => frame.Numbers[slot],
        };
    }

    private sealed class Context
    {
        private readonly ReferenceProgram _program;
        private readonly Account _account;
        private readonly Market _market;
        private readonly EvaluationFrame _frame;
        private readonly List<(VariableSymbol Variable, object Value)> _bindings = new();

        public Context(ReferenceProgram program, Account account, Market market, EvaluationFrame frame)
        {
            _program = program;
            _account = account;
            _market = market;
            _frame = frame;
        }

        private SourceText Source => _program.Policy.Source;

        public void Bind(VariableSymbol variable, object value) => _bindings.Add((variable, value));

        private object Lookup(VariableSymbol variable)
        {
            for (var i = _bindings.Count - 1; i >= 0; i--)
                if (ReferenceEquals(_bindings[i].Variable, variable)) return _bindings[i].Value;
            throw new InvalidOperationException($"variable {variable.Name} is not bound");
        }

        private PolicyEvaluationException Fail(string reason, TextSpan span) => new(reason, Source, span, _account.Id);

        public object Evaluate(BoundExpression e)
        {
            try
            {
                return EvaluateCore(e);
            }
            catch (DivideByZeroException)
            {
                throw Fail("division by zero", e.Span);
            }
            catch (OverflowException)
            {
                throw Fail("the result is outside the decimal range", e.Span);
            }
        }

        private object EvaluateCore(BoundExpression e)
        {
            switch (e)
            {
                case BoundLiteral l: return l.Value;
                case BoundParameterReference p: return p.Parameter.Value!;
                case BoundLetReference l: return _program.Load(_frame, l.Let);
                case BoundVariableReference v: return Lookup(v.Variable);
                case BoundAccountField a:
                    return a.Field switch
                    {
                        AccountField.Wallet => _account.Wallet,
                        AccountField.CallRounds => (decimal)_account.CallRounds,
                        AccountField.RoundsSinceLiquidation => (decimal)_account.RoundsSinceLiquidation,
                        _ => throw new InvalidOperationException("account.tags is not a value"),
                    };
                case BoundItemField f: return ItemField(f);
                case BoundUnary u:
                    var operand = Evaluate(u.Operand);
                    return u.Operator == UnaryOperator.Negate ? -(decimal)operand : !(bool)operand;
                case BoundBinary b: return Binary(b);
                case BoundConditional c:
                    return (bool)Evaluate(c.Condition) ? Evaluate(c.WhenTrue) : Evaluate(c.WhenFalse);
                case BoundFunctionCall call:
                    var args = call.Arguments.Select(Evaluate).ToArray();
                    var mark = _bindings.Count;
                    for (var i = 0; i < args.Length; i++) _bindings.Add((call.Function.Parameters[i], args[i]));
                    var result = Evaluate(call.Function.Body);
                    _bindings.RemoveRange(mark, _bindings.Count - mark);
                    return result;
                case BoundBuiltinCall call:
                    var values = call.Arguments.Select(a => (decimal)Evaluate(a)).ToArray();
                    try
                    {
                        return ConstantFolder.Apply(call.Function, values, call.Mode);
                    }
                    catch (ArgumentOutOfRangeException)
                    {
                        throw Fail(call.Function switch
                        {
                            BuiltinFunction.Pow => PolicyMath.PowExponentOutOfRange,
                            BuiltinFunction.Round => PolicyMath.RoundDigitsOutOfRange,
                            BuiltinFunction.Ln => PolicyMath.LnOfNonPositive,
                            _ => "square root of a negative number",
                        }, call.Span);
                    }
                case BoundAggregate a: return Aggregate(a);
                case BoundTableLookup t: return TableLookup(t);
                case BoundMarketLookup m:
                    var symbol = (string)Evaluate(m.Asset);
                    if (!_market.TryGetQuote(symbol, out var quote)) throw Fail($"the market does not list `{symbol}`", m.Span);
                    return m.Field switch
                    {
                        MarketField.Price => quote.Price,
                        MarketField.Volatility => quote.Volatility,
                        _ => quote.OpenInterest ?? throw Fail(MarginRules.Runtime.MarketQuotes.NoOpenInterest(symbol), m.Span),
                    };
                case BoundTagged t:
                    var tag = (string)Evaluate(t.Tag);
                    return _account.Tags.Contains(tag);
                case BoundCallExpired:
                    var call2 = _program.Policy.MarginCall;
                    return call2 != null && _frame.CallTriggered && _account.CallRounds >= call2.Deadline;
                default:
                    throw new InvalidOperationException($"unexpected node {e.GetType().Name}");
            }
        }

        private object Binary(BoundBinary b)
        {
            switch (b.Operator)
            {
                case BinaryOperator.And: return (bool)Evaluate(b.Left) && (bool)Evaluate(b.Right);
                case BinaryOperator.Or: return (bool)Evaluate(b.Left) || (bool)Evaluate(b.Right);
            }

            var left = Evaluate(b.Left);
            var right = Evaluate(b.Right);
            switch (b.Operator)
            {
                case BinaryOperator.Equal: return left.Equals(right);
                case BinaryOperator.NotEqual: return !left.Equals(right);
            }

            var l = (decimal)left;
            var r = (decimal)right;
            return b.Operator switch
            {
                BinaryOperator.Add => l + r,
                BinaryOperator.Subtract => l - r,
                BinaryOperator.Multiply => l * r,
                BinaryOperator.Divide => r == 0m ? throw Fail("division by zero", b.Right.Span) : l / r,
                BinaryOperator.Less => l < r,
                BinaryOperator.LessOrEqual => l <= r,
                BinaryOperator.Greater => l > r,
                _ => (object)(l >= r),
            };
        }

        private object ItemField(BoundItemField f)
        {
            var index = (int)Lookup(f.Variable);
            switch (f.Variable.Collection)
            {
                case CollectionKind.Positions:
                    var p = _account.Positions[index];
                    return f.Field switch
                    {
                        Language.Binding.ItemField.Symbol => p.Symbol,
                        Language.Binding.ItemField.Size => p.Size,
                        Language.Binding.ItemField.Side => (decimal)Math.Sign(p.Size),
                        Language.Binding.ItemField.EntryPrice => p.EntryPrice,
                        Language.Binding.ItemField.MarkPrice => Price(p.Symbol, f.Span),
                        Language.Binding.ItemField.Notional => Math.Abs(p.Size) * Price(p.Symbol, f.Span),
                        Language.Binding.ItemField.Upnl => p.Size * (Price(p.Symbol, f.Span) - p.EntryPrice),
                        Language.Binding.ItemField.IsLong => p.Size > 0,
                        Language.Binding.ItemField.IsShort => p.Size < 0,
                        Language.Binding.ItemField.Isolated => p.Isolated,
                        _ => (object)p.IsolatedMargin,
                    };
                case CollectionKind.Holdings:
                    var h = _account.Holdings[index];
                    return AssetField(f, h.Asset, h.Quantity);
                default:
                    var d = _account.Debts[index];
                    return AssetField(f, d.Asset, d.Quantity);
            }
        }

        private object AssetField(BoundItemField f, string asset, decimal quantity) => f.Field switch
        {
            Language.Binding.ItemField.Asset => asset,
            Language.Binding.ItemField.Quantity => quantity,
            Language.Binding.ItemField.Price => Price(asset, f.Span),
            _ => quantity * Price(asset, f.Span),
        };

        private decimal Price(string symbol, TextSpan span) =>
            _market.TryGetQuote(symbol, out var q) ? q.Price : throw Fail($"the market does not list `{symbol}`", span);

        private object Aggregate(BoundAggregate a)
        {
            // A table's rows bind their keys in row order (the default row is not one); a collection's items their index.
            var keys = a.Variable.Table?.Keys;
            var count = keys?.Count ?? a.Variable.Collection switch
            {
                CollectionKind.Positions => _account.Positions.Length,
                CollectionKind.Holdings => _account.Holdings.Length,
                _ => _account.Debts.Length,
            };
            var mark = _bindings.Count;
            _bindings.Add((a.Variable, 0));
            decimal sum = 0m;
            var counted = 0;
            var any = false;
            var all = true;
            var first = true;
            for (var i = 0; i < count; i++)
            {
                _bindings[mark] = (a.Variable, keys == null ? i : keys[i]);
                if (a.Filter != null && !(bool)Evaluate(a.Filter)) continue;
                switch (a.Kind)
                {
                    case AggregateKind.Sum:
                        sum += (decimal)Evaluate(a.Body!);
                        break;
                    case AggregateKind.Min:
                        var vmin = (decimal)Evaluate(a.Body!);
                        if (first || vmin < sum) sum = vmin;
                        first = false;
                        break;
                    case AggregateKind.Max:
                        var vmax = (decimal)Evaluate(a.Body!);
                        if (first || vmax > sum) sum = vmax;
                        first = false;
                        break;
                    case AggregateKind.Count:
                        if (a.Body == null || (bool)Evaluate(a.Body)) counted++;
                        break;
                    case AggregateKind.Any:
                        if (a.Body == null || (bool)Evaluate(a.Body)) any = true;
                        break;
                    default:
                        if (!(bool)Evaluate(a.Body!)) all = false;
                        break;
                }

                // any/all stop at the first decisive item, like the compiled loop.
                if ((a.Kind == AggregateKind.Any && any) || (a.Kind == AggregateKind.All && !all)) break;
            }

            _bindings.RemoveRange(mark, _bindings.Count - mark);
            return a.Kind switch
            {
                AggregateKind.Count => (decimal)counted,
                AggregateKind.Any => any,
                AggregateKind.All => all,
                _ => (object)sum,
            };
        }

        private object TableLookup(BoundTableLookup t)
        {
            var row = TableRow(t);
            if (t.ColumnNumber == null) return row[t.Column];
            var k = (decimal)Evaluate(t.ColumnNumber);
            if (!MarginRules.Runtime.TableRows.IsColumnNumber(k, row.Length)) throw Fail(MarginRules.Runtime.TableRows.NoColumn(t.Table.Name, k, row.Length), t.ColumnNumber.Span);
            return row[(int)k - 1];
        }

        private object[] TableRow(BoundTableLookup t)
        {
            var table = t.Table;
            if (table.KeyKind == TableKeyKind.Bracket)
            {
                var v = (decimal)Evaluate(t.Key);
                for (var i = 0; i < table.LowerBounds.Count; i++)
                {
                    var upper = table.UpperBounds[i];
                    if (v >= table.LowerBounds[i] && (!upper.HasValue || v < upper.Value)) return table.Rows[i];
                }

                throw Fail($"table `{table.Name}` has no bracket for {v}", t.Key.Span);
            }

            if (table.KeyKind == TableKeyKind.Tag)
            {
                for (var i = 0; i < table.Keys.Count; i++)
                    if (_account.Tags.Contains(table.Keys[i])) return table.Rows[i];
                if (table.DefaultRow != null) return table.DefaultRow;
                throw Fail($"table `{table.Name}` has no row for the account's tags and no default", t.Key.Span);
            }

            var key = (string)Evaluate(t.Key);
            for (var i = 0; i < table.Keys.Count; i++)
                if (table.Keys[i] == key) return table.Rows[i];
            if (table.DefaultRow != null) return table.DefaultRow;
            throw Fail($"table `{table.Name}` has no row `{key}` and no default", t.Key.Span);
        }
    }
}
