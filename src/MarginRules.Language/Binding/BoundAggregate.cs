using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>An aggregate over one of the account's collections, or over the rows of a table keyed by asset or symbol.</summary>
    public sealed class BoundAggregate : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundAggregate(PolicyType type, TextSpan span, AggregateKind kind, VariableSymbol variable, BoundExpression? filter, BoundExpression? body)
            : base(type, span)
        {
            Kind = kind;
            Variable = variable;
            Filter = filter;
            Body = body;
        }

        /// <summary>The aggregate.</summary>
        public AggregateKind Kind { get; }

        /// <summary>The item variable; its collection is iterated, or its table's keys in row order when <see cref="VariableSymbol.Table"/> is set.</summary>
        public VariableSymbol Variable { get; }

        /// <summary>The filter, if any.</summary>
        public BoundExpression? Filter { get; }

        /// <summary>The aggregated value or condition, if any.</summary>
        public BoundExpression? Body { get; }

        /// <inheritdoc />
        public override string ToString() => $"({Kind.ToString().ToLowerInvariant()} {Variable.Name} {(object?)Variable.Table?.Name ?? Variable.Collection} {(object?)Filter ?? "-"} {(object?)Body ?? "-"})";
    }
}
