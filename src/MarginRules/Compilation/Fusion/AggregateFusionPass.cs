using System.Collections.Generic;
using MarginRules.Compilation.Inlining;
using MarginRules.Compilation.Rewriting;
using MarginRules.Language.Binding;
using MarginRules.Language.Syntax;

namespace MarginRules.Compilation.Fusion;

/// <summary>
/// Computes the aggregates of several named values over the same collection in one loop, so that each item's market
/// price, read by all of them, is looked up once per item instead of once per aggregate (a policy's equity sums the
/// positions' upnl, its maintenance their notional). Only aggregates that every evaluation of <c>Run</c> computes are
/// fused: those outside branches, the right side of <c>and</c>/<c>or</c>, function bodies and other aggregates, that
/// run over every item (sum, count, min, max) and that read their item's price. The loop runs before the first of
/// them, so each may refer only to named values computed before that point.
/// </summary>
internal sealed class AggregateFusionPass : BoundTreeRewriter
{
    private readonly Dictionary<BoundAggregate, (int Loop, int Member)> _members;

    private AggregateFusionPass(Dictionary<BoundAggregate, (int Loop, int Member)> members)
    {
        _members = members;
    }

    /// <summary>
    /// Fuses the aggregates of the named values <paramref name="lets"/>, whose rewritten values are
    /// <paramref name="values"/>, in evaluation order. Returns the loops to run before each named value, and the
    /// values with each fused aggregate replaced by a <see cref="FusedResult"/>.
    /// </summary>
    public static (IReadOnlyList<FusedLoop>[] Loops, BoundExpression[] Values) Fuse(IReadOnlyList<LetSymbol> lets, IReadOnlyList<BoundExpression> values) =>
        Fuse(lets, values, 0, values.Count);

    /// <summary>
    /// Fuses only the aggregates of the named values from <paramref name="start"/> up to <paramref name="end"/>, one
    /// part of a Run compiled in parts; their aggregates may read any earlier named value. Returns the loops and the
    /// rewritten values of that range, indexed from <paramref name="start"/>.
    /// </summary>
    public static (IReadOnlyList<FusedLoop>[] Loops, BoundExpression[] Values) Fuse(IReadOnlyList<LetSymbol> lets, IReadOnlyList<BoundExpression> values, int start, int end)
    {
        var order = new Dictionary<LetSymbol, int>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < lets.Count; i++) order.Add(lets[i], i);

        // A subtree shared between two places (a function body inlined with arguments it does not read, say) would be
        // computed once for both, and the rewrite replaces every place, also one in an earlier named value or inside a
        // call or branch, where the loop's result does not exist yet; such aggregates are left alone.
        var occurrences = new OccurrenceCount();
        for (var i = start; i < end; i++) occurrences.Rewrite(values[i]);

        // Groups by collection; each is placed before the named value of its first member.
        var groups = new List<(CollectionKind Collection, int Before, List<BoundAggregate> Members)>();
        for (var i = start; i < end; i++)
        {
            var found = new List<BoundAggregate>();
            AlwaysEvaluated(values[i], found);
            foreach (var aggregate in found)
            {
                if (occurrences.Counts[aggregate] > 1 || !Fusable(aggregate, order, out var latestLet)) continue;
                var collection = aggregate.Variable.Collection!.Value;
                var group = groups.FindIndex(g => g.Collection == collection && latestLet < g.Before);
                if (group >= 0) groups[group].Members.Add(aggregate);
                else groups.Add((collection, i, new List<BoundAggregate> { aggregate }));
            }
        }

        var loops = new IReadOnlyList<FusedLoop>[end - start];
        for (var i = 0; i < loops.Length; i++) loops[i] = new List<FusedLoop>();
        var members = new Dictionary<BoundAggregate, (int, int)>(ReferenceEqualityComparer.Instance);
        var id = 0;
        foreach (var (_, before, group) in groups)
        {
            if (group.Count < 2) continue;
            for (var m = 0; m < group.Count; m++) members.Add(group[m], (id, m));
            ((List<FusedLoop>)loops[before - start]).Add(new FusedLoop(id++, group));
        }

        var rewritten = new BoundExpression[end - start];
        var pass = new AggregateFusionPass(members);
        for (var i = 0; i < rewritten.Length; i++) rewritten[i] = members.Count == 0 ? values[start + i] : pass.Rewrite(values[start + i]);
        return (loops, rewritten);
    }

    protected override BoundExpression RewriteAggregate(BoundAggregate aggregate) =>
        _members.TryGetValue(aggregate, out var place) ? new FusedResult(place.Loop, place.Member, aggregate) : aggregate;

    /// <summary>Counts every place each aggregate occurs, in branches, call bodies and other aggregates included.</summary>
    private sealed class OccurrenceCount : BoundTreeRewriter
    {
        public Dictionary<BoundAggregate, int> Counts { get; } = new(ReferenceEqualityComparer.Instance);

        protected override BoundExpression RewriteAggregate(BoundAggregate aggregate)
        {
            Counts[aggregate] = Counts.GetValueOrDefault(aggregate) + 1;
            return base.RewriteAggregate(aggregate);
        }
    }

    /// <summary>The aggregates evaluated whenever <paramref name="e"/> is, in evaluation order.</summary>
    private static void AlwaysEvaluated(BoundExpression e, List<BoundAggregate> found)
    {
        switch (e)
        {
            case BoundAggregate aggregate:
                found.Add(aggregate);
                break;
            case BoundUnary unary:
                AlwaysEvaluated(unary.Operand, found);
                break;
            case BoundBinary binary:
                AlwaysEvaluated(binary.Left, found);
                if (binary.Operator != BinaryOperator.And && binary.Operator != BinaryOperator.Or) AlwaysEvaluated(binary.Right, found);
                break;
            case BoundConditional conditional:
                AlwaysEvaluated(conditional.Condition, found);
                break;
            case BoundBuiltinCall call:
                foreach (var argument in call.Arguments) AlwaysEvaluated(argument, found);
                break;
            case InlinedCall call:
                // The body may refer to the parameters, which exist only inside the call.
                foreach (var argument in call.Arguments) AlwaysEvaluated(argument, found);
                break;
            case BoundTableLookup lookup:
                if (lookup.Table.KeyKind != TableKeyKind.Tag) AlwaysEvaluated(lookup.Key, found);
                if (lookup.ColumnNumber != null) AlwaysEvaluated(lookup.ColumnNumber, found);
                break;
            case BoundMarketLookup lookup:
                AlwaysEvaluated(lookup.Asset, found);
                break;
            case BoundTagged tagged:
                AlwaysEvaluated(tagged.Tag, found);
                break;
        }
    }

    /// <summary>
    /// True when the aggregate visits every item, reads its item's price and depends only on the account, the market
    /// and named values; <paramref name="latestLet"/> is the position of the last named value it reads, or -1.
    /// </summary>
    private static bool Fusable(BoundAggregate aggregate, Dictionary<LetSymbol, int> order, out int latestLet)
    {
        latestLet = -1;
        // A table's rows are not the account's items: such a loop reads no item price to share.
        if (aggregate.Kind is AggregateKind.Any or AggregateKind.All || aggregate.Variable.Table != null) return false;
        var scan = new DependencyScan(aggregate.Variable, order);
        var fusable = (aggregate.Filter == null || scan.Visit(aggregate.Filter)) && (aggregate.Body == null || scan.Visit(aggregate.Body));
        latestLet = scan.LatestLet;
        return fusable && scan.ReadsPrice;
    }
}
