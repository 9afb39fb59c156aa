using System.Collections.Generic;
using MarginRules.Compilation.Inlining;
using MarginRules.Compilation.Rewriting;
using MarginRules.Language.Binding;
using MarginRules.Language.Syntax;
using MarginRules.Runtime;

namespace MarginRules.Compilation.Folding;

/// <summary>
/// Replaces parameters with their compile-time values and every subtree that no longer depends on the account with its
/// value. Folding goes through <see cref="ConstantFolder"/>, the checker's own evaluator, so a folded value is the
/// value the reference evaluator computes, digit for digit; a subtree whose evaluation fails stays as it is, so it
/// still fails at run time, where it would have.
/// </summary>
internal sealed class ConstantFoldingPass : BoundTreeRewriter
{
    private readonly IReadOnlyDictionary<LetSymbol, BoundLiteral> _constantLets;

    /// <param name="constantLets">Named values already known to be constant; references to them fold too.</param>
    public ConstantFoldingPass(IReadOnlyDictionary<LetSymbol, BoundLiteral> constantLets)
    {
        _constantLets = constantLets;
    }

    protected override BoundExpression RewriteParameterReference(BoundParameterReference parameter) =>
        new BoundLiteral(parameter.Type, parameter.Span, parameter.Parameter.Value!);

    protected override BoundExpression RewriteLetReference(BoundLetReference let) =>
        _constantLets.TryGetValue(let.Let, out var value) ? new BoundLiteral(let.Type, let.Span, value.Value) : let;

    protected override BoundExpression RewriteUnary(BoundUnary unary) => Fold(base.RewriteUnary(unary));

    protected override BoundExpression RewriteBinary(BoundBinary binary)
    {
        if (binary.Operator != BinaryOperator.And && binary.Operator != BinaryOperator.Or) return Fold(base.RewriteBinary(binary));

        // `and`/`or` decided by a constant left operand never evaluate the right one; otherwise the right operand
        // still decides, so it stays even when its left neighbour is constant.
        var left = Rewrite(binary.Left);
        if (left is BoundLiteral { Value: bool decided })
        {
            if (binary.Operator == BinaryOperator.And && !decided) return left;
            if (binary.Operator == BinaryOperator.Or && decided) return left;
            return Rewrite(binary.Right);
        }

        var right = Rewrite(binary.Right);
        return ReferenceEquals(left, binary.Left) && ReferenceEquals(right, binary.Right)
            ? binary
            : new BoundBinary(binary.Type, binary.Span, binary.Operator, left, right);
    }

    protected override BoundExpression RewriteConditional(BoundConditional conditional)
    {
        var condition = Rewrite(conditional.Condition);
        if (condition is BoundLiteral { Value: bool holds }) return Rewrite(holds ? conditional.WhenTrue : conditional.WhenFalse);
        var whenTrue = Rewrite(conditional.WhenTrue);
        var whenFalse = Rewrite(conditional.WhenFalse);
        return ReferenceEquals(condition, conditional.Condition) && ReferenceEquals(whenTrue, conditional.WhenTrue) && ReferenceEquals(whenFalse, conditional.WhenFalse)
            ? conditional
            : new BoundConditional(conditional.Type, conditional.Span, condition, whenTrue, whenFalse);
    }

    protected override BoundExpression RewriteBuiltinCall(BoundBuiltinCall call) => Fold(base.RewriteBuiltinCall(call));

    protected override BoundExpression RewriteInlinedCall(InlinedCall call)
    {
        // Constant arguments are substituted into the body, which may then fold; the others stay bound, in order.
        var arguments = RewriteAll(call.Arguments);
        var constants = new Dictionary<VariableSymbol, BoundLiteral>();
        var parameters = new List<VariableSymbol>();
        var remaining = new List<BoundExpression>();
        for (var i = 0; i < arguments.Count; i++)
        {
            if (arguments[i] is BoundLiteral literal) constants.Add(call.Parameters[i], literal);
            else
            {
                parameters.Add(call.Parameters[i]);
                remaining.Add(arguments[i]);
            }
        }

        var body = Rewrite(constants.Count == 0 ? call.Body : new VariableSubstitution(constants).Rewrite(call.Body));
        return remaining.Count == 0 ? body : new InlinedCall(call.Type, call.Span, parameters, remaining, body);
    }

    protected override BoundExpression RewriteAggregate(BoundAggregate aggregate)
    {
        var rewritten = (BoundAggregate)base.RewriteAggregate(aggregate);
        if (rewritten.Filter is not BoundLiteral { Value: bool passes }) return rewritten;
        if (passes) return new BoundAggregate(rewritten.Type, rewritten.Span, rewritten.Kind, rewritten.Variable, null, rewritten.Body);

        // A filter that is never true leaves the aggregate empty: sums, minima, maxima and counts are 0, any is false, all is true.
        object empty = rewritten.Kind switch
        {
            AggregateKind.Any => false,
            AggregateKind.All => true,
            _ => 0m,
        };
        return new BoundLiteral(rewritten.Type, rewritten.Span, empty);
    }

    protected override BoundExpression RewriteTableLookup(BoundTableLookup lookup)
    {
        var rewritten = (BoundTableLookup)base.RewriteTableLookup(lookup);

        // A constant column number names a column; one that is not a column number stays, to fail at run time.
        if (rewritten.ColumnNumber is BoundLiteral { Value: decimal k } && TableRows.IsColumnNumber(k, rewritten.Table.Columns.Count))
            rewritten = new BoundTableLookup(rewritten.Type, rewritten.Span, rewritten.Table, rewritten.Key, (int)k - 1);
        if (rewritten.ColumnNumber != null) return rewritten;
        if (rewritten.Key is not BoundLiteral key || rewritten.Table.KeyKind == TableKeyKind.Tag) return rewritten;
        var row = CompiledTable.FindRow(rewritten.Table, key.Value);
        return row == null ? rewritten : new BoundLiteral(rewritten.Type, rewritten.Span, row[rewritten.Column]);
    }

    /// <summary>Folds a node whose operands are all constant; a node whose evaluation fails is kept.</summary>
    private static BoundExpression Fold(BoundExpression expression)
    {
        var operandsConstant = expression switch
        {
            BoundUnary u => u.Operand is BoundLiteral,
            BoundBinary b => b.Left is BoundLiteral && b.Right is BoundLiteral,
            BoundBuiltinCall c => AllLiterals(c.Arguments),
            _ => false,
        };
        return operandsConstant && ConstantFolder.TryFold(expression, out var value) ? new BoundLiteral(expression.Type, expression.Span, value) : expression;
    }

    private static bool AllLiterals(IReadOnlyList<BoundExpression> expressions)
    {
        foreach (var e in expressions)
            if (e is not BoundLiteral) return false;
        return true;
    }
}
