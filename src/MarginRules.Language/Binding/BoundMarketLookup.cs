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

        /// <summary>Price, volatility or open interest.</summary>
        public MarketField Field { get; }

        /// <summary>The symbol.</summary>
        public BoundExpression Asset { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Name(Field)}({Asset})";

        /// <summary>The built-in function that reads <paramref name="field"/>, as written in policies.</summary>
        public static string Name(MarketField field) => field switch
        {
            MarketField.Price => "price",
            MarketField.Volatility => "volatility",
            _ => "open_interest",
        };
    }
}
