using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary><c>sum(p in positions where …: …)</c> and the other aggregates.</summary>
    public sealed class AggregateSyntax : ExpressionSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public AggregateSyntax(TextSpan span, AggregateKind kind, IdentifierSyntax variable, IdentifierSyntax collection, ExpressionSyntax? filter, ExpressionSyntax? body)
            : base(span)
        {
            Kind = kind;
            Variable = variable;
            Collection = collection;
            Filter = filter;
            Body = body;
        }

        /// <summary>The aggregate.</summary>
        public AggregateKind Kind { get; }

        /// <summary>The variable bound to each item.</summary>
        public IdentifierSyntax Variable { get; }

        /// <summary>The collection iterated.</summary>
        public IdentifierSyntax Collection { get; }

        /// <summary>The <c>where</c> filter, if given.</summary>
        public ExpressionSyntax? Filter { get; }

        /// <summary>The value aggregated, if given.</summary>
        public ExpressionSyntax? Body { get; }

        /// <inheritdoc />
        public override ExpressionSyntax WithSpan(TextSpan span) => new AggregateSyntax(span, Kind, Variable, Collection, Filter, Body);

        /// <inheritdoc />
        public override string ToString() => $"({Kind.ToString().ToLowerInvariant()} {Variable} {Collection} {(object?)Filter ?? "-"} {(object?)Body ?? "-"})";
    }
}
