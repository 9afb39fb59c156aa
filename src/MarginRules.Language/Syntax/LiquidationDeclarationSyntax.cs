using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Text;

namespace MarginRules.Language.Syntax
{
    /// <summary>A liquidation rule: trigger, what is taken in which order, size, penalties and chunk.</summary>
    public sealed class LiquidationDeclarationSyntax : DeclarationSyntax
    {
        /// <summary>Creates the node; <paramref name="span"/> is its source span.</summary>
        public LiquidationDeclarationSyntax(TextSpan span, IdentifierSyntax name, string? description, ExpressionSyntax when, IdentifierSyntax variable, IdentifierSyntax collection, ExpressionSyntax? filter, ExpressionSyntax? orderBy, bool descending, LiquidationSizeSyntax size, IReadOnlyList<PenaltySyntax> penalties, ExpressionSyntax? chunk)
            : base(span)
        {
            Name = name;
            Description = description;
            When = when;
            Variable = variable;
            Collection = collection;
            Filter = filter;
            OrderBy = orderBy;
            Descending = descending;
            Size = size;
            Penalties = penalties;
            Chunk = chunk;
        }

        /// <summary>The rule's name.</summary>
        public IdentifierSyntax Name { get; }

        /// <summary>The description, if given.</summary>
        public string? Description { get; }

        /// <summary>The trigger.</summary>
        public ExpressionSyntax When { get; }

        /// <summary>The variable bound to each taken item.</summary>
        public IdentifierSyntax Variable { get; }

        /// <summary><c>positions</c> or <c>holdings</c>.</summary>
        public IdentifierSyntax Collection { get; }

        /// <summary>The <c>where</c> condition: only the items for which it holds can be taken; null takes from all.</summary>
        public ExpressionSyntax? Filter { get; }

        /// <summary>The ordering key, if given.</summary>
        public ExpressionSyntax? OrderBy { get; }

        /// <summary>True for <c>desc</c>.</summary>
        public bool Descending { get; }

        /// <summary>How much is liquidated.</summary>
        public LiquidationSizeSyntax Size { get; }

        /// <summary>The penalties and who receives them.</summary>
        public IReadOnlyList<PenaltySyntax> Penalties { get; }

        /// <summary>The largest amount per step, if given.</summary>
        public ExpressionSyntax? Chunk { get; }

        /// <inheritdoc />
        public override string ToString() => $"(liquidation {Name} {Q(Description)} {When} (take {Variable} {Collection}{(Filter == null ? string.Empty : $" (where {Filter})")} {(object?)OrderBy ?? "-"} {(Descending ? "desc" : "asc")}) {Size} ({string.Join(" ", Penalties)}) {(object?)Chunk ?? "-"})";
    }
}
