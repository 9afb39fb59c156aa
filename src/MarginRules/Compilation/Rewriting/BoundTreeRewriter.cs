using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using MarginRules.Compilation.Fusion;
using MarginRules.Compilation.Inlining;
using MarginRules.Language.Binding;

namespace MarginRules.Compilation.Rewriting;

/// <summary>
/// The base of the checked-tree rewrite passes: each node is rebuilt only when one of its children changed, so a pass
/// that changes nothing returns the tree it was given.
/// </summary>
internal abstract class BoundTreeRewriter
{
    public BoundExpression Rewrite(BoundExpression expression)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return RewriteNode(expression);
    }

    private BoundExpression RewriteNode(BoundExpression expression) => expression switch
    {
        BoundLiteral literal => RewriteLiteral(literal),
        BoundParameterReference parameter => RewriteParameterReference(parameter),
        BoundLetReference let => RewriteLetReference(let),
        BoundVariableReference variable => RewriteVariableReference(variable),
        BoundItemField field => RewriteItemField(field),
        BoundAccountField or BoundCallExpired => expression,
        BoundUnary unary => RewriteUnary(unary),
        BoundBinary binary => RewriteBinary(binary),
        BoundConditional conditional => RewriteConditional(conditional),
        BoundFunctionCall call => RewriteFunctionCall(call),
        InlinedCall call => RewriteInlinedCall(call),
        BoundBuiltinCall call => RewriteBuiltinCall(call),
        BoundAggregate aggregate => RewriteAggregate(aggregate),
        FusedLoop loop => RewriteFusedLoop(loop),
        FusedResult => expression,
        BoundTableLookup lookup => RewriteTableLookup(lookup),
        BoundMarketLookup lookup => RewriteMarketLookup(lookup),
        BoundTagged tagged => RewriteTagged(tagged),
        _ => throw new InvalidOperationException($"unexpected node {expression.GetType().Name}"),
    };

    protected virtual BoundExpression RewriteLiteral(BoundLiteral literal) => literal;

    protected virtual BoundExpression RewriteParameterReference(BoundParameterReference parameter) => parameter;

    protected virtual BoundExpression RewriteLetReference(BoundLetReference let) => let;

    protected virtual BoundExpression RewriteVariableReference(BoundVariableReference variable) => variable;

    protected virtual BoundExpression RewriteItemField(BoundItemField field) => field;

    protected virtual BoundExpression RewriteUnary(BoundUnary unary)
    {
        var operand = Rewrite(unary.Operand);
        return ReferenceEquals(operand, unary.Operand) ? unary : new BoundUnary(unary.Type, unary.Span, unary.Operator, operand);
    }

    protected virtual BoundExpression RewriteBinary(BoundBinary binary)
    {
        var left = Rewrite(binary.Left);
        var right = Rewrite(binary.Right);
        return ReferenceEquals(left, binary.Left) && ReferenceEquals(right, binary.Right)
            ? binary
            : new BoundBinary(binary.Type, binary.Span, binary.Operator, left, right);
    }

    protected virtual BoundExpression RewriteConditional(BoundConditional conditional)
    {
        var condition = Rewrite(conditional.Condition);
        var whenTrue = Rewrite(conditional.WhenTrue);
        var whenFalse = Rewrite(conditional.WhenFalse);
        return ReferenceEquals(condition, conditional.Condition) && ReferenceEquals(whenTrue, conditional.WhenTrue) && ReferenceEquals(whenFalse, conditional.WhenFalse)
            ? conditional
            : new BoundConditional(conditional.Type, conditional.Span, condition, whenTrue, whenFalse);
    }

    protected virtual BoundExpression RewriteFunctionCall(BoundFunctionCall call)
    {
        var arguments = RewriteAll(call.Arguments);
        return ReferenceEquals(arguments, call.Arguments) ? call : new BoundFunctionCall(call.Type, call.Span, call.Function, arguments);
    }

    protected virtual BoundExpression RewriteInlinedCall(InlinedCall call)
    {
        var arguments = RewriteAll(call.Arguments);
        var body = Rewrite(call.Body);
        return ReferenceEquals(arguments, call.Arguments) && ReferenceEquals(body, call.Body)
            ? call
            : new InlinedCall(call.Type, call.Span, call.Parameters, arguments, body);
    }

    protected virtual BoundExpression RewriteBuiltinCall(BoundBuiltinCall call)
    {
        var arguments = RewriteAll(call.Arguments);
        return ReferenceEquals(arguments, call.Arguments) ? call : new BoundBuiltinCall(call.Type, call.Span, call.Function, arguments, call.Mode);
    }

    protected virtual BoundExpression RewriteAggregate(BoundAggregate aggregate) => RewriteAggregateParts(aggregate);

    protected virtual BoundExpression RewriteFusedLoop(FusedLoop loop)
    {
        var members = new BoundAggregate[loop.Members.Count];
        var changed = false;
        for (var i = 0; i < members.Length; i++)
        {
            members[i] = RewriteAggregateParts(loop.Members[i]);
            changed |= !ReferenceEquals(members[i], loop.Members[i]);
        }

        return changed ? new FusedLoop(loop.Id, members) : loop;
    }

    /// <summary>An aggregate with its filter and body rewritten; still an aggregate, whatever <see cref="RewriteAggregate"/> makes of one.</summary>
    protected BoundAggregate RewriteAggregateParts(BoundAggregate aggregate)
    {
        var filter = aggregate.Filter == null ? null : Rewrite(aggregate.Filter);
        var body = aggregate.Body == null ? null : Rewrite(aggregate.Body);
        return ReferenceEquals(filter, aggregate.Filter) && ReferenceEquals(body, aggregate.Body)
            ? aggregate
            : new BoundAggregate(aggregate.Type, aggregate.Span, aggregate.Kind, aggregate.Variable, filter, body);
    }

    protected virtual BoundExpression RewriteTableLookup(BoundTableLookup lookup)
    {
        var key = Rewrite(lookup.Key);
        var number = lookup.ColumnNumber == null ? null : Rewrite(lookup.ColumnNumber);
        return ReferenceEquals(key, lookup.Key) && ReferenceEquals(number, lookup.ColumnNumber)
            ? lookup
            : new BoundTableLookup(lookup.Type, lookup.Span, lookup.Table, key, lookup.Column, number);
    }

    protected virtual BoundExpression RewriteMarketLookup(BoundMarketLookup lookup)
    {
        var asset = Rewrite(lookup.Asset);
        return ReferenceEquals(asset, lookup.Asset) ? lookup : new BoundMarketLookup(lookup.Type, lookup.Span, lookup.Field, asset);
    }

    protected virtual BoundExpression RewriteTagged(BoundTagged tagged)
    {
        var tag = Rewrite(tagged.Tag);
        return ReferenceEquals(tag, tagged.Tag) ? tagged : new BoundTagged(tagged.Type, tagged.Span, tag);
    }

    /// <summary>Rewrites a list; returns the same list when no element changed.</summary>
    protected IReadOnlyList<BoundExpression> RewriteAll(IReadOnlyList<BoundExpression> expressions)
    {
        BoundExpression[]? changed = null;
        for (var i = 0; i < expressions.Count; i++)
        {
            var rewritten = Rewrite(expressions[i]);
            if (changed == null && ReferenceEquals(rewritten, expressions[i])) continue;
            if (changed == null)
            {
                changed = new BoundExpression[expressions.Count];
                for (var j = 0; j < i; j++) changed[j] = expressions[j];
            }

            changed[i] = rewritten;
        }

        return changed ?? expressions;
    }
}
