using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MarginRules.Accounts;
using MarginRules.Language.Binding;
using MarginRules.Language.Runtime;
using MarginRules.Language.Syntax;

namespace MarginRules.Evaluation;

/// <summary>
/// Proves that an account stays healthy over a box of prices and wallets: every listed price within ±band of its quote,
/// the wallet within ±band of its own value, everything else as it is. It evaluates the policy in interval arithmetic,
/// in the order <see cref="ReferenceProgram.Run"/> evaluates it, and certifies only when no liquidation rule and no
/// margin call can trigger and no expression can fail anywhere in the box. The cascade engine then leaves a certified
/// account alone while the prices and its wallet stay inside.
/// </summary>
/// <remarks>
/// Soundness: every interval operation returns an interval that contains the operation applied to any points of its
/// operands (monotone operations at the end points; products and quotients at the four corners; a division whose
/// divisor interval holds 0 is not certified). A sum or product whose decimal scale shows it was rounded widens its
/// result outward by more than twice decimal's rounding error (relative 10⁻²⁵ plus 10⁻²⁷), and a quotient always does;
/// the series and iterations of sqrt, exp and pow widen by 10⁻¹⁸. That covers both the interval's own rounding and the
/// rounding of the point evaluation it stands for. round, floor, ceil, min, max and clamp are monotone and exact, so they
/// map end points to end points. Anything the evaluation cannot bound (a text not known exactly, an exponent that is not
/// one whole number, a bracket gap, a symbol the market does not list) ends the attempt without a certificate.
/// The policy is turned into a tree of closures once, so an attempt costs a few times an evaluation.
/// </remarks>
internal sealed class HealthCertifier
{
    private const decimal RoundingEpsilon = 0.0000000000000000000000001m;
    private const decimal RoundingFloor = 0.000000000000000000000000001m;
    private const decimal SeriesEpsilon = 0.000000000000000001m;

    private delegate Range Node(Scratch s);

    private readonly Node[] _lets;
    private readonly Node? _callWhen;
    private readonly Node[] _ruleWhens;
    private readonly Node? _adlRank;
    private readonly int _adlSlot;
    private readonly int _valueSlots;
    private readonly int _indexSlots;

    /// <summary>Prepares the certifier for a checked policy.</summary>
    public HealthCertifier(BoundPolicy policy)
    {
        var builder = new Builder(policy);
        try
        {
            _lets = new Node[policy.Lets.Count];
            for (var i = 0; i < _lets.Length; i++) _lets[i] = builder.Build(policy.Lets[i].Value);
            _callWhen = policy.MarginCall == null ? null : builder.Build(policy.MarginCall.When);
            _ruleWhens = new Node[policy.Liquidations.Count];
            for (var i = 0; i < _ruleWhens.Length; i++) _ruleWhens[i] = builder.Build(policy.Liquidations[i].When);
            if (policy.Adl != null) (_adlRank, _adlSlot) = builder.BuildItem(policy.Adl.Variable, policy.Adl.Rank);
            Supported = true;
        }
        catch (InsufficientExecutionStackException)
        {
            // Functions inlined too deeply to build; such a policy is always evaluated.
            _lets = [];
            _ruleWhens = [];
        }

        _valueSlots = builder.ValueSlots;
        _indexSlots = builder.IndexSlots;
        ReadsMarketDirectly = builder.ReadsMarket;
    }

    /// <summary>False when the policy could not be prepared; <see cref="Certify"/> then never certifies.</summary>
    public bool Supported { get; }

    /// <summary>True when the policy reads prices or volatilities by symbol, not only through the account's items.</summary>
    public bool ReadsMarketDirectly { get; }

    /// <summary>The lower end of the box for a value: value − |value| × band; the engine tests membership with the same arithmetic.</summary>
    public static decimal Lower(decimal value, decimal band) => value - Math.Abs(value) * band;

    /// <summary>The upper end of the box for a value: value + |value| × band.</summary>
    public static decimal Upper(decimal value, decimal band) => value + Math.Abs(value) * band;

    /// <summary>The box around a market: each symbol's price within ±band, its volatility as quoted.</summary>
    public static Box CreateBox(Market market, decimal band)
    {
        var quotes = new Dictionary<string, (decimal, decimal, decimal)>(StringComparer.Ordinal);
        foreach (var kv in market.Quotes) quotes[kv.Key] = (Lower(kv.Value.Price, band), Upper(kv.Value.Price, band), kv.Value.Volatility);
        return new Box(quotes.ToFrozenDictionary(StringComparer.Ordinal), band);
    }

    /// <summary>Working memory for <see cref="Certify"/>; use one per thread.</summary>
    public Scratch CreateScratch() => new(_lets.Length, _valueSlots, _indexSlots);

    /// <summary>
    /// True when, for every price in <paramref name="box"/> and every wallet within its band of the account's, the
    /// policy evaluates without error and triggers no margin call and no liquidation rule. False means only that no
    /// certificate was found.
    /// </summary>
    public bool Certify(Account account, Box box, Scratch scratch)
    {
        if (!Supported) return false;
        scratch.Reset(account, box);
        try
        {
            for (var i = 0; i < _lets.Length; i++)
            {
                scratch.Lets[i] = _lets[i](scratch);
                if (scratch.Failed) return false;
            }

            // The margin call's amount is evaluated only when it triggers, so a call that cannot trigger needs nothing more.
            if (_callWhen != null)
            {
                var call = _callWhen(scratch);
                if (scratch.Failed || !call.IsFalse) return false;
                scratch.CallTriggered = call;
            }

            foreach (var when in _ruleWhens)
                if (!when(scratch).IsFalse || scratch.Failed) return false;
            return true;
        }
        catch (ArithmeticException)
        {
            // An overflow in the bounds: the box is too wide to reason about, so the account is simply evaluated.
            return false;
        }
    }

    /// <summary>
    /// After <see cref="Certify"/> returned true for the same account and scratch: a value no position's ADL rank exceeds
    /// anywhere in the box; <see cref="decimal.MaxValue"/> when the policy ranks nothing or the rank cannot be bounded.
    /// </summary>
    public decimal RankBound(Scratch scratch)
    {
        if (_adlRank == null) return decimal.MaxValue;
        var bound = decimal.MinValue;
        try
        {
            for (var k = 0; k < scratch.Account.Positions.Length; k++)
            {
                scratch.Indexes[_adlSlot] = k;
                var rank = _adlRank(scratch);
                if (scratch.Failed) return decimal.MaxValue;
                bound = Math.Max(bound, rank.Hi);
            }
        }
        catch (ArithmeticException)
        {
            return decimal.MaxValue;
        }

        return bound;
    }

    /// <summary>Prices by symbol as intervals, with the band they were built with.</summary>
    internal sealed class Box
    {
        internal Box(FrozenDictionary<string, (decimal Lo, decimal Hi, decimal Volatility)> quotes, decimal band)
        {
            Quotes = quotes;
            Band = band;
        }

        internal FrozenDictionary<string, (decimal Lo, decimal Hi, decimal Volatility)> Quotes { get; }

        /// <summary>The band of the prices, also applied to the wallet.</summary>
        public decimal Band { get; }
    }

    /// <summary>The per-thread state of one certification: the account, the let values and the variable slots.</summary>
    internal sealed class Scratch
    {
        internal Scratch(int lets, int values, int indexes)
        {
            Lets = new Range[lets];
            Values = new Range[values];
            Indexes = new int[indexes];
        }

        internal Account Account { get; private set; } = null!;

        internal Box Box { get; private set; } = null!;

        internal Range Wallet { get; private set; }

        internal Range[] Lets { get; }

        internal Range[] Values { get; }

        internal int[] Indexes { get; }

        internal bool Failed { get; private set; }

        internal Range? CallTriggered { get; set; }

        internal void Reset(Account account, Box box)
        {
            Account = account;
            Box = box;
            Wallet = new Range(Lower(account.Wallet, box.Band), Upper(account.Wallet, box.Band));
            Failed = false;
            CallTriggered = null;
        }

        internal Range Fail()
        {
            Failed = true;
            return Range.False;
        }

        internal Range Price(string? symbol, MarketField field = MarketField.Price)
        {
            if (symbol == null || !Box.Quotes.TryGetValue(symbol, out var quote)) return Fail();
            return field == MarketField.Price ? new Range(quote.Lo, quote.Hi) : Range.Point(quote.Volatility);
        }
    }

    /// <summary>An interval of decimals, or of booleans as 0 (false) and 1 (true), or a text known exactly (null when unknown).</summary>
    internal readonly struct Range
    {
        public Range(decimal lo, decimal hi)
        {
            Lo = lo;
            Hi = hi;
            Text = null;
        }

        public Range(string? text)
        {
            Lo = Hi = 0m;
            Text = text;
        }

        public decimal Lo { get; }

        public decimal Hi { get; }

        public string? Text { get; }

        public static Range True => new(1m, 1m);

        public static Range False => new(0m, 0m);

        public static Range Maybe => new(0m, 1m);

        public static Range Point(decimal value) => new(value, value);

        public static Range Bool(bool value) => value ? True : False;

        public bool IsTrue => Lo == 1m;

        public bool IsFalse => Hi == 0m;

        public bool IsPoint => Lo == Hi;

        public static Range Hull(Range a, Range b) => new(Math.Min(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi));
    }

    // ---------- Interval arithmetic ----------

    private static Range Widen(decimal lo, decimal hi, decimal epsilon) =>
        new(lo - (Math.Abs(lo) * epsilon + RoundingFloor), hi + (Math.Abs(hi) * epsilon + RoundingFloor));

    // Decimal addition keeps the larger scale of its operands, and multiplication the sum of their scales, unless the
    // result has to be rounded; a result with that scale is exact, and its end points need no widening.
    private static decimal Add(decimal a, decimal b, ref bool exact)
    {
        var r = a + b;
        exact &= r.Scale == Math.Max(a.Scale, b.Scale);
        return r;
    }

    private static decimal Sub(decimal a, decimal b, ref bool exact)
    {
        var r = a - b;
        exact &= r.Scale == Math.Max(a.Scale, b.Scale);
        return r;
    }

    private static decimal Mul(decimal a, decimal b, ref bool exact)
    {
        var r = a * b;
        exact &= r.Scale == a.Scale + b.Scale;
        return r;
    }

    private static Range Rounded(decimal lo, decimal hi, bool exact) => exact ? new Range(lo, hi) : Widen(lo, hi, RoundingEpsilon);

    private static Range Sum(Range l, Range r)
    {
        var exact = true;
        return Rounded(Add(l.Lo, r.Lo, ref exact), Add(l.Hi, r.Hi, ref exact), exact);
    }

    private static Range Difference(Range l, Range r)
    {
        var exact = true;
        return Rounded(Sub(l.Lo, r.Hi, ref exact), Sub(l.Hi, r.Lo, ref exact), exact);
    }

    private static Range Multiply(Range l, Range r)
    {
        if (l.IsPoint) return Scale(l.Lo, r);
        if (r.IsPoint) return Scale(r.Lo, l);
        var exact = true;
        decimal a = Mul(l.Lo, r.Lo, ref exact), b = Mul(l.Lo, r.Hi, ref exact), c = Mul(l.Hi, r.Lo, ref exact), d = Mul(l.Hi, r.Hi, ref exact);
        return Rounded(Math.Min(Math.Min(a, b), Math.Min(c, d)), Math.Max(Math.Max(a, b), Math.Max(c, d)), exact);
    }

    private static Range Scale(decimal k, Range r)
    {
        var exact = true;
        decimal a = Mul(k, r.Lo, ref exact), b = Mul(k, r.Hi, ref exact);
        return a <= b ? Rounded(a, b, exact) : Rounded(b, a, exact);
    }

    private static Range Divide(Scratch s, Range l, Range r)
    {
        // A divisor that can be 0 would fail at some point of the box.
        if (r.Lo <= 0m && r.Hi >= 0m) return s.Fail();
        if (r.Lo > 0m)
        {
            // A positive divisor: the quotient rises with the dividend and falls with the divisor where the dividend
            // is positive, the other way where it is negative; two quotients bound it.
            var lo = l.Lo / (l.Lo >= 0m ? r.Hi : r.Lo);
            var hi = l.Hi / (l.Hi >= 0m ? r.Lo : r.Hi);
            return Widen(lo, hi, RoundingEpsilon);
        }

        decimal a = l.Lo / r.Lo, b = l.Lo / r.Hi, c = l.Hi / r.Lo, d = l.Hi / r.Hi;
        return Widen(Math.Min(Math.Min(a, b), Math.Min(c, d)), Math.Max(Math.Max(a, b), Math.Max(c, d)), RoundingEpsilon);
    }

    private static Range Not(Range r) => new(1m - r.Hi, 1m - r.Lo);

    private static Range Compare(bool alwaysTrue, bool alwaysFalse) => alwaysTrue ? Range.True : alwaysFalse ? Range.False : Range.Maybe;

    private static Range Equal(Range l, Range r, bool text)
    {
        if (text) return l.Text == null || r.Text == null ? Range.Maybe : Range.Bool(l.Text == r.Text);
        if (l.Hi < r.Lo || r.Hi < l.Lo) return Range.False;
        return l.IsPoint && r.IsPoint ? Range.True : Range.Maybe;
    }

    private static Range Join(Range a, Range b, bool text)
    {
        if (!text) return Range.Hull(a, b);
        return a.Text != null && a.Text == b.Text ? a : new Range((string?)null);
    }

    private static Range Pow(Scratch s, Range x, Range exponent)
    {
        if (!exponent.IsPoint || decimal.Truncate(exponent.Lo) != exponent.Lo || Math.Abs(exponent.Lo) > 1000m) return s.Fail();
        var n = (int)exponent.Lo;
        if (n == 0) return Range.Point(1m);

        // x^n is monotone on each side of 0; across 0 an even power has its minimum 0 there, and a negative power a pole.
        if (x.Lo < 0m && x.Hi > 0m)
        {
            if (n < 0) return s.Fail();
            var a = PolicyMath.Pow(x.Lo, n);
            var b = PolicyMath.Pow(x.Hi, n);
            return n % 2 == 0 ? Widen(0m, Math.Max(a, b), SeriesEpsilon) : Widen(a, b, SeriesEpsilon);
        }

        if (n < 0 && (x.Lo == 0m || x.Hi == 0m)) return s.Fail();
        var p = PolicyMath.Pow(x.Lo, n);
        var q = PolicyMath.Pow(x.Hi, n);
        return Widen(Math.Min(p, q), Math.Max(p, q), SeriesEpsilon);
    }

    /// <summary>Turns bound expressions into closures over a <see cref="Scratch"/>, with functions inlined.</summary>
    private sealed class Builder
    {
        private readonly BoundPolicy _policy;
        private readonly Dictionary<LetSymbol, int> _letIndex = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<VariableSymbol, int> _values = new(ReferenceEqualityComparer.Instance);
        private readonly Dictionary<VariableSymbol, int> _indexes = new(ReferenceEqualityComparer.Instance);

        public Builder(BoundPolicy policy)
        {
            _policy = policy;
            for (var i = 0; i < policy.Lets.Count; i++) _letIndex[policy.Lets[i]] = i;
        }

        public int ValueSlots { get; private set; }

        public int IndexSlots { get; private set; }

        public bool ReadsMarket { get; private set; }

        private static Node Failing() => s => s.Fail();

        /// <summary>Builds a per-item expression; the item's index goes in the returned slot.</summary>
        public (Node Node, int Slot) BuildItem(VariableSymbol variable, BoundExpression e)
        {
            var slot = IndexSlots++;
            _indexes[variable] = slot;
            var node = Build(e);
            _indexes.Remove(variable);
            return (node, slot);
        }

        private static Node Constant(object? value)
        {
            Range r;
            switch (value)
            {
                case decimal d: r = Range.Point(d); break;
                case bool b: r = Range.Bool(b); break;
                case string t: r = new Range(t); break;
                default: return Failing();
            }

            return _ => r;
        }

        private static Range ConstantValue(Scratch s, object? value) => value switch
        {
            decimal d => Range.Point(d),
            bool b => Range.Bool(b),
            string t => new Range(t),
            _ => s.Fail(),
        };

        public Node Build(BoundExpression e)
        {
            RuntimeHelpers.EnsureSufficientExecutionStack();
            switch (e)
            {
                case BoundLiteral l: return Constant(l.Value);
                case BoundParameterReference p: return Constant(p.Parameter.Value);
                case BoundLetReference l:
                    if (!_letIndex.TryGetValue(l.Let, out var let)) return Failing();
                    return s => s.Lets[let];
                case BoundVariableReference v:
                    if (!_values.TryGetValue(v.Variable, out var value)) return Failing();
                    return s => s.Values[value];
                case BoundAccountField a:
                    return a.Field switch
                    {
                        AccountField.Wallet => s => s.Wallet,
                        AccountField.CallRounds => s => Range.Point(s.Account.CallRounds),
                        _ => Failing(),
                    };
                case BoundItemField f: return ItemField(f);
                case BoundUnary u:
                    var operand = Build(u.Operand);
                    return u.Operator == UnaryOperator.Negate
                        ? s => { var r = operand(s); return new Range(-r.Hi, -r.Lo); }
                        : s => Not(operand(s));
                case BoundBinary b: return Binary(b);
                case BoundConditional c:
                {
                    var condition = Build(c.Condition);
                    var whenTrue = Build(c.WhenTrue);
                    var whenFalse = Build(c.WhenFalse);
                    var text = c.Type.Kind == TypeKind.Text;
                    return s =>
                    {
                        var test = condition(s);
                        if (test.IsTrue) return whenTrue(s);
                        if (test.IsFalse) return whenFalse(s);
                        return Join(whenTrue(s), whenFalse(s), text);
                    };
                }

                case BoundFunctionCall call: return Inline(call);
                case BoundBuiltinCall call: return Builtin(call);
                case BoundAggregate a: return Aggregate(a);
                case BoundTableLookup t: return TableLookup(t);
                case BoundMarketLookup m:
                {
                    ReadsMarket = true;
                    var asset = Build(m.Asset);
                    var field = m.Field;
                    return s => s.Price(asset(s).Text, field);
                }

                case BoundTagged t:
                {
                    var tag = Build(t.Tag);
                    return s =>
                    {
                        var name = tag(s).Text;
                        return name == null ? s.Fail() : Range.Bool(s.Account.Tags.Contains(name));
                    };
                }

                case BoundCallExpired:
                {
                    // Read by liquidation rules after the call's condition; an account past its deadline is never certified.
                    var call = _policy.MarginCall;
                    if (call == null) return _ => Range.False;
                    var deadline = call.Deadline;
                    return s =>
                    {
                        if (s.CallTriggered == null) return s.Fail();
                        return s.CallTriggered.Value.IsFalse || s.Account.CallRounds < deadline ? Range.False : Range.Maybe;
                    };
                }

                default:
                    return Failing();
            }
        }

        private Node Inline(BoundFunctionCall call)
        {
            // Each call site gets its own slots for the arguments, so nested and repeated calls never share one.
            var args = new Node[call.Arguments.Count];
            for (var i = 0; i < args.Length; i++) args[i] = Build(call.Arguments[i]);
            var slots = new int[args.Length];
            var saved = new (bool Had, int Slot)[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                var parameter = call.Function.Parameters[i];
                saved[i] = (_values.TryGetValue(parameter, out var old), old);
                slots[i] = ValueSlots++;
                _values[parameter] = slots[i];
            }

            var body = Build(call.Function.Body);
            for (var i = 0; i < args.Length; i++)
            {
                var parameter = call.Function.Parameters[i];
                if (saved[i].Had) _values[parameter] = saved[i].Slot;
                else _values.Remove(parameter);
            }

            return s =>
            {
                for (var i = 0; i < args.Length; i++) s.Values[slots[i]] = args[i](s);
                return body(s);
            };
        }

        private Node Binary(BoundBinary b)
        {
            var left = Build(b.Left);
            var right = Build(b.Right);
            switch (b.Operator)
            {
                case BinaryOperator.And:
                    // Short-circuits as the evaluators do: the right side is evaluated only where the left can be true.
                    return s =>
                    {
                        var l = left(s);
                        if (l.IsFalse) return Range.False;
                        var r = right(s);
                        return new Range(Math.Min(l.Lo, r.Lo), Math.Min(l.Hi, r.Hi));
                    };
                case BinaryOperator.Or:
                    return s =>
                    {
                        var l = left(s);
                        if (l.IsTrue) return Range.True;
                        var r = right(s);
                        return new Range(Math.Max(l.Lo, r.Lo), Math.Max(l.Hi, r.Hi));
                    };
                case BinaryOperator.Equal:
                {
                    var text = b.Left.Type.Kind == TypeKind.Text;
                    return s => Equal(left(s), right(s), text);
                }

                case BinaryOperator.NotEqual:
                {
                    var text = b.Left.Type.Kind == TypeKind.Text;
                    return s => Not(Equal(left(s), right(s), text));
                }

                case BinaryOperator.Add: return s => Sum(left(s), right(s));
                case BinaryOperator.Subtract: return s => Difference(left(s), right(s));
                case BinaryOperator.Multiply: return s => Multiply(left(s), right(s));
                case BinaryOperator.Divide: return s => Divide(s, left(s), right(s));
                case BinaryOperator.Less:
                    return s => { var l = left(s); var r = right(s); return Compare(l.Hi < r.Lo, l.Lo >= r.Hi); };
                case BinaryOperator.LessOrEqual:
                    return s => { var l = left(s); var r = right(s); return Compare(l.Hi <= r.Lo, l.Lo > r.Hi); };
                case BinaryOperator.Greater:
                    return s => { var l = left(s); var r = right(s); return Compare(l.Lo > r.Hi, l.Hi <= r.Lo); };
                default:
                    return s => { var l = left(s); var r = right(s); return Compare(l.Lo >= r.Hi, l.Hi < r.Lo); };
            }
        }

        private Node ItemField(BoundItemField f)
        {
            if (!_indexes.TryGetValue(f.Variable, out var slot)) return Failing();
            switch (f.Variable.Collection)
            {
                case CollectionKind.Positions:
                    return f.Field switch
                    {
                        Language.Binding.ItemField.Symbol => s => new Range(s.Account.Positions[s.Indexes[slot]].Symbol),
                        Language.Binding.ItemField.Size => s => Range.Point(s.Account.Positions[s.Indexes[slot]].Size),
                        Language.Binding.ItemField.Side => s => Range.Point(Math.Sign(s.Account.Positions[s.Indexes[slot]].Size)),
                        Language.Binding.ItemField.EntryPrice => s => Range.Point(s.Account.Positions[s.Indexes[slot]].EntryPrice),
                        Language.Binding.ItemField.MarkPrice => s => s.Price(s.Account.Positions[s.Indexes[slot]].Symbol),
                        Language.Binding.ItemField.Notional => s =>
                        {
                            var p = s.Account.Positions[s.Indexes[slot]];
                            return Scale(Math.Abs(p.Size), s.Price(p.Symbol));
                        },
                        Language.Binding.ItemField.Upnl => s =>
                        {
                            var p = s.Account.Positions[s.Indexes[slot]];
                            return Scale(p.Size, Difference(s.Price(p.Symbol), Range.Point(p.EntryPrice)));
                        },
                        Language.Binding.ItemField.IsLong => s => Range.Bool(s.Account.Positions[s.Indexes[slot]].Size > 0),
                        Language.Binding.ItemField.IsShort => s => Range.Bool(s.Account.Positions[s.Indexes[slot]].Size < 0),
                        Language.Binding.ItemField.Isolated => s => Range.Bool(s.Account.Positions[s.Indexes[slot]].Isolated),
                        _ => s => Range.Point(s.Account.Positions[s.Indexes[slot]].IsolatedMargin),
                    };
                case CollectionKind.Holdings:
                    return AssetField(f.Field, s => (s.Account.Holdings[s.Indexes[slot]].Asset, s.Account.Holdings[s.Indexes[slot]].Quantity));
                default:
                    return AssetField(f.Field, s => (s.Account.Debts[s.Indexes[slot]].Asset, s.Account.Debts[s.Indexes[slot]].Quantity));
            }
        }

        private static Node AssetField(ItemField field, Func<Scratch, (string Asset, decimal Quantity)> item) => field switch
        {
            Language.Binding.ItemField.Asset => s => new Range(item(s).Asset),
            Language.Binding.ItemField.Quantity => s => Range.Point(item(s).Quantity),
            Language.Binding.ItemField.Price => s => s.Price(item(s).Asset),
            _ => s =>
            {
                var (asset, quantity) = item(s);
                return Scale(quantity, s.Price(asset));
            },
        };

        private Node Builtin(BoundBuiltinCall call)
        {
            var args = new Node[call.Arguments.Count];
            for (var i = 0; i < args.Length; i++) args[i] = Build(call.Arguments[i]);
            var x = args[0];
            switch (call.Function)
            {
                case BuiltinFunction.Min:
                case BuiltinFunction.Max:
                {
                    var min = call.Function == BuiltinFunction.Min;
                    return s =>
                    {
                        var first = args[0](s);
                        decimal lo = first.Lo, hi = first.Hi;
                        for (var i = 1; i < args.Length; i++)
                        {
                            var next = args[i](s);
                            lo = min ? Math.Min(lo, next.Lo) : Math.Max(lo, next.Lo);
                            hi = min ? Math.Min(hi, next.Hi) : Math.Max(hi, next.Hi);
                        }

                        return new Range(lo, hi);
                    };
                }

                case BuiltinFunction.Abs:
                    return s =>
                    {
                        var r = x(s);
                        if (r.Lo >= 0m) return r;
                        if (r.Hi <= 0m) return new Range(-r.Hi, -r.Lo);
                        return new Range(0m, Math.Max(-r.Lo, r.Hi));
                    };
                case BuiltinFunction.Clamp:
                    // PolicyMath.Clamp is max(lo, min(x, hi)): monotone in all three arguments.
                    return s =>
                    {
                        Range v = x(s), lo = args[1](s), hi = args[2](s);
                        return new Range(PolicyMath.Clamp(v.Lo, lo.Lo, hi.Lo), PolicyMath.Clamp(v.Hi, lo.Hi, hi.Hi));
                    };
                case BuiltinFunction.Floor: return s => { var r = x(s); return new Range(PolicyMath.Floor(r.Lo), PolicyMath.Floor(r.Hi)); };
                case BuiltinFunction.Ceil: return s => { var r = x(s); return new Range(PolicyMath.Ceil(r.Lo), PolicyMath.Ceil(r.Hi)); };
                case BuiltinFunction.Round:
                {
                    var mode = call.Mode;
                    return s =>
                    {
                        var r = x(s);
                        var digits = args[1](s);
                        if (!digits.IsPoint) return s.Fail();
                        var d = (int)digits.Lo;
                        return new Range(PolicyMath.Round(r.Lo, d, mode), PolicyMath.Round(r.Hi, d, mode));
                    };
                }

                case BuiltinFunction.Sqrt:
                    return s =>
                    {
                        var r = x(s);
                        return r.Lo < 0m ? s.Fail() : Widen(PolicyMath.Sqrt(r.Lo), PolicyMath.Sqrt(r.Hi), SeriesEpsilon);
                    };
                case BuiltinFunction.Exp:
                    return s =>
                    {
                        var r = x(s);
                        return r.Hi > 66m ? s.Fail() : Widen(PolicyMath.Exp(r.Lo), PolicyMath.Exp(r.Hi), SeriesEpsilon);
                    };
                default:
                    return s => Pow(s, x(s), args[1](s));
            }
        }

        private Node Aggregate(BoundAggregate a)
        {
            var slot = IndexSlots++;
            var had = _indexes.TryGetValue(a.Variable, out var outer);
            _indexes[a.Variable] = slot;
            var filter = a.Filter == null ? null : Build(a.Filter);
            var body = a.Body == null ? null : Build(a.Body);
            if (had) _indexes[a.Variable] = outer;
            else _indexes.Remove(a.Variable);

            var collection = a.Variable.Collection;
            var kind = a.Kind;
            return s =>
            {
                var account = s.Account;
                var count = collection switch
                {
                    CollectionKind.Positions => account.Positions.Length,
                    CollectionKind.Holdings => account.Holdings.Length,
                    _ => account.Debts.Length,
                };

                // Items the filter keeps everywhere in the box are "sure"; items it may keep are "maybe".
                decimal lo = 0m, hi = 0m;
                decimal sureLo = 0m, sureHi = 0m, anyLo = 0m, anyHi = 0m;
                var sure = 0;
                var maybe = 0;
                for (var i = 0; i < count && !s.Failed; i++)
                {
                    s.Indexes[slot] = i;
                    var kept = filter == null ? Range.True : filter(s);
                    if (kept.IsFalse) continue;
                    var certain = kept.IsTrue;
                    var value = body == null ? Range.True : body(s);
                    switch (kind)
                    {
                        case AggregateKind.Sum:
                            // An item that may be left out adds anything between 0 and its value.
                            var sum = Sum(new Range(lo, hi), certain ? value : Range.Hull(value, Range.Point(0m)));
                            (lo, hi) = (sum.Lo, sum.Hi);
                            break;
                        case AggregateKind.Min:
                        case AggregateKind.Max:
                            if (sure + maybe == 0) (anyLo, anyHi) = (value.Lo, value.Hi);
                            else (anyLo, anyHi) = (Math.Min(anyLo, value.Lo), Math.Max(anyHi, value.Hi));
                            if (certain)
                            {
                                // The sure items bound the far end: a min is at most every sure item's Hi, a max at least its Lo.
                                if (sure == 0) (sureLo, sureHi) = (value.Lo, value.Hi);
                                else if (kind == AggregateKind.Min) sureHi = Math.Min(sureHi, value.Hi);
                                else sureLo = Math.Max(sureLo, value.Lo);
                            }

                            break;
                        case AggregateKind.Count:
                            if (certain && value.IsTrue) lo += 1m;
                            if (!value.IsFalse) hi += 1m;
                            break;
                        case AggregateKind.Any:
                            if (certain && value.IsTrue) lo = 1m;
                            if (!value.IsFalse) hi = 1m;
                            break;
                        default:
                            // all: an item surely kept and surely false makes it false (hi = −1); one that may be, may (lo = −1).
                            if (certain && value.IsFalse) hi = -1m;
                            if (!value.IsTrue) lo = -1m;
                            break;
                    }

                    if (certain) sure++;
                    else maybe++;

                    // any/all stop at the first decisive item, like the evaluators; later items are then never evaluated.
                    if ((kind == AggregateKind.Any && lo == 1m) || (kind == AggregateKind.All && hi == -1m)) break;
                }

                switch (kind)
                {
                    case AggregateKind.Min:
                    case AggregateKind.Max:
                        if (sure + maybe == 0) return Range.Point(0m);

                        // With no sure item the kept set may be empty, which gives 0.
                        if (sure == 0) return Range.Hull(new Range(anyLo, anyHi), Range.Point(0m));
                        return kind == AggregateKind.Min ? new Range(anyLo, sureHi) : new Range(sureLo, anyHi);
                    case AggregateKind.All:
                        return new Range(lo == -1m ? 0m : 1m, hi == -1m ? 0m : 1m);
                    default:
                        return new Range(lo, hi);
                }
            };
        }

        private Node TableLookup(BoundTableLookup t)
        {
            var table = t.Table;
            var column = t.Column;
            var text = t.Type.Kind == TypeKind.Text;
            switch (table.KeyKind)
            {
                case TableKeyKind.Bracket:
                {
                    var key = Build(t.Key);
                    var lowers = new decimal[table.LowerBounds.Count];
                    var uppers = new decimal?[lowers.Length];
                    var cells = new Range?[lowers.Length];
                    for (var i = 0; i < lowers.Length; i++)
                    {
                        lowers[i] = table.LowerBounds[i];
                        uppers[i] = table.UpperBounds[i];
                        cells[i] = table.Rows[i][column] switch
                        {
                            decimal d => Range.Point(d),
                            bool b => Range.Bool(b),
                            string x => new Range(x),
                            _ => null,
                        };
                    }

                    // The binder keeps brackets in ascending order without overlaps; the search relies on it, and a
                    // table that is not so is simply never certified through.
                    var ordered = true;
                    for (var i = 1; i < lowers.Length; i++)
                        ordered &= uppers[i - 1].HasValue && uppers[i - 1]!.Value <= lowers[i];
                    if (!ordered) return Failing();

                    return s =>
                    {
                        var k = key(s);

                        // Brackets are [lower, upper): start at the last bracket whose lower bound is at most k.Lo, and
                        // walk up while brackets still meet the key's interval. Every value of the interval must fall in
                        // some bracket (no gap); the result spans the rows it meets.
                        var i = Array.BinarySearch(lowers, k.Lo);
                        if (i < 0) i = ~i - 1;
                        if (i < 0) return s.Fail();
                        Range? result = null;
                        var covered = k.Lo;
                        for (; i < lowers.Length; i++)
                        {
                            var upper = uppers[i];
                            if (lowers[i] > covered || cells[i] == null) return s.Fail();
                            if (upper.HasValue && upper.Value <= k.Lo) return s.Fail();
                            var cell = cells[i]!.Value;
                            result = result == null ? cell : Join(result.Value, cell, text);
                            if (!upper.HasValue || upper.Value > k.Hi) return result.Value;
                            covered = upper.Value;
                        }

                        return s.Fail();
                    };
                }

                case TableKeyKind.Tag:
                    return s =>
                    {
                        for (var i = 0; i < table.Keys.Count; i++)
                            if (s.Account.Tags.Contains(table.Keys[i])) return ConstantValue(s, table.Rows[i][column]);
                        return table.DefaultRow != null ? ConstantValue(s, table.DefaultRow[column]) : s.Fail();
                    };
                default:
                {
                    var key = Build(t.Key);
                    return s =>
                    {
                        var k = key(s).Text;
                        if (k == null) return s.Fail();
                        for (var i = 0; i < table.Keys.Count; i++)
                            if (table.Keys[i] == k) return ConstantValue(s, table.Rows[i][column]);
                        return table.DefaultRow != null ? ConstantValue(s, table.DefaultRow[column]) : s.Fail();
                    };
                }
            }
        }
    }
}
