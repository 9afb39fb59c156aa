using System;
using System.Collections.Frozen;
using System.Collections.Generic;
using System.Linq;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using MarginRules.Accounts;
using MarginRules.Compilation.Fusion;
using MarginRules.Compilation.Inlining;
using MarginRules.Compilation.Sharing;
using MarginRules.Compilation.Splitting;
using MarginRules.Evaluation;
using MarginRules.Language.Binding;
using MarginRules.Language.Syntax;
using MarginRules.Runtime;

namespace MarginRules.Compilation;

/// <summary>
/// Turns a checked policy into delegates through System.Linq.Expressions; the only type that knows expression trees.
/// Expressions go through <see cref="RewritePasses"/> first, so function calls arrive inlined, constants folded and
/// repeated market reads and table rows shared.
/// The generated code calls the static methods in <c>MarginRules.Runtime</c> and allocates nothing per account.
/// </summary>
internal sealed partial class LinqExpressionCompiler
{
    private readonly BoundPolicy _policy;
    private readonly FrameLayout _layout;
    private readonly RewritePasses _passes;
    private readonly Dictionary<TableSymbol, CompiledTable> _tables = new();
    private readonly Dictionary<VariableSymbol, ParameterExpression> _variables = new();
    private readonly ParameterExpression _account = Expression.Parameter(typeof(Account), "account");
    private readonly ParameterExpression _market = Expression.Parameter(typeof(Market), "market");
    private readonly ParameterExpression _frame = Expression.Parameter(typeof(EvaluationFrame), "frame");
    private readonly ParameterExpression _itemIndex = Expression.Parameter(typeof(int), "item");

    // Inside Run, named values live in block locals; the per-rule delegates read them back from the frame.
    private Dictionary<LetSymbol, ParameterExpression>? _letLocals;

    // Inside a part of Run, the frame's slot arrays, where the named values of earlier parts are read.
    private (ParameterExpression Numbers, ParameterExpression Flags, ParameterExpression Texts)? _frameArrays;

    // The decimal constants of the delegate being compiled, read from one array; see DecimalConstant.
    private readonly List<decimal> _constants = new();
    private readonly Dictionary<(int, int, int, int), int> _constantIndex = new();
    private ParameterExpression _constantPool = Expression.Variable(typeof(decimal[]), "constants");

    // The arrays and dictionaries the delegate being compiled reads, each loaded once into a local; see Hoisted.
    private readonly Dictionary<object, ParameterExpression> _hoisted = new(ReferenceEqualityComparer.Instance);

    // The slots of the shared lookups of the delegate being compiled; see LookupSharingPass.
    private readonly Dictionary<int, ParameterExpression> _shared = new();

    // Per fused loop of the delegate being compiled, each member's result; see FusedLoop.
    private readonly Dictionary<int, Expression[]> _fused = new();

    // Locals of the delegate being compiled that outlive the block that sets them, such as fused loops' accumulators.
    private readonly List<ParameterExpression> _delegateLocals = new();

    // The most leaves one part of Run may hold; see RunSplit.
    private readonly int _partLeaves;

    public LinqExpressionCompiler(BoundPolicy policy, FrameLayout layout, int partLeaves = RunSplit.PartLeaves)
    {
        _partLeaves = partLeaves;
        _policy = policy;
        _layout = layout;
        _passes = new RewritePasses(policy);
    }

    /// <summary>
    /// Compiles <see cref="PolicyProgram.Run"/>: every named value in order, the margin call, then the first liquidation
    /// rule that applies. Aggregates are fused into shared loops when <paramref name="fallback"/> is given, to run
    /// instead when a fused loop fails. A large policy is compiled in parts; see <see cref="RunSplit"/>.
    /// </summary>
    public Action<Account, Market, EvaluationFrame> CompileRun(SequentialRun? fallback)
    {
        var values = _policy.Lets.Select(_passes.Value).ToArray();
        var parts = RunSplit.Split(values, _partLeaves);
        if (parts.Count == 1)
        {
            var done = Expression.Label("done");
            var body = CompileRunPart(values, 0, values.Length, fallback, Expression.Goto(done), out var locals);
            body.Add(Expression.Label(done));
            return Finish<Action<Account, Market, EvaluationFrame>>(Expression.Block(typeof(void), locals, body), "Run", _account, _market, _frame);
        }

        // Each part but the last stores its named values in the frame, where the later parts read them.
        var lambdas = new Expression<Func<Account, Market, EvaluationFrame, bool>>[parts.Count];
        for (var p = 0; p < parts.Count; p++)
        {
            var returns = Expression.Label(typeof(bool), "done");
            var body = CompileRunPart(values, parts[p].Start, parts[p].End, fallback, Expression.Return(returns, Expression.Constant(false)), out var locals);
            body.Add(Expression.Label(returns, Expression.Constant(true)));
            lambdas[p] = Lambda<Func<Account, Market, EvaluationFrame, bool>>(Expression.Block(typeof(bool), locals, body), "RunPart", _account, _market, _frame);
        }

        // Compile() is nearly all JIT time, and the parts share nothing, so they compile on as many cores as there are.
        var compiled = new Func<Account, Market, EvaluationFrame, bool>[parts.Count];
        Parallel.For(0, parts.Count, p => compiled[p] = lambdas[p].Compile());
        return new PartedRun(compiled).Run;
    }

    /// <summary>
    /// The statements of one part of Run: the named values from <paramref name="start"/> up to <paramref name="end"/>,
    /// and after the last of them the margin call and the liquidation rules. <paramref name="restarted"/> ends the
    /// part after a failed fused loop has had the whole Run redone by the fallback.
    /// </summary>
    private List<Expression> CompileRunPart(BoundExpression[] allValues, int start, int end, SequentialRun? fallback, Expression restarted, out List<ParameterExpression> locals)
    {
        locals = new List<ParameterExpression>();
        var body = new List<Expression>();
        var numbers = Expression.Variable(typeof(decimal[]), "numbers");
        var flags = Expression.Variable(typeof(bool[]), "flags");
        var texts = Expression.Variable(typeof(string[]), "texts");
        locals.AddRange(new[] { numbers, flags, texts });
        body.Add(Expression.Assign(numbers, Expression.Property(_frame, Members.FrameNumbers)));
        body.Add(Expression.Assign(flags, Expression.Property(_frame, Members.FrameFlags)));
        body.Add(Expression.Assign(texts, Expression.Property(_frame, Members.FrameTexts)));

        // The part's expressions in the order it evaluates them, so lookups are shared across named values and rules;
        // fused loops come before the named value they are placed at.
        var last = end == allValues.Length;
        var call = last ? _policy.MarginCall : null;
        var rules = last ? _policy.Liquidations : Array.Empty<LiquidationRule>();
        var lets = _policy.Lets;
        var count = end - start;
        var values = allValues[start..end];
        var loops = new IReadOnlyList<FusedLoop>[count];
        if (fallback == null) Array.Fill(loops, Array.Empty<FusedLoop>());
        else (loops, values) = AggregateFusionPass.Fuse(lets, allValues, start, end);
        var expressions = new List<(BoundExpression, bool)>();
        for (var i = 0; i < count; i++)
        {
            foreach (var loop in loops[i]) expressions.Add((loop, false));
            expressions.Add((values[i], false));
        }

        if (call != null)
        {
            expressions.Add((_passes.Rewrite(call.When), false));
            expressions.Add((_passes.Rewrite(call.Amount), true));
        }

        // A rule's trigger is evaluated only after every earlier one, so it may reuse what they computed.
        foreach (var rule in rules) expressions.Add((_passes.Rewrite(rule.When), false));
        var shared = RewritePasses.ShareLookups(expressions);
        var next = 0;

        _letLocals = new Dictionary<LetSymbol, ParameterExpression>();
        _frameArrays = (numbers, flags, texts);
        try
        {
            for (var i = 0; i < count; i++)
            {
                for (var k = 0; k < loops[i].Count; k++) body.Add(Fused((FusedLoop)shared[next++], fallback!, restarted));
                var let = lets[start + i];
                var slots = let.Type.Kind switch
                {
                    TypeKind.Bool => flags,
                    TypeKind.Text => texts,
                    _ => numbers,
                };
                var local = Expression.Variable(ClrType(let.Type), let.Name);
                locals.Add(local);
                body.Add(Expression.Assign(local, Emit(shared[next++])));
                body.Add(Expression.Assign(Expression.ArrayAccess(slots, Expression.Constant(_layout.Slot(let))), local));
                _letLocals.Add(let, local);
            }

            if (!last) return body;
            if (call == null)
            {
                body.Add(Expression.Call(_frame, Members.FrameSetCall, Expression.Constant(false), DecimalConstant(0m)));
            }
            else
            {
                // The amount is evaluated only when the call is triggered, as the reference evaluator does.
                var triggered = Expression.Variable(typeof(bool), "called");
                locals.Add(triggered);
                body.Add(Expression.Assign(triggered, Emit(shared[next++])));
                body.Add(Expression.Call(_frame, Members.FrameSetCall, triggered,
                    Expression.Condition(triggered, Emit(shared[next++]), DecimalConstant(0m))));
            }

            body.Add(Expression.Call(_frame, Members.FrameSetRule, Expression.Constant(-1)));
            // Triggers are emitted first to last, the order of evaluation, which shared lookups rely on.
            var whens = new Expression[rules.Count];
            for (var i = 0; i < whens.Length; i++) whens[i] = Emit(shared[next++]);
            Expression? chain = null;
            for (var i = whens.Length - 1; i >= 0; i--)
            {
                var apply = Expression.Call(_frame, Members.FrameSetRule, Expression.Constant(i));
                chain = chain == null ? Expression.IfThen(whens[i], apply) : Expression.IfThenElse(whens[i], apply, chain);
            }

            if (chain != null) body.Add(chain);
            return body;
        }
        finally
        {
            _letLocals = null;
            _frameArrays = null;
        }
    }

    /// <summary>Compiles an account-level number read after <see cref="PolicyProgram.Run"/>, such as a rule's size or chunk.</summary>
    public Func<Account, Market, EvaluationFrame, decimal> CompileAccountValue(BoundExpression expression)
    {
        return Finish<Func<Account, Market, EvaluationFrame, decimal>>(Emit(Shared(expression)), "RuleValue", _account, _market, _frame);
    }

    /// <summary>Compiles a number of one item of a collection (an order key, a penalty rate, an ADL rank), the item given by index.</summary>
    public Func<Account, Market, EvaluationFrame, int, decimal> CompileItemValue(VariableSymbol variable, BoundExpression expression) =>
        CompileItem<decimal>(variable, expression, "ItemValue");

    /// <summary>Compiles a condition on one item of a collection (a liquidation rule's <c>where</c>), the item given by index.</summary>
    public Func<Account, Market, EvaluationFrame, int, bool> CompileItemCondition(VariableSymbol variable, BoundExpression expression) =>
        CompileItem<bool>(variable, expression, "ItemCondition");

    private Func<Account, Market, EvaluationFrame, int, T> CompileItem<T>(VariableSymbol variable, BoundExpression expression, string name)
    {
        var collection = Members.Collection(variable.Collection!.Value);
        var items = Expression.Variable(collection.ArrayType, "items");
        var item = Expression.Variable(collection.ItemType, variable.Name);
        Expression value;
        var outer = BindVariable(variable, item);
        try
        {
            value = Emit(Shared(expression));
        }
        finally
        {
            UnbindVariable(variable, outer);
        }

        var body = Expression.Block(
            typeof(T),
            new[] { items, item },
            Expression.Assign(items, Expression.Property(_account, collection.AccountProperty)),
            Expression.Assign(item, Expression.Property(items, collection.Indexer, _itemIndex)),
            value);
        return Finish<Func<Account, Market, EvaluationFrame, int, T>>(body, name, _account, _market, _frame, _itemIndex);
    }

    /// <summary>A delegate's only expression, rewritten and with its repeated lookups shared.</summary>
    private BoundExpression Shared(BoundExpression expression) => RewritePasses.ShareLookups(new[] { (_passes.Rewrite(expression), false) })[0];

    /// <summary>Compiles a delegate whose body has been emitted, giving it the array of the decimal constants it reads and its shared lookups' slots.</summary>
    private TDelegate Finish<TDelegate>(Expression body, string name, params ParameterExpression[] parameters) =>
        Lambda<TDelegate>(body, name, parameters).Compile();

    /// <summary>The lambda of a delegate whose body has been emitted, with its constants and slots; it leaves the compiler ready for the next delegate.</summary>
    private Expression<TDelegate> Lambda<TDelegate>(Expression body, string name, params ParameterExpression[] parameters)
    {
        var locals = new List<ParameterExpression> { _constantPool };
        var statements = new List<Expression> { Expression.Assign(_constantPool, Expression.Constant(_constants.ToArray())) };
        foreach (var (value, local) in _hoisted)
        {
            locals.Add(local);
            statements.Add(Expression.Assign(local, Expression.Constant(value, local.Type)));
        }

        locals.AddRange(_shared.Values);
        locals.AddRange(_delegateLocals);
        statements.Add(body);
        var withConstants = Expression.Block(body.Type, locals, statements);
        _constants.Clear();
        _constantIndex.Clear();
        _hoisted.Clear();
        _shared.Clear();
        _fused.Clear();
        _delegateLocals.Clear();
        _constantPool = Expression.Variable(typeof(decimal[]), "constants");
        return Expression.Lambda<TDelegate>(withConstants, name, parameters);
    }

    private Expression Emit(BoundExpression e)
    {
        // Inlining stacks function bodies on top of each other; fail cleanly rather than overflow the stack.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return EmitNode(e);
    }

    private Expression EmitNode(BoundExpression e) => e switch
    {
        BoundLiteral literal => Constant(literal.Value),
        BoundParameterReference parameter => Constant(parameter.Parameter.Value!),
        BoundLetReference let => LoadLet(let.Let),
        BoundVariableReference variable => _variables[variable.Variable],
        BoundAccountField field => AccountValue(field.Field),
        BoundItemField field => ItemValue(field),
        PricedItemField field => PricedValue(field.Variable, field.Field, Emit(field.Price)),
        SharedValue shared => Expression.Assign(Slot(shared.Slot, ClrType(shared.Type)), Emit(shared.Value)),
        SharedValueReference shared => _shared[shared.Slot],
        SharedRowLookup lookup => SharedRow(lookup),
        FusedResult result => _fused[result.Loop][result.Member],
        BoundUnary unary => unary.Operator == UnaryOperator.Negate ? Expression.Negate(Emit(unary.Operand), Members.DecimalNegate) : Expression.Not(Emit(unary.Operand)),
        BoundBinary binary => Binary(binary),
        BoundConditional conditional => Expression.Condition(Emit(conditional.Condition), Emit(conditional.WhenTrue), Emit(conditional.WhenFalse), ClrType(conditional.Type)),
        InlinedCall call => Inline(call),
        BoundBuiltinCall call => Builtin(call),
        BoundAggregate aggregate => Aggregate(aggregate),
        BoundTableLookup lookup => TableLookup(lookup),
        BoundMarketLookup lookup => Expression.Call(QuoteReader(lookup.Field), _market, Emit(lookup.Asset)),
        BoundTagged tagged => Expression.Call(Members.TagsContains, Expression.Property(_account, nameof(Account.Tags)), Emit(tagged.Tag)),
        BoundCallExpired => CallExpired(),
        _ => throw new InvalidOperationException($"unexpected node {e.GetType().Name}; function calls are inlined before compilation"),
    };

    private static MethodInfo QuoteReader(MarketField field) => field switch
    {
        MarketField.Price => Members.QuotePrice,
        MarketField.Volatility => Members.QuoteVolatility,
        _ => Members.QuoteOpenInterest,
    };

    private Expression Constant(object value) => value switch
    {
        decimal d => DecimalConstant(d),
        bool b => Expression.Constant(b),
        string s => Expression.Constant(s, typeof(string)),
        _ => throw new InvalidOperationException($"unexpected constant {value.GetType().Name}"),
    };

    /// <summary>
    /// A decimal constant, read from an array built when the delegate is compiled. Expression.Constant would have the IL
    /// emitter re-create the value, from an int when it is whole, which drops the sign of a negative zero; and building
    /// decimals inline costs the JIT a fraction of a millisecond each, per delegate. The array keeps every bit, scale
    /// included, so folded values equal the reference's digit for digit.
    /// </summary>
    private Expression DecimalConstant(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var key = (bits[0], bits[1], bits[2], bits[3]);
        if (!_constantIndex.TryGetValue(key, out var index))
        {
            index = _constants.Count;
            _constants.Add(value);
            _constantIndex.Add(key, index);
        }

        return Expression.ArrayIndex(_constantPool, Expression.Constant(index));
    }

    /// <summary>
    /// An object the delegate reads, such as a table column, in a local loaded when the delegate starts. A constant
    /// object in an expression tree is fetched from the closure and cast at every use, inside loops too.
    /// </summary>
    private ParameterExpression Hoisted(object value, Type type)
    {
        if (!_hoisted.TryGetValue(value, out var local))
        {
            local = Expression.Variable(type, "table" + _hoisted.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            _hoisted.Add(value, local);
        }

        return local;
    }

    private static Type ClrType(PolicyType type) => type.Kind switch
    {
        TypeKind.Number => typeof(decimal),
        TypeKind.Bool => typeof(bool),
        TypeKind.Text => typeof(string),
        _ => throw new InvalidOperationException($"a {type} is not a value"),
    };

    private Expression LoadLet(LetSymbol let)
    {
        if (_letLocals != null && _letLocals.TryGetValue(let, out var local)) return local;
        if (_frameArrays is var (numbers, flags, texts))
        {
            var array = let.Type.Kind switch
            {
                TypeKind.Bool => flags,
                TypeKind.Text => texts,
                _ => numbers,
            };
            return Expression.ArrayIndex(array, Expression.Constant(_layout.Slot(let)));
        }

        var slots = let.Type.Kind switch
        {
            TypeKind.Bool => Members.FrameFlags,
            TypeKind.Text => Members.FrameTexts,
            _ => Members.FrameNumbers,
        };
        return Expression.ArrayIndex(Expression.Property(_frame, slots), Expression.Constant(_layout.Slot(let)));
    }

    private Expression AccountValue(AccountField field) => field switch
    {
        AccountField.Wallet => Expression.Property(_account, nameof(Account.Wallet)),
        AccountField.CallRounds => Expression.Call(Members.FromCount, Expression.Property(_account, nameof(Account.CallRounds))),
        AccountField.RoundsSinceLiquidation => Expression.Call(Members.FromCount, Expression.Property(_account, nameof(Account.RoundsSinceLiquidation))),
        _ => throw new InvalidOperationException("account.tags is not a value"),
    };

    private Expression ItemValue(BoundItemField field)
    {
        var item = _variables[field.Variable];
        if (field.Variable.Collection == CollectionKind.Positions)
        {
            var size = Expression.Property(item, nameof(Position.Size));
            var mark = Expression.Call(Members.QuotePrice, _market, Expression.Property(item, nameof(Position.Symbol)));
            return field.Field switch
            {
                ItemField.Symbol => Expression.Property(item, nameof(Position.Symbol)),
                ItemField.Size => size,
                ItemField.Side => Expression.Call(Members.PositionSide, size),
                ItemField.EntryPrice => Expression.Property(item, nameof(Position.EntryPrice)),
                ItemField.MarkPrice => mark,
                ItemField.Notional or ItemField.Upnl => PricedValue(field.Variable, field.Field, mark),
                ItemField.IsLong => Expression.GreaterThan(size, DecimalConstant(0m), false, Members.DecimalGreater),
                ItemField.IsShort => Expression.LessThan(size, DecimalConstant(0m), false, Members.DecimalLess),
                ItemField.Isolated => Expression.Property(item, nameof(Position.Isolated)),
                _ => Expression.Property(item, nameof(Position.IsolatedMargin)),
            };
        }

        // Holdings and debts share their members: asset, quantity, and the market price and value.
        var asset = Expression.Property(item, nameof(Holding.Asset));
        var price = Expression.Call(Members.QuotePrice, _market, asset);
        return field.Field switch
        {
            ItemField.Asset => asset,
            ItemField.Quantity => Expression.Property(item, nameof(Holding.Quantity)),
            ItemField.Price => price,
            _ => PricedValue(field.Variable, field.Field, price),
        };
    }

    /// <summary>A position's notional or upnl, or a holding's or debt's value, from the item's price.</summary>
    private Expression PricedValue(VariableSymbol variable, ItemField field, Expression price)
    {
        var item = _variables[variable];
        return field switch
        {
            ItemField.Notional => Expression.Call(Members.PositionNotional, Expression.Property(item, nameof(Position.Size)), price),
            ItemField.Upnl => Expression.Call(Members.PositionUpnl, Expression.Property(item, nameof(Position.Size)), price, Expression.Property(item, nameof(Position.EntryPrice))),
            _ => Expression.Multiply(Expression.Property(item, nameof(Holding.Quantity)), price, Members.DecimalMultiply),
        };
    }

    /// <summary>The local of a shared lookup's slot, created when the lookup that fills it is emitted.</summary>
    private ParameterExpression Slot(int slot, Type type)
    {
        var local = Expression.Variable(type, "shared" + slot.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _shared.Add(slot, local);
        return local;
    }

    private Expression Binary(BoundBinary binary)
    {
        var left = Emit(binary.Left);
        var right = Emit(binary.Right);
        return binary.Operator switch
        {
            BinaryOperator.And => Expression.AndAlso(left, right),
            BinaryOperator.Or => Expression.OrElse(left, right),
            BinaryOperator.Equal => Equality(left, right),
            BinaryOperator.NotEqual => Expression.Not(Equality(left, right)),
            BinaryOperator.Add => Expression.Add(left, right, Members.DecimalAdd),
            BinaryOperator.Subtract => Expression.Subtract(left, right, Members.DecimalSubtract),
            BinaryOperator.Multiply => Expression.Multiply(left, right, Members.DecimalMultiply),
            BinaryOperator.Divide => Expression.Divide(left, right, Members.DecimalDivide),
            BinaryOperator.Less => Expression.LessThan(left, right, false, Members.DecimalLess),
            BinaryOperator.LessOrEqual => Expression.LessThanOrEqual(left, right, false, Members.DecimalLessOrEqual),
            BinaryOperator.Greater => Expression.GreaterThan(left, right, false, Members.DecimalGreater),
            _ => Expression.GreaterThanOrEqual(left, right, false, Members.DecimalGreaterOrEqual),
        };
    }

    // Text compares ordinally, as string.Equals does in the reference evaluator; decimals compare by value, so 1.0 equals 1.00.
    private static Expression Equality(Expression left, Expression right)
    {
        if (left.Type == typeof(string)) return Expression.Call(Members.TextEquals, left, right);
        if (left.Type == typeof(decimal)) return Expression.Equal(left, right, false, Members.DecimalEqual);
        return Expression.Equal(left, right);
    }

    // A nested binding of a symbol already bound shadows it until the nested scope ends: once a function is inlined at
    // several calls, copies of its aggregate carry one variable symbol, and one copy can sit inside another's body.
    private ParameterExpression? BindVariable(VariableSymbol variable, ParameterExpression value)
    {
        var outer = _variables.TryGetValue(variable, out var bound) ? bound : null;
        _variables[variable] = value;
        return outer;
    }

    private void UnbindVariable(VariableSymbol variable, ParameterExpression? outer)
    {
        if (outer is null) _variables.Remove(variable);
        else _variables[variable] = outer;
    }

    private Expression Inline(InlinedCall call)
    {
        // Arguments are evaluated in the caller's scope, all of them and in order, before the body sees any parameter.
        var locals = new ParameterExpression[call.Parameters.Count];
        var body = new List<Expression>();
        for (var i = 0; i < locals.Length; i++)
        {
            // An item parameter holds the item itself, like the aggregate or take variable passed to it.
            var parameter = call.Parameters[i];
            locals[i] = Expression.Variable(parameter.Collection is { } kind ? Members.Collection(kind).ItemType : ClrType(parameter.Type), parameter.Name);
            body.Add(Expression.Assign(locals[i], Emit(call.Arguments[i])));
        }

        var outers = new ParameterExpression?[locals.Length];
        for (var i = 0; i < locals.Length; i++) outers[i] = BindVariable(call.Parameters[i], locals[i]);
        try
        {
            body.Add(Emit(call.Body));
        }
        finally
        {
            for (var i = locals.Length - 1; i >= 0; i--) UnbindVariable(call.Parameters[i], outers[i]);
        }

        return Expression.Block(locals, body);
    }

    private Expression Builtin(BoundBuiltinCall call)
    {
        if (call.Function == BuiltinFunction.Round)
        {
            return call.Arguments[1] is BoundLiteral
                ? Expression.Call(Members.BuiltinRound, Emit(call.Arguments[0]), WholeNumber(call.Arguments[1]), Expression.Constant(call.Mode))
                : Expression.Call(Members.BuiltinRoundComputed, Emit(call.Arguments[0]), Emit(call.Arguments[1]), Expression.Constant(call.Mode));
        }
        if (call.Function == BuiltinFunction.Pow)
        {
            return call.Arguments[1] is BoundLiteral
                ? Expression.Call(Members.BuiltinPow, Emit(call.Arguments[0]), WholeNumber(call.Arguments[1]))
                : Expression.Call(Members.BuiltinPowComputed, Emit(call.Arguments[0]), Emit(call.Arguments[1]));
        }

        var args = call.Arguments.Select(Emit).ToArray();
        switch (call.Function)
        {
            case BuiltinFunction.Min:
            case BuiltinFunction.Max:
                // Folded left to right like ConstantFolder.Apply, so ties keep the earlier argument (and its scale).
                var pick = call.Function == BuiltinFunction.Min ? Members.BuiltinMin : Members.BuiltinMax;
                var result = args[0];
                for (var i = 1; i < args.Length; i++) result = Expression.Call(pick, result, args[i]);
                return result;
            case BuiltinFunction.Abs: return Expression.Call(Members.BuiltinAbs, args[0]);
            case BuiltinFunction.Clamp: return Expression.Call(Members.BuiltinClamp, args[0], args[1], args[2]);
            case BuiltinFunction.Floor: return Expression.Call(Members.BuiltinFloor, args[0]);
            case BuiltinFunction.Ceil: return Expression.Call(Members.BuiltinCeil, args[0]);
            case BuiltinFunction.Sqrt: return Expression.Call(Members.BuiltinSqrt, args[0]);
            case BuiltinFunction.Ln: return Expression.Call(Members.BuiltinLn, args[0]);
            default: return Expression.Call(Members.BuiltinExp, args[0]);
        }
    }

    // Digits and exponents are constants after checking; the conversion is the (int) cast ConstantFolder.Apply makes.
    private Expression WholeNumber(BoundExpression bound) =>
        bound is BoundLiteral { Value: decimal d } ? Expression.Constant((int)d) : Expression.Convert(Emit(bound), typeof(int));

    private Expression TableLookup(BoundTableLookup lookup)
    {
        var table = Table(lookup.Table);
        return Cell(table, lookup.Column, lookup.ColumnNumber, Row(lookup.Table, table, lookup.Key));
    }

    /// <summary>The cell of a row: a fixed column's, or for <c>t[key][k]</c> the k-th column's, k being evaluated after the row is found.</summary>
    private Expression Cell(CompiledTable table, int column, BoundExpression? columnNumber, Expression row) => columnNumber == null
        ? Expression.ArrayIndex(Column(table, column), row)
        : Expression.Call(Members.NumberedCell, Hoisted(table.NumberColumns!, typeof(decimal[][])), row, Emit(columnNumber));

    private Expression SharedRow(SharedRowLookup lookup)
    {
        var table = Table(lookup.Table);
        var row = lookup.FindsRow ? Expression.Assign(Slot(lookup.Slot, typeof(int)), Row(lookup.Table, table, lookup.Key)) : (Expression)_shared[lookup.Slot];
        return Cell(table, lookup.Column, lookup.ColumnNumber, row);
    }

    private CompiledTable Table(TableSymbol symbol)
    {
        if (!_tables.TryGetValue(symbol, out var table))
        {
            table = new CompiledTable(symbol);
            _tables.Add(symbol, table);
        }

        return table;
    }

    private ParameterExpression Column(CompiledTable table, int column) => Hoisted(table.Columns[column], table.Columns[column].GetType());

    /// <summary>The index of the row a key selects.</summary>
    private Expression Row(TableSymbol symbol, CompiledTable table, BoundExpression key) => symbol.KeyKind switch
    {
        TableKeyKind.Bracket => Expression.Call(Hoisted(table.Brackets, typeof(BracketBounds)), Members.BracketFind, Emit(key)),
        TableKeyKind.Tag => Expression.Call(Members.TaggedRow, Hoisted(table.Keys, typeof(string[])), Expression.Property(_account, nameof(Account.Tags)),
            Expression.Constant(table.DefaultRow)),
        _ => Expression.Call(Members.KeyedRow, Hoisted(table.Index, typeof(FrozenDictionary<string, int>)), Emit(key), Expression.Constant(table.DefaultRow)),
    };

    private Expression CallExpired()
    {
        var call = _policy.MarginCall;
        if (call == null) return Expression.Constant(false);
        return Expression.AndAlso(
            Expression.Property(_frame, nameof(EvaluationFrame.CallTriggered)),
            Expression.GreaterThanOrEqual(Expression.Property(_account, nameof(Account.CallRounds)), Expression.Constant(call.Deadline)));
    }
}
