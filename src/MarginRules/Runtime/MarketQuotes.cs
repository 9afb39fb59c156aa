using System.Collections.Generic;
using MarginRules.Accounts;

namespace MarginRules.Runtime;

/// <summary>Market reads for compiled policies: the price or volatility of a listed symbol, without allocating.</summary>
internal static class MarketQuotes
{
    /// <summary>The mark price of <paramref name="symbol"/>.</summary>
    /// <exception cref="KeyNotFoundException">The market does not list the symbol.</exception>
    public static decimal Price(Market market, string symbol) =>
        market.TryGetQuote(symbol, out var quote) ? quote.Price : throw NotListed(symbol);

    /// <summary>The volatility of <paramref name="symbol"/>.</summary>
    /// <exception cref="KeyNotFoundException">The market does not list the symbol.</exception>
    public static decimal Volatility(Market market, string symbol) =>
        market.TryGetQuote(symbol, out var quote) ? quote.Volatility : throw NotListed(symbol);

    // Building the message only on the failing path keeps the lookup itself free of allocations.
    private static KeyNotFoundException NotListed(string symbol) => new($"the market does not list `{symbol}`");
}
