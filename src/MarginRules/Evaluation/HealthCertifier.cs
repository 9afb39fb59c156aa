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
/// the wallet within ±band of its own value (each end rounded outward to <see cref="BoxDigits"/> significant digits),
/// everything else as it is, volatilities and open interest included (the wallet's interval, computed in doubles, is a
/// hair wider). It evaluates the policy in
/// interval arithmetic, in the order <see cref="ReferenceProgram.Run"/> evaluates it, and certifies only when no liquidation rule and no
/// margin call can trigger and no expression can fail anywhere in the box. The cascade engine then leaves a certified
/// account alone while the prices and its wallet stay inside.
/// </summary>
/// <remarks>
/// Soundness: the bounds are doubles, each a little outside the decimal it stands for. Every input (a price end, a
/// wallet end, a size, a table cell) becomes an interval that contains the decimal exactly: integers below 2⁵³ as
/// themselves, anything else widened by 10⁻¹⁵ relative (several ulps, more than the decimal-to-double conversion
/// loses). Every interval operation returns an interval containing the operation applied to any real points of its
/// operands (monotone operations at the end points; products and quotients at the corners; a division whose divisor
/// interval holds 0 is not certified), and every rounding operation moves its ends outward by one ulp and 10⁻²⁷, more
/// than both the double's rounding and the rounding of the decimal point evaluation it stands for (10⁻²⁸ relative).
/// sqrt, exp and pow widen by 10⁻¹³ relative; round(x, d) by one unit of its d-th decimal. Anything the evaluation
/// cannot bound (a text not known exactly, an exponent that is not one whole number, a bracket table with gaps, a
/// symbol the market does not list or an open interest it does not give, an infinite or NaN bound) ends the attempt without a certificate.
/// The policy is turned into a tree of closures once, and doubles keep an attempt within a few evaluations' cost.
/// </remarks>
internal sealed class HealthCertifier
{
    private const double InputEpsilon = 1e-15;
    private const double RoundingFloor = 1e-27;
    private const double SeriesEpsilon = 1e-13;

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

        // A policy that could not be built was not read to the end, so it is assumed to read the market by symbol.
        ReadsMarketDirectly = builder.ReadsMarket || !Supported;
    }

    /// <summary>False when the policy could not be prepared; <see cref="Certify"/> then never certifies.</summary>
    public bool Supported { get; }

    /// <summary>True when the policy reads prices or volatilities by symbol, not only through the account's items.</summary>
    public bool ReadsMarketDirectly { get; }

    /// <summary>
    /// The lower end of the box for a value: value − |value| × band, rounded down to <see cref="BoxDigits"/> significant
    /// digits; the engine tests prices against it. The wallet's interval holds [Lower, Upper] (see <c>WalletBox</c>).
    /// </summary>
    public static decimal Lower(decimal value, decimal band)
    {
        try
        {
            return Outward(value - Math.Abs(value) * band, up: false);
        }
        catch (OverflowException)
        {
            return decimal.MinValue;
        }
    }

    /// <summary>The upper end of the box for a value: value + |value| × band, rounded up to <see cref="BoxDigits"/> significant digits.</summary>
    public static decimal Upper(decimal value, decimal band)
    {
        try
        {
            return Outward(value + Math.Abs(value) * band, up: true);
        }
        catch (OverflowException)
        {
            return decimal.MaxValue;
        }
    }

    /// <summary>
    /// Significant digits of a box's ends. Prices after price impact carry all 28 digits, and decimal arithmetic on
    /// such numbers takes its slow rounding path at every step; ends this short keep the interval arithmetic on short
    /// numbers, often exact, at the cost of a box a hair wider than the band.
    /// </summary>
    public const int BoxDigits = 6;

    private static decimal Outward(decimal x, bool up)
    {
        if (x == 0m) return 0m;
        var exponent = (int)Math.Floor(Math.Log10((double)Math.Abs(x))) - (BoxDigits - 1);
        if (exponent < -28) return x;
        var unit = exponent >= 0 ? Pow10(exponent) : new decimal(1, 0, 0, false, (byte)-exponent);
        var steps = x / unit;
        var rounded = (up ? decimal.Ceiling(steps) : decimal.Floor(steps)) * unit;

        // The quotient may itself have been rounded in its 28th digit; one more unit puts the end back outside.
        if (up && rounded < x) rounded += unit;
        if (!up && rounded > x) rounded -= unit;
        return rounded;
    }

    private static decimal Pow10(int n)
    {
        var result = 1m;
        for (var i = 0; i < n; i++) result *= 10m;
        return result;
    }

    /// <summary>The box around a market: each symbol's price within ±band, its volatility and open interest as quoted.</summary>
    public static Box CreateBox(Market market, decimal band)
    {
        var quotes = new Dictionary<string, (Range, Range, Range?)>(StringComparer.Ordinal);
        foreach (var kv in market.Quotes)
        {
            var q = kv.Value;
            quotes[kv.Key] = (Between(Lower(q.Price, band), Upper(q.Price, band)), Of(q.Volatility), q.OpenInterest is { } oi ? Of(oi) : null);
        }

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
        var bound = double.NegativeInfinity;
        try
        {
            for (var k = 0; k < scratch.PositionCount; k++)
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

        // Back to decimal, rounded up past the double: a bound that does not fit means no bound.
        if (double.IsNegativeInfinity(bound)) return decimal.MinValue;
        if (!double.IsFinite(bound) || Math.Abs(bound) >= 7e28) return decimal.MaxValue;

        // The conversion keeps about 15 significant digits; a margin of 10⁻¹² relative puts the decimal above the double.
        var rounded = (decimal)bound;
        return rounded + Math.Abs(rounded) * 0.000000000001m + 0.000000000001m;
    }

    /// <summary>Prices by symbol as intervals, with the band they were built with.</summary>
    internal sealed class Box
    {
        internal Box(FrozenDictionary<string, (Range Price, Range Volatility, Range? OpenInterest)> quotes, decimal band)
        {
            Quotes = quotes;
            Band = band;
            BandAbove = Of(band).Hi;
        }

        /// <summary>Each listed symbol's price interval, its volatility and its open interest (null when not given).</summary>
        internal FrozenDictionary<string, (Range Price, Range Volatility, Range? OpenInterest)> Quotes { get; }

        /// <summary>The band of the prices, also applied to the wallet.</summary>
        public decimal Band { get; }

        /// <summary>A double at or above <see cref="Band"/>.</summary>
        internal double BandAbove { get; }
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

        /// <summary>The account being certified.</summary>
        internal Account Account { get; private set; } = null!;

        /// <summary>The prices it is certified over.</summary>
        internal Box Box { get; private set; } = null!;

        /// <summary>The account's wallet band.</summary>
        internal Range Wallet { get; private set; }

        /// <summary>The interval of each let, in declaration order.</summary>
        internal Range[] Lets { get; }

        /// <summary>Function arguments, one slot per inlined parameter.</summary>
        internal Range[] Values { get; }

        /// <summary>Item indexes, one slot per aggregate or item variable.</summary>
        internal int[] Indexes { get; }

        /// <summary>True once something could not be bounded; the attempt then ends without a certificate.</summary>
        internal bool Failed { get; private set; }

        /// <summary>The margin call's condition, once evaluated, for <c>call_expired</c>.</summary>
        internal Range? CallTriggered { get; set; }

        /// <summary>
        /// A double at or a little above the wallet box's lower end: a wallet whose double is at least this lies in the box
        /// the last attempt was proved over (decimal-to-double conversion keeps the sign and errs far less than 10⁻¹⁵).
        /// </summary>
        internal double WalletAcceptLow { get; private set; }

        /// <summary>A double at or a little below the wallet box's upper end, as <see cref="WalletAcceptLow"/>.</summary>
        internal double WalletAcceptHigh { get; private set; }

        // The account's items as intervals, converted once per attempt: every read of a size or price is then an array load.
        internal int PositionCount { get; private set; }

        internal Range[] PositionSize { get; private set; } = [];

        internal Range[] PositionEntry { get; private set; } = [];

        /// <summary>Each position's mark price over the box; <see cref="PositionPriced"/> says whether the box lists it.</summary>
        internal Range[] PositionPrice { get; private set; } = [];

        internal bool[] PositionPriced { get; private set; } = [];

        /// <summary>The account's holdings as intervals.</summary>
        internal AssetItems Holdings { get; } = new();

        /// <summary>The account's debts as intervals.</summary>
        internal AssetItems Debts { get; } = new();

        /// <summary>Starts an attempt for an account over a box.</summary>
        internal void Reset(Account account, Box box)
        {
            Account = account;
            Box = box;
            Wallet = WalletBox(account.Wallet, box.BandAbove);

            // What the engine accepts lies inside the box by a relative margin of 10⁻¹⁵, more than the conversion's error;
            // an end at exactly 0 needs none, as the conversion keeps the sign.
            WalletAcceptLow = Wallet.Lo == 0 ? 0 : Math.BitIncrement(Wallet.Lo + Math.Abs(Wallet.Lo) * InputEpsilon);
            WalletAcceptHigh = Wallet.Hi == 0 ? 0 : Math.BitDecrement(Wallet.Hi - Math.Abs(Wallet.Hi) * InputEpsilon);
            Failed = false;
            CallTriggered = null;

            var positions = account.Positions;
            PositionCount = positions.Length;
            if (PositionSize.Length < PositionCount)
            {
                PositionSize = new Range[PositionCount];
                PositionEntry = new Range[PositionCount];
                PositionPrice = new Range[PositionCount];
                PositionPriced = new bool[PositionCount];
            }

            for (var k = 0; k < PositionCount; k++)
            {
                var p = positions[k];
                PositionSize[k] = Of(p.Size);
                PositionEntry[k] = Of(p.EntryPrice);
                PositionPriced[k] = box.Quotes.TryGetValue(p.Symbol, out var quote);
                PositionPrice[k] = quote.Price;
            }

            Holdings.Start(account.Holdings.Length);
            for (var k = 0; k < Holdings.Count; k++) Holdings.Set(k, account.Holdings[k].Asset, account.Holdings[k].Quantity, box);
            Debts.Start(account.Debts.Length);
            for (var k = 0; k < Debts.Count; k++) Debts.Set(k, account.Debts[k].Asset, account.Debts[k].Quantity, box);
        }

        /// <summary>Marks the attempt as failed and returns a placeholder.</summary>
        internal Range Fail()
        {
            Failed = true;
            return Range.False;
        }

        /// <summary>The price interval (or the volatility or open interest) of a listed symbol; fails for an unlisted one or a missing open interest.</summary>
        internal Range Price(string? symbol, MarketField field = MarketField.Price)
        {
            if (symbol == null || !Box.Quotes.TryGetValue(symbol, out var quote)) return Fail();
            return field switch
            {
                MarketField.Price => quote.Price,
                MarketField.Volatility => quote.Volatility,
                _ => quote.OpenInterest ?? Fail(),
            };
        }
    }

    /// <summary>Holdings or debts as intervals: each item's asset, its quantity, and its price over the box when the box lists it.</summary>
    internal sealed class AssetItems
    {
        private string[] _assets = [];
        private Range[] _quantities = [];
        private Range[] _prices = [];
        private bool[] _priced = [];

        /// <summary>The number of items loaded.</summary>
        public int Count { get; private set; }

        /// <summary>Makes room for <paramref name="count"/> items, reusing the arrays when they are large enough.</summary>
        public void Start(int count)
        {
            Count = count;
            if (_quantities.Length >= count) return;
            _assets = new string[count];
            _quantities = new Range[count];
            _prices = new Range[count];
            _priced = new bool[count];
        }

        /// <summary>Loads item <paramref name="k"/>.</summary>
        public void Set(int k, string asset, decimal quantity, Box box)
        {
            _assets[k] = asset;
            _quantities[k] = Of(quantity);
            _priced[k] = box.Quotes.TryGetValue(asset, out var quote);
            _prices[k] = quote.Price;
        }

        /// <summary>The item's asset, known exactly.</summary>
        public Range Asset(int k) => new(_assets[k]);

        /// <summary>The item's quantity.</summary>
        public Range Quantity(int k) => _quantities[k];

        /// <summary>The item's price over the box; an unlisted asset fails only where its price is read, as the evaluation does.</summary>
        public Range Price(Scratch s, int k) => _priced[k] ? _prices[k] : s.Fail();
    }

    /// <summary>An interval of reals, or of booleans as 0 (false) and 1 (true), or a text known exactly (null when unknown).</summary>
    internal readonly struct Range
    {
        /// <summary>The numbers from <paramref name="lo"/> to <paramref name="hi"/>.</summary>
        public Range(double lo, double hi)
        {
            Lo = lo;
            Hi = hi;
            Text = null;
        }

        /// <summary>A text, or any text when null.</summary>
        public Range(string? text)
        {
            Lo = Hi = 0;
            Text = text;
        }

        /// <summary>The lower end.</summary>
        public double Lo { get; }

        /// <summary>The upper end.</summary>
        public double Hi { get; }

        /// <summary>The text, when known exactly.</summary>
        public string? Text { get; }

        /// <summary>Surely true.</summary>
        public static Range True => new(1, 1);

        /// <summary>Surely false.</summary>
        public static Range False => new(0, 0);

        /// <summary>True somewhere in the box and false somewhere else, as far as the bounds tell.</summary>
        public static Range Maybe => new(0, 1);

        /// <summary>A known bool.</summary>
        public static Range Bool(bool value) => value ? True : False;

        /// <summary>True everywhere in the box.</summary>
        public bool IsTrue => Lo == 1;

        /// <summary>False everywhere in the box.</summary>
        public bool IsFalse => Hi == 0;

        /// <summary>A single value.</summary>
        public bool IsPoint => Lo == Hi;

        /// <summary>The smallest interval holding both.</summary>
        public static Range Hull(Range a, Range b) => new(Math.Min(a.Lo, b.Lo), Math.Max(a.Hi, b.Hi));
    }

    // ---------- Interval arithmetic in doubles ----------

    /// <summary>The interval of one decimal: itself when a double holds it exactly, else a few ulps around it.</summary>
    private static Range Of(decimal value)
    {
        // A decimal of scale 0 is whole; a whole decimal written with decimals (2.0) is merely widened.
        var x = (double)value;
        if (value.Scale == 0 && Math.Abs(x) < 9e15) return new Range(x, x);
        return new Range(Down(x - Math.Abs(x) * InputEpsilon), Up(x + Math.Abs(x) * InputEpsilon));
    }

    /// <summary>
    /// An interval holding the wallet box [<see cref="Lower"/>, <see cref="Upper"/>] of a wallet, computed in doubles:
    /// w ∓ |w| × band, then widened by 2 × 10⁻⁵ of the end for the outward rounding to <see cref="BoxDigits"/>
    /// significant digits (at most one unit of the sixth digit, 10⁻⁵ of the end) and by the conversions' errors.
    /// </summary>
    private static Range WalletBox(decimal wallet, double band)
    {
        // A zero wallet's box is exactly 0, as Lower and Upper make it, so an empty account's sums stay exactly 0.
        if (wallet == 0m) return new Range(0, 0);
        var w = (double)wallet;
        var spread = Math.Abs(w) * band;
        double lo = w - spread, hi = w + spread;
        return new Range(Down(lo - Math.Abs(lo) * 2e-5 - Math.Abs(w) * InputEpsilon), Up(hi + Math.Abs(hi) * 2e-5 + Math.Abs(w) * InputEpsilon));
    }

    /// <summary>The interval from one decimal to another, each end widened as in <see cref="Of"/>.</summary>
    private static Range Between(decimal lo, decimal hi) => new(Of(lo).Lo, Of(hi).Hi);

    private static double Down(double x) => Math.BitDecrement(x - RoundingFloor);

    private static double Up(double x) => Math.BitIncrement(x + RoundingFloor);

    private static Range Rounded(double lo, double hi) => new(Down(lo), Up(hi));

    // Whole numbers below 2⁵² add, subtract and multiply exactly in doubles while the result stays below 2⁵³, and are
    // decimals too; decimal rounding is monotone and leaves them fixed, so a point evaluation between such ends stays
    // between them. Such results need no widening, which keeps a zero wallet or an empty sum exactly 0.
    private static bool Whole(double x) => Math.Abs(x) < 4.5e15 && Math.Floor(x) == x;

    private static bool Whole(Range l, Range r) => Whole(l.Lo) && Whole(l.Hi) && Whole(r.Lo) && Whole(r.Hi);

    private static Range Exact(double lo, double hi, bool whole) => whole && Whole(lo) && Whole(hi) ? new Range(lo, hi) : Rounded(lo, hi);

    private static Range Sum(Range l, Range r) => Exact(l.Lo + r.Lo, l.Hi + r.Hi, Whole(l, r));

    private static Range Difference(Range l, Range r) => Exact(l.Lo - r.Hi, l.Hi - r.Lo, Whole(l, r));

    private static Range Multiply(Range l, Range r)
    {
        double a = l.Lo * r.Lo, b = l.Lo * r.Hi, c = l.Hi * r.Lo, d = l.Hi * r.Hi;
        return Exact(Math.Min(Math.Min(a, b), Math.Min(c, d)), Math.Max(Math.Max(a, b), Math.Max(c, d)), Whole(l, r));
    }

    private static Range Scale(Range k, Range r) => Multiply(k, r);

    private static Range Divide(Scratch s, Range l, Range r)
    {
        // A divisor that can be 0 would fail at some point of the box.
        if (r.Lo <= 0 && r.Hi >= 0) return s.Fail();
        double a = l.Lo / r.Lo, b = l.Lo / r.Hi, c = l.Hi / r.Lo, d = l.Hi / r.Hi;
        return Rounded(Math.Min(Math.Min(a, b), Math.Min(c, d)), Math.Max(Math.Max(a, b), Math.Max(c, d)));
    }

    private static Range Widen(double lo, double hi, double epsilon) =>
        Rounded(lo - Math.Abs(lo) * epsilon, hi + Math.Abs(hi) * epsilon);

    private static Range Not(Range r) => new(1 - r.Hi, 1 - r.Lo);

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
        // Only a whole exponent the double holds exactly; Of gives such a point only for a whole decimal.
        if (!exponent.IsPoint || Math.Floor(exponent.Lo) != exponent.Lo || Math.Abs(exponent.Lo) > 1000) return s.Fail();
        var n = (int)exponent.Lo;
        if (n == 0) return Range.True;

        // x^n is monotone on each side of 0; across 0 an even power has its minimum 0 there, and a negative power a pole.
        if (x.Lo < 0 && x.Hi > 0)
        {
            if (n < 0) return s.Fail();
            var a = Math.Pow(x.Lo, n);
            var b = Math.Pow(x.Hi, n);
            return n % 2 == 0 ? Widen(0, Math.Max(a, b), SeriesEpsilon) : Widen(a, b, SeriesEpsilon);
        }

        if (n < 0 && (x.Lo == 0 || x.Hi == 0)) return s.Fail();
        var p = Math.Pow(x.Lo, n);
        var q = Math.Pow(x.Hi, n);
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
                case decimal d: r = Of(d); break;
                case bool b: r = Range.Bool(b); break;
                case string t: r = new Range(t); break;
                default: return Failing();
            }

            return _ => r;
        }

        private static Range ConstantValue(Scratch s, object? value) => value switch
        {
            decimal d => Of(d),
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
                        AccountField.CallRounds => s => new Range(s.Account.CallRounds, s.Account.CallRounds),
                        // The count only grows until the next liquidation, which ends the certificate; 0 (never
                        // liquidated) stays 0 until then. So a proof holds for every later round.
                        AccountField.RoundsSinceLiquidation => s => s.Account.RoundsSinceLiquidation == 0
                            ? new Range(0, 0)
                            : new Range(s.Account.RoundsSinceLiquidation, int.MaxValue),
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
            // Each call site gets its own slots for the arguments, so nested and repeated calls never share one. An item
            // parameter takes no slot: it reads the item index of the variable passed to it.
            var args = new Node[call.Arguments.Count];
            var items = new bool[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                items[i] = call.Function.Parameters[i].Collection != null;
                args[i] = items[i] ? (_ => Range.False) : Build(call.Arguments[i]);
            }

            var indexes = new int[args.Length];
            for (var i = 0; i < args.Length; i++)
                if (items[i] && (call.Arguments[i] is not BoundVariableReference { Variable: var item } || !_indexes.TryGetValue(item, out indexes[i])))
                    return Failing();

            var slots = new int[args.Length];
            var saved = new (bool Had, int Slot)[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                var parameter = call.Function.Parameters[i];
                var names = items[i] ? _indexes : _values;
                saved[i] = (names.TryGetValue(parameter, out var old), old);
                if (items[i])
                {
                    _indexes[parameter] = indexes[i];
                    slots[i] = -1;
                    continue;
                }

                slots[i] = ValueSlots++;
                _values[parameter] = slots[i];
            }

            var body = Build(call.Function.Body);
            for (var i = 0; i < args.Length; i++)
            {
                var parameter = call.Function.Parameters[i];
                var names = items[i] ? _indexes : _values;
                if (saved[i].Had) names[parameter] = saved[i].Slot;
                else names.Remove(parameter);
            }

            return s =>
            {
                for (var i = 0; i < args.Length; i++)
                    if (slots[i] >= 0) s.Values[slots[i]] = args[i](s);
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
                        Language.Binding.ItemField.Size => s => s.PositionSize[s.Indexes[slot]],
                        Language.Binding.ItemField.Side => s => { var sign = Math.Sign(s.Account.Positions[s.Indexes[slot]].Size); return new Range(sign, sign); },
                        Language.Binding.ItemField.EntryPrice => s => s.PositionEntry[s.Indexes[slot]],
                        Language.Binding.ItemField.MarkPrice => s => PositionPrice(s, s.Indexes[slot]),
                        Language.Binding.ItemField.Notional => s =>
                        {
                            var k = s.Indexes[slot];
                            var size = s.PositionSize[k];
                            var abs = size.Lo >= 0 ? size : new Range(-size.Hi, -size.Lo);
                            return Scale(abs, PositionPrice(s, k));
                        },
                        Language.Binding.ItemField.Upnl => s =>
                        {
                            var k = s.Indexes[slot];
                            return Scale(s.PositionSize[k], Difference(PositionPrice(s, k), s.PositionEntry[k]));
                        },
                        Language.Binding.ItemField.IsLong => s => Range.Bool(s.Account.Positions[s.Indexes[slot]].Size > 0),
                        Language.Binding.ItemField.IsShort => s => Range.Bool(s.Account.Positions[s.Indexes[slot]].Size < 0),
                        Language.Binding.ItemField.Isolated => s => Range.Bool(s.Account.Positions[s.Indexes[slot]].Isolated),
                        _ => s => Of(s.Account.Positions[s.Indexes[slot]].IsolatedMargin),
                    };
                default:
                {
                    // Holdings and debts share their members: asset, quantity, and the price and value over the box.
                    var holdings = f.Variable.Collection == CollectionKind.Holdings;
                    return f.Field switch
                    {
                        Language.Binding.ItemField.Asset => s => (holdings ? s.Holdings : s.Debts).Asset(s.Indexes[slot]),
                        Language.Binding.ItemField.Quantity => s => (holdings ? s.Holdings : s.Debts).Quantity(s.Indexes[slot]),
                        Language.Binding.ItemField.Price => s => (holdings ? s.Holdings : s.Debts).Price(s, s.Indexes[slot]),
                        _ => s =>
                        {
                            var items = holdings ? s.Holdings : s.Debts;
                            var k = s.Indexes[slot];
                            return Scale(items.Quantity(k), items.Price(s, k));
                        },
                    };
                }
            }
        }

        // An item whose symbol the market does not list fails only where its price is read, as the evaluation does.
        private static Range PositionPrice(Scratch s, int k) => s.PositionPriced[k] ? s.PositionPrice[k] : s.Fail();

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
                        double lo = first.Lo, hi = first.Hi;
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
                        if (r.Lo >= 0) return r;
                        if (r.Hi <= 0) return new Range(-r.Hi, -r.Lo);
                        return new Range(0, Math.Max(-r.Lo, r.Hi));
                    };
                case BuiltinFunction.Clamp:
                    // PolicyMath.Clamp is max(lo, min(x, hi)): monotone in all three arguments.
                    return s =>
                    {
                        Range v = x(s), lo = args[1](s), hi = args[2](s);
                        return new Range(Math.Max(lo.Lo, Math.Min(v.Lo, hi.Lo)), Math.Max(lo.Hi, Math.Min(v.Hi, hi.Hi)));
                    };
                // floor and ceil are exact on doubles and monotone, so the ends map to the ends.
                case BuiltinFunction.Floor: return s => { var r = x(s); return new Range(Math.Floor(r.Lo), Math.Floor(r.Hi)); };
                case BuiltinFunction.Ceil: return s => { var r = x(s); return new Range(Math.Ceiling(r.Lo), Math.Ceiling(r.Hi)); };
                case BuiltinFunction.Round:
                {
                    var mode = call.Mode;
                    return s =>
                    {
                        var r = x(s);
                        // Digits computed per account must be one whole number from 0 to 28, as the evaluation checks.
                        var digits = args[1](s);
                        if (!digits.IsPoint || Math.Floor(digits.Lo) != digits.Lo || digits.Lo < 0 || digits.Lo > 28) return s.Fail();
                        var d = (int)digits.Lo;
                        // Whatever the mode, rounding to d places moves a value by less than one unit of the d-th place.
                        var unit = Math.Pow(10, -d);
                        return Rounded(r.Lo - unit, r.Hi + unit);
                    };
                }

                case BuiltinFunction.Sqrt:
                    return s =>
                    {
                        var r = x(s);
                        return r.Lo < 0 ? s.Fail() : Widen(Math.Sqrt(r.Lo), Math.Sqrt(r.Hi), SeriesEpsilon);
                    };
                case BuiltinFunction.Exp:
                    return s =>
                    {
                        var r = x(s);
                        return r.Hi > 66 ? s.Fail() : Widen(Math.Exp(r.Lo), Math.Exp(r.Hi), SeriesEpsilon);
                    };
                case BuiltinFunction.Ln:
                    return s =>
                    {
                        // ln is increasing on x > 0; an argument that may be 0 or less fails the evaluation, so no proof.
                        var r = x(s);
                        return r.Lo <= 0 ? s.Fail() : Widen(Math.Log(r.Lo), Math.Log(r.Hi), SeriesEpsilon);
                    };
                default:
                    return s => Pow(s, x(s), args[1](s));
            }
        }

        private Node Aggregate(BoundAggregate a)
        {
            // A table's rows bind their keys, exact texts, in a value slot; a collection's items their index.
            string[]? keys = null;
            if (a.Variable.Table is { } table)
            {
                keys = new string[table.Keys.Count];
                for (var k = 0; k < keys.Length; k++) keys[k] = table.Keys[k];
            }

            var names = keys == null ? _indexes : _values;
            var slot = keys == null ? IndexSlots++ : ValueSlots++;
            var had = names.TryGetValue(a.Variable, out var outer);
            names[a.Variable] = slot;
            var filter = a.Filter == null ? null : Build(a.Filter);
            var body = a.Body == null ? null : Build(a.Body);
            if (had) names[a.Variable] = outer;
            else names.Remove(a.Variable);

            var collection = a.Variable.Collection;
            var kind = a.Kind;
            return s =>
            {
                var count = keys?.Length ?? collection switch
                {
                    CollectionKind.Positions => s.PositionCount,
                    CollectionKind.Holdings => s.Holdings.Count,
                    _ => s.Debts.Count,
                };

                // Items the filter keeps everywhere in the box are "sure"; items it may keep are "maybe".
                double lo = 0, hi = 0;
                double sureLo = 0, sureHi = 0, anyLo = 0, anyHi = 0;
                var sure = 0;
                var maybe = 0;
                for (var i = 0; i < count && !s.Failed; i++)
                {
                    if (keys == null) s.Indexes[slot] = i;
                    else s.Values[slot] = new Range(keys[i]);
                    var kept = filter == null ? Range.True : filter(s);
                    if (kept.IsFalse) continue;
                    var certain = kept.IsTrue;
                    var value = body == null ? Range.True : body(s);
                    switch (kind)
                    {
                        case AggregateKind.Sum:
                            // An item that may be left out adds anything between 0 and its value.
                            var sum = Sum(new Range(lo, hi), certain ? value : Range.Hull(value, Range.False));
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
                            if (certain && value.IsTrue) lo += 1;
                            if (!value.IsFalse) hi += 1;
                            break;
                        case AggregateKind.Any:
                            if (certain && value.IsTrue) lo = 1;
                            if (!value.IsFalse) hi = 1;
                            break;
                        default:
                            // all: an item surely kept and surely false makes it false (hi = −1); one that may be, may (lo = −1).
                            if (certain && value.IsFalse) hi = -1;
                            if (!value.IsTrue) lo = -1;
                            break;
                    }

                    if (certain) sure++;
                    else maybe++;

                    // any/all stop at the first decisive item, like the evaluators; later items are then never evaluated.
                    if ((kind == AggregateKind.Any && lo == 1) || (kind == AggregateKind.All && hi == -1)) break;
                }

                switch (kind)
                {
                    case AggregateKind.Min:
                    case AggregateKind.Max:
                        if (sure + maybe == 0) return Range.False;

                        // With no sure item the kept set may be empty, which gives 0.
                        if (sure == 0) return Range.Hull(new Range(anyLo, anyHi), Range.False);
                        return kind == AggregateKind.Min ? new Range(anyLo, sureHi) : new Range(sureLo, anyHi);
                    case AggregateKind.All:
                        return new Range(lo == -1 ? 0 : 1, hi == -1 ? 0 : 1);
                    default:
                        return new Range(lo, hi);
                }
            };
        }

        private Node TableLookup(BoundTableLookup t)
        {
            var table = t.Table;
            var text = t.Type.Kind == TypeKind.Text;

            // t[key][k]: k must be one whole column number over the box, as a computed pow exponent must be.
            var fixedColumn = t.Column;
            var number = t.ColumnNumber == null ? null : Build(t.ColumnNumber);
            var columnCount = table.Columns.Count;
            int Column(Scratch s)
            {
                if (number == null) return fixedColumn;
                var k = number(s);
                return k.IsPoint && Math.Floor(k.Lo) == k.Lo && k.Lo >= 1 && k.Lo <= columnCount ? (int)k.Lo - 1 : -1;
            }

            switch (table.KeyKind)
            {
                case TableKeyKind.Bracket:
                {
                    var key = Build(t.Key);
                    var count = table.LowerBounds.Count;

                    // Brackets [lower, upper) that follow one another without gaps, so the only question is which ones the
                    // key's interval can meet; a table with gaps is not certified through. Each bound becomes the double
                    // interval around it, and a bracket counts as met when the key could be on its side of either bound.
                    var contiguous = true;
                    for (var i = 1; i < count; i++) contiguous &= table.UpperBounds[i - 1] == table.LowerBounds[i];
                    if (!contiguous || count == 0) return Failing();
                    var lowers = new double[count];
                    var cells = new Range?[columnCount][];
                    for (var c = 0; c < columnCount; c++) cells[c] = new Range?[count];
                    for (var i = 0; i < count; i++)
                    {
                        lowers[i] = Of(table.LowerBounds[i]).Lo;
                        for (var c = 0; c < columnCount; c++)
                        {
                            cells[c][i] = table.Rows[i][c] switch
                            {
                                decimal d => Of(d),
                                bool b => Range.Bool(b),
                                string x => new Range(x),
                                _ => null,
                            };
                        }
                    }

                    var first = Of(table.LowerBounds[0]).Hi;
                    var last = table.UpperBounds[count - 1];
                    var end = last.HasValue ? Of(last.Value).Lo : double.PositiveInfinity;
                    var uppers = new double[count];
                    for (var i = 0; i < count; i++) uppers[i] = table.UpperBounds[i].HasValue ? Of(table.UpperBounds[i]!.Value).Hi : double.PositiveInfinity;

                    return s =>
                    {
                        var k = key(s);
                        var column = Column(s);
                        if (column < 0) return s.Fail();

                        // Below the first bracket or at or past the end of the last, the lookup can fail.
                        if (k.Lo < first || k.Hi >= end) return s.Fail();
                        var i = Array.BinarySearch(lowers, k.Lo);
                        if (i < 0) i = ~i - 1;
                        if (i < 0) i = 0;

                        // A bracket whose upper bound the key may not reach cannot hold it.
                        while (i > 0 && uppers[i - 1] > k.Lo) i--;
                        Range? result = null;
                        for (; i < count && lowers[i] <= k.Hi; i++)
                        {
                            var cell = cells[column][i];
                            if (cell == null) return s.Fail();
                            result = result == null ? cell.Value : Join(result.Value, cell.Value, text);
                        }

                        return result ?? s.Fail();
                    };
                }

                case TableKeyKind.Tag:
                    return s =>
                    {
                        var column = Column(s);
                        if (column < 0) return s.Fail();
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
                        var column = Column(s);
                        if (k == null || column < 0) return s.Fail();
                        for (var i = 0; i < table.Keys.Count; i++)
                            if (table.Keys[i] == k) return ConstantValue(s, table.Rows[i][column]);
                        return table.DefaultRow != null ? ConstantValue(s, table.DefaultRow[column]) : s.Fail();
                    };
                }
            }
        }
    }
}
