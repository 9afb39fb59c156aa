using System;
using System.Collections.Generic;
using System.Linq.Expressions;
using MarginRules.Compilation.Fusion;
using MarginRules.Language.Binding;
using MarginRules.Language.Syntax;

namespace MarginRules.Compilation;

internal sealed partial class LinqExpressionCompiler
{
    /// <summary>
    /// An aggregate as an indexed loop over a copy of the account's ImmutableArray (or over a table's row keys, a
    /// string array): no enumerator, no closure. The accumulation repeats the reference evaluator's: sums start from
    /// 0, min and max keep the first of equal values, and any/all stop at the first decisive item.
    /// </summary>
    private Expression Aggregate(BoundAggregate aggregate)
    {
        var rows = aggregate.Variable.Table;
        var collection = rows == null ? Members.Collection(aggregate.Variable.Collection!.Value) : null;
        var items = Expression.Variable(collection?.ArrayType ?? typeof(string[]), "items");
        var count = Expression.Variable(typeof(int), "count");
        var index = Expression.Variable(typeof(int), "index");
        var item = Expression.Variable(collection?.ItemType ?? typeof(string), aggregate.Variable.Name);
        var exit = Expression.Label("exit");
        var next = Expression.Label("next");
        var locals = new List<ParameterExpression> { items, count, index, item };
        var (setup, step) = collection != null
            ? IndexedLoop(collection, items, count, index, item, exit)
            : IndexedLoop(Hoisted(Table(rows!).Keys, typeof(string[])), Expression.ArrayLength, Expression.ArrayIndex, items, count, index, item, exit);

        Expression result;
        var outer = BindVariable(aggregate.Variable, item);
        try
        {
            if (aggregate.Filter != null) step.Add(Expression.IfThen(Expression.Not(Emit(aggregate.Filter)), Expression.Continue(next)));
            result = Accumulate(aggregate, locals, setup, step, exit);
        }
        finally
        {
            UnbindVariable(aggregate.Variable, outer);
        }

        setup.Add(Expression.Loop(Expression.Block(step), exit, next));
        setup.Add(result);
        return Expression.Block(result.Type, locals, setup);
    }

    /// <summary>
    /// A fused loop as a statement: one indexed loop over the collection that runs every member's filter and step for
    /// each item, inside a try block. The results stay in delegate locals for the <see cref="FusedResult"/> nodes. On a
    /// failure Run starts again as <paramref name="fallback"/>, which computes each aggregate where it stands and fails
    /// there, and this Run ends with <paramref name="restarted"/>.
    /// </summary>
    private Expression Fused(FusedLoop loop, SequentialRun fallback, Expression restarted)
    {
        var collection = Members.Collection(loop.Members[0].Variable.Collection!.Value);
        var completed = Expression.Variable(typeof(bool), "completed");
        var items = Expression.Variable(collection.ArrayType, "items");
        var count = Expression.Variable(typeof(int), "count");
        var index = Expression.Variable(typeof(int), "index");
        var item = Expression.Variable(collection.ItemType, "item");
        var exit = Expression.Label("exit");
        var (setup, step) = IndexedLoop(collection, items, count, index, item, exit);

        var results = new Expression[loop.Members.Count];

        // Members can share one variable symbol: a function whose body holds an aggregate, inlined at two calls,
        // yields two copies of the aggregate with the same variable. All of them stand for the loop's item.
        var outers = new ParameterExpression?[loop.Members.Count];
        for (var m = 0; m < outers.Length; m++) outers[m] = BindVariable(loop.Members[m].Variable, item);

        try
        {
            for (var m = 0; m < results.Length; m++)
            {
                // The filter is emitted before the body, in evaluation order, as shared lookups require.
                var member = loop.Members[m];
                var filter = member.Filter == null ? null : Emit(member.Filter);
                var memberStep = new List<Expression>();
                results[m] = Accumulate(member, _delegateLocals, setup, memberStep, exit);
                if (filter == null) step.AddRange(memberStep);
                else step.Add(Expression.IfThen(filter, Expression.Block(memberStep)));
            }
        }
        finally
        {
            for (var m = outers.Length - 1; m >= 0; m--) UnbindVariable(loop.Members[m].Variable, outers[m]);
        }

        _fused.Add(loop.Id, results);
        setup.Add(Expression.Loop(Expression.Block(step), exit));
        var restart = Expression.Block(
            Expression.Call(Expression.Constant(fallback), Members.SequentialRun, _account, _market, _frame),
            restarted);
        return Expression.Block(
            new[] { completed, items, count, index, item },
            Expression.Assign(completed, Expression.Constant(true)),
            Expression.TryCatch(
                Expression.Block(typeof(void), setup),
                Expression.Catch(typeof(Exception), Expression.Block(typeof(void), Expression.Assign(completed, Expression.Constant(false))))),
            Expression.IfThen(Expression.Not(completed), restart));
    }

    /// <summary>The start of an indexed loop over the account's collection: the set-up, and a step that stops at the end and loads the next item.</summary>
    private (List<Expression> Setup, List<Expression> Step) IndexedLoop(
        CollectionMembers collection, ParameterExpression items, ParameterExpression count, ParameterExpression index, ParameterExpression item, LabelTarget exit) =>
        IndexedLoop(
            Expression.Property(_account, collection.AccountProperty),
            array => Expression.Property(array, nameof(System.Collections.Immutable.ImmutableArray<int>.Length)),
            (array, at) => Expression.Property(array, collection.Indexer, at),
            items, count, index, item, exit);

    /// <summary>The start of an indexed loop over <paramref name="source"/>, read through its length and element accessors.</summary>
    private static (List<Expression> Setup, List<Expression> Step) IndexedLoop(
        Expression source, Func<Expression, Expression> length, Func<Expression, Expression, Expression> element,
        ParameterExpression items, ParameterExpression count, ParameterExpression index, ParameterExpression item, LabelTarget exit)
    {
        var setup = new List<Expression>
        {
            Expression.Assign(items, source),
            Expression.Assign(count, length(items)),
            Expression.Assign(index, Expression.Constant(0)),
        };
        var step = new List<Expression>
        {
            Expression.IfThen(Expression.GreaterThanOrEqual(index, count), Expression.Break(exit)),
            Expression.Assign(item, element(items, index)),
            Expression.Assign(index, Expression.Increment(index)),
        };
        return (setup, step);
    }

    /// <summary>Adds the accumulator's locals, initial values and per-item step; returns the aggregate's value.</summary>
    private Expression Accumulate(BoundAggregate aggregate, List<ParameterExpression> locals, List<Expression> setup, List<Expression> step, LabelTarget exit)
    {
        switch (aggregate.Kind)
        {
            case AggregateKind.Sum:
            {
                var sum = Expression.Variable(typeof(decimal), "sum");
                locals.Add(sum);
                setup.Add(Expression.Assign(sum, DecimalConstant(0m)));
                step.Add(Expression.AddAssign(sum, Emit(aggregate.Body!), Members.DecimalAdd));
                return sum;
            }

            case AggregateKind.Min:
            case AggregateKind.Max:
            {
                var best = Expression.Variable(typeof(decimal), "best");
                var first = Expression.Variable(typeof(bool), "first");
                var value = Expression.Variable(typeof(decimal), "value");
                locals.AddRange(new[] { best, first, value });
                setup.Add(Expression.Assign(best, DecimalConstant(0m)));
                setup.Add(Expression.Assign(first, Expression.Constant(true)));
                step.Add(Expression.Assign(value, Emit(aggregate.Body!)));
                var better = aggregate.Kind == AggregateKind.Min
                    ? Expression.LessThan(value, best, false, Members.DecimalLess)
                    : Expression.GreaterThan(value, best, false, Members.DecimalGreater);
                step.Add(Expression.IfThen(Expression.OrElse(first, better), Expression.Assign(best, value)));
                step.Add(Expression.Assign(first, Expression.Constant(false)));
                return best;
            }

            case AggregateKind.Count:
            {
                var counted = Expression.Variable(typeof(int), "counted");
                locals.Add(counted);
                setup.Add(Expression.Assign(counted, Expression.Constant(0)));
                Expression increment = Expression.PreIncrementAssign(counted);
                step.Add(aggregate.Body == null ? increment : Expression.IfThen(Emit(aggregate.Body), increment));
                return Expression.Call(Members.FromCount, counted);
            }

            case AggregateKind.Any:
            {
                var any = Expression.Variable(typeof(bool), "any");
                locals.Add(any);
                setup.Add(Expression.Assign(any, Expression.Constant(false)));
                Expression found = Expression.Block(Expression.Assign(any, Expression.Constant(true)), Expression.Break(exit));
                step.Add(aggregate.Body == null ? found : Expression.IfThen(Emit(aggregate.Body), found));
                return any;
            }

            default:
            {
                var all = Expression.Variable(typeof(bool), "all");
                locals.Add(all);
                setup.Add(Expression.Assign(all, Expression.Constant(true)));
                step.Add(Expression.IfThen(Expression.Not(Emit(aggregate.Body!)), Expression.Block(Expression.Assign(all, Expression.Constant(false)), Expression.Break(exit))));
                return all;
            }
        }
    }
}
