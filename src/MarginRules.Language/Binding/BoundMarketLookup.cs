using System.Collections.Generic;
using System.Linq;
using MarginRules.Language.Syntax;
using MarginRules.Language.Text;

namespace MarginRules.Language.Binding
{
    /// <summary>A market value of an asset or instrument.</summary>
    public sealed class BoundMarketLookup : BoundExpression
    {
        /// <summary>Creates the node with its checked type and source span.</summary>
        public BoundMarketLookup(PolicyType type, TextSpan span, MarketField field, BoundExpression asset)
            : base(type, span)
        {
            Field = field;
            Asset = asset;
        }

        /// <summary>Price or volatility.</summary>
        public MarketField Field { get; }

        /// <summary>The symbol.</summary>
        public BoundExpression Asset { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Field.ToString().ToLowerInvariant()}({Asset})";
    }
}
