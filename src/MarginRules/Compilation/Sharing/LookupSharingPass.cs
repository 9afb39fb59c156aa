using System;
using System.Collections.Generic;
using MarginRules.Compilation.Fusion;
using MarginRules.Compilation.Inlining;
using MarginRules.Compilation.Rewriting;
using MarginRules.Language.Binding;
using MarginRules.Language.Syntax;

namespace MarginRules.Compilation.Sharing;

/// <summary>
/// Computes each market read and table row once where the reference evaluator computes it several times: an item's
/// price (read again by each of its notional, upnl or value), a price or volatility by asset, and the row of a table
/// looked up by the same key for several columns. Every expression of the delegate is walked in evaluation order, and
/// a lookup reuses an earlier one only when that one is evaluated on every path that reaches it, in the same loop
/// iteration: not from a branch, the right side of <c>and</c>/<c>or</c>, or an earlier aggregate. So the first
/// evaluation of a lookup, the one that fails when its symbol or key is missing, is never moved or skipped.
/// </summary>
internal sealed class LookupSharingPass : BoundTreeRewriter
{
    // Walked twice: the first walk finds the lookups read back later, the second shares those and leaves the others.
    private readonly HashSet<int>? _shared;
    private readonly HashSet<int> _readBack = new();
    private readonly LookupKeys _keys = new();

    // The lookups computed on every path to the current node, by name, and the order they became so, for undoing.
    private readonly Dictionary<string, int> _computed = new(StringComparer.Ordinal);
    private readonly List<string> _computedOrder = new();
    private readonly Dictionary<int, int> _slots = new();
    private int _lookups;

    private LookupSharingPass(HashSet<int>? shared)
    {
        _shared = shared;
    }

    /// <summary>
    /// Rewrites the expressions of one compiled delegate, given in evaluation order; a <c>Conditional</c> expression is
    /// one that is not always evaluated, so what it computes is not reused by the expressions after it.
    /// </summary>
    public static BoundExpression[] Share(IReadOnlyList<(BoundExpression Expression, bool Conditional)> expressions)
    {
        var survey = new LookupSharingPass(null);
        survey.Walk(expressions);
        if (survey._readBack.Count == 0)
        {
            var unchanged = new BoundExpression[expressions.Count];
            for (var i = 0; i < unchanged.Length; i++) unchanged[i] = expressions[i].Expression;
            return unchanged;
        }

        return new LookupSharingPass(survey._readBack).Walk(expressions);
    }

    private BoundExpression[] Walk(IReadOnlyList<(BoundExpression Expression, bool Conditional)> expressions)
    {
        var rewritten = new BoundExpression[expressions.Count];
        for (var i = 0; i < rewritten.Length; i++)
        {
            var (expression, conditional) = expressions[i];
            var mark = _computedOrder.Count;
            rewritten[i] = Rewrite(expression);
            if (conditional) Forget(mark);
        }

        return rewritten;
    }

    protected override BoundExpression RewriteItemField(BoundItemField field)
    {
        var price = PriceField(field);
        if (price == null) return field;
        var priceName = _keys.ItemField(field.Variable, price.Value);
        if (field.Field == price) return Lookup(priceName, field, () => field);

        return Lookup(_keys.ItemField(field.Variable, field.Field), field, () =>
        {
            var read = new BoundItemField(PolicyType.PriceType, field.Span, field.Variable, price.Value);
            var shared = Lookup(priceName, read, () => read);
            return ReferenceEquals(shared, read) ? field : new PricedItemField(field.Type, field.Span, field.Variable, field.Field, shared);
        });
    }

    protected override BoundExpression RewriteMarketLookup(BoundMarketLookup lookup) =>
        Lookup(_keys.MarketValue(lookup), lookup, () => base.RewriteMarketLookup(lookup));

    protected override BoundExpression RewriteTableLookup(BoundTableLookup lookup)
    {
        var name = _keys.TableRow(lookup);
        if (name == null) return base.RewriteTableLookup(lookup);
        if (_computed.TryGetValue(name, out var earlier))
        {
            _readBack.Add(earlier);
            var read = lookup.ColumnNumber == null ? null : Rewrite(lookup.ColumnNumber);
            return _shared == null ? lookup : new SharedRowLookup(lookup.Type, lookup.Span, lookup.Table, lookup.Key, lookup.Column, read, _slots[earlier], findsRow: false);
        }

        var mine = _lookups++;
        // A tag table's row depends on the account's tags; its key is never evaluated.
        var key = lookup.Table.KeyKind == TableKeyKind.Tag ? lookup.Key : Rewrite(lookup.Key);
        Computed(name, mine);

        // A column number is evaluated after the row is found, so it may reuse that row.
        var number = lookup.ColumnNumber == null ? null : Rewrite(lookup.ColumnNumber);
        if (_shared == null || !_shared.Contains(mine))
            return ReferenceEquals(key, lookup.Key) && ReferenceEquals(number, lookup.ColumnNumber)
                ? lookup
                : new BoundTableLookup(lookup.Type, lookup.Span, lookup.Table, key, lookup.Column, number);

        var slot = _slots.Count;
        _slots.Add(mine, slot);
        return new SharedRowLookup(lookup.Type, lookup.Span, lookup.Table, key, lookup.Column, number, slot, findsRow: true);
    }

    protected override BoundExpression RewriteBinary(BoundBinary binary)
    {
        if (binary.Operator != BinaryOperator.And && binary.Operator != BinaryOperator.Or) return base.RewriteBinary(binary);

        // The right operand is evaluated only when the left one does not decide.
        var left = Rewrite(binary.Left);
        var right = Sometimes(binary.Right);
        return ReferenceEquals(left, binary.Left) && ReferenceEquals(right, binary.Right)
            ? binary
            : new BoundBinary(binary.Type, binary.Span, binary.Operator, left, right);
    }

    protected override BoundExpression RewriteConditional(BoundConditional conditional)
    {
        var condition = Rewrite(conditional.Condition);
        var whenTrue = Sometimes(conditional.WhenTrue);
        var whenFalse = Sometimes(conditional.WhenFalse);
        return ReferenceEquals(condition, conditional.Condition) && ReferenceEquals(whenTrue, conditional.WhenTrue) && ReferenceEquals(whenFalse, conditional.WhenFalse)
            ? conditional
            : new BoundConditional(conditional.Type, conditional.Span, condition, whenTrue, whenFalse);
    }

    protected override BoundExpression RewriteAggregate(BoundAggregate aggregate)
    {
        // The loop may run no iteration, and each iteration sees another item: nothing computed inside outlives it.
        // Inside, the body runs after the filter in the same iteration, so it reuses what the filter computed.
        var mark = _computedOrder.Count;
        var hidden = _keys.Bind(aggregate.Variable);
        var rewritten = base.RewriteAggregate(aggregate);
        _keys.Unbind(aggregate.Variable, hidden);
        Forget(mark);
        return rewritten;
    }

    protected override BoundExpression RewriteFusedLoop(FusedLoop loop)
    {
        // One iteration runs every member for the same item: their variables share a binding, and a member reuses
        // what earlier members computed unconditionally (a filter, or a body without one).
        var mark = _computedOrder.Count;
        var variables = new VariableSymbol[loop.Members.Count];
        for (var i = 0; i < variables.Length; i++) variables[i] = loop.Members[i].Variable;
        var hidden = _keys.BindTogether(variables);
        var members = new BoundAggregate[variables.Length];
        var changed = false;
        for (var i = 0; i < members.Length; i++)
        {
            var member = loop.Members[i];
            var filter = member.Filter == null ? null : Rewrite(member.Filter);
            var body = member.Body == null ? null : member.Filter == null ? Rewrite(member.Body) : Sometimes(member.Body);
            members[i] = ReferenceEquals(filter, member.Filter) && ReferenceEquals(body, member.Body)
                ? member
                : new BoundAggregate(member.Type, member.Span, member.Kind, member.Variable, filter, body);
            changed |= !ReferenceEquals(members[i], member);
        }

        _keys.UnbindTogether(variables, hidden);
        Forget(mark);
        return changed ? new FusedLoop(loop.Id, members) : loop;
    }

    protected override BoundExpression RewriteInlinedCall(InlinedCall call)
    {
        // Arguments are evaluated in the caller's bindings, then the body with fresh ones for the parameters.
        var arguments = RewriteAll(call.Arguments);
        var hidden = new int?[call.Parameters.Count];
        for (var i = 0; i < hidden.Length; i++) hidden[i] = _keys.Bind(call.Parameters[i]);
        var body = Rewrite(call.Body);
        for (var i = hidden.Length - 1; i >= 0; i--) _keys.Unbind(call.Parameters[i], hidden[i]);
        return ReferenceEquals(arguments, call.Arguments) && ReferenceEquals(body, call.Body)
            ? call
            : new InlinedCall(call.Type, call.Span, call.Parameters, arguments, body);
    }

    /// <summary>
    /// A lookup named <paramref name="name"/>: read back when computed on every path to here, otherwise computed by
    /// <paramref name="compute"/> and, when a later lookup reads it back, kept in a new slot.
    /// </summary>
    private BoundExpression Lookup(string? name, BoundExpression lookup, Func<BoundExpression> compute)
    {
        if (name == null) return compute();
        if (_computed.TryGetValue(name, out var earlier))
        {
            _readBack.Add(earlier);
            return _shared == null ? lookup : new SharedValueReference(lookup.Type, lookup.Span, _slots[earlier]);
        }

        var mine = _lookups++;
        var value = compute();
        Computed(name, mine);
        if (_shared == null || !_shared.Contains(mine)) return value;
        var slot = _slots.Count;
        _slots.Add(mine, slot);
        return new SharedValue(slot, value);
    }

    private BoundExpression Sometimes(BoundExpression expression)
    {
        var mark = _computedOrder.Count;
        var rewritten = Rewrite(expression);
        Forget(mark);
        return rewritten;
    }

    private void Computed(string name, int lookup)
    {
        _computed.Add(name, lookup);
        _computedOrder.Add(name);
    }

    private void Forget(int mark)
    {
        for (var i = _computedOrder.Count - 1; i >= mark; i--) _computed.Remove(_computedOrder[i]);
        _computedOrder.RemoveRange(mark, _computedOrder.Count - mark);
    }

    /// <summary>The price field a field reads from the market (itself, or the one it is derived from); null when it reads none.</summary>
    private static ItemField? PriceField(BoundItemField field) => field.Field switch
    {
        ItemField.MarkPrice or ItemField.Notional or ItemField.Upnl => ItemField.MarkPrice,
        ItemField.Price or ItemField.Value => ItemField.Price,
        _ => null,
    };
}
