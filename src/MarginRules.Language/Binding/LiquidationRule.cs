using System.Collections.Generic;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>
    /// A checked liquidation rule. Rules are tried in source order; the first whose trigger holds applies.
    /// Taking positions closes notional; taking holdings sells collateral to repay debt.
    /// </summary>
    public sealed class LiquidationRule
    {
        internal LiquidationRule(
            string name, string? description, BoundExpression when, VariableSymbol variable, BoundExpression? filter, BoundExpression? orderBy, bool descending,
            LiquidationSizeKind sizeKind, BoundExpression? sizeValue, BoundExpression? sizeTarget, IReadOnlyList<PenaltyRule> penalties,
            BoundExpression? chunk, TextSpan span)
        {
            Name = name;
            Description = description;
            When = when;
            Variable = variable;
            Filter = filter;
            OrderBy = orderBy;
            Descending = descending;
            SizeKind = sizeKind;
            SizeValue = sizeValue;
            SizeTarget = sizeTarget;
            Penalties = penalties;
            Chunk = chunk;
            Span = span;
        }

        /// <summary>The rule's name.</summary>
        public string Name { get; }

        /// <summary>The description, if any.</summary>
        public string? Description { get; }

        /// <summary>The trigger (bool).</summary>
        public BoundExpression When { get; }

        /// <summary>The variable bound to each taken item; its collection is positions, holdings or debts.</summary>
        public VariableSymbol Variable { get; }

        /// <summary>What is taken.</summary>
        public CollectionKind Collection => Variable.Collection!.Value;

        /// <summary>The <c>where</c> condition (bool), per item: only the items for which it holds are taken; null takes from all.</summary>
        public BoundExpression? Filter { get; }

        /// <summary>The order key, per item; null keeps the account's order.</summary>
        public BoundExpression? OrderBy { get; }

        /// <summary>True to take the largest key first.</summary>
        public bool Descending { get; }

        /// <summary>How the size is given.</summary>
        public LiquidationSizeKind SizeKind { get; }

        /// <summary>The fraction (ratio), the amount (money), the ratio to restore, or for <c>each</c> the share of every item (ratio, per item).</summary>
        public BoundExpression? SizeValue { get; }

        /// <summary>For restore, the target the ratio is brought back to.</summary>
        public BoundExpression? SizeTarget { get; }

        /// <summary>The penalties and bonuses.</summary>
        public IReadOnlyList<PenaltyRule> Penalties { get; }

        /// <summary>The largest amount liquidated per step (money), if limited.</summary>
        public BoundExpression? Chunk { get; }

        /// <summary>The declaration's span.</summary>
        public TextSpan Span { get; }
    }
}
