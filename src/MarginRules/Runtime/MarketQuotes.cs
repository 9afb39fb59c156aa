using System.Collections.Generic;
using MarginRules.Accounts;

namespace MarginRules.Runtime;

/// <summary>Market reads for compiled policies: the price, volatility or open interest of a listed symbol, without allocating.</summary>
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

    /// <summary>The open interest of <paramref name="symbol"/> in base units.</summary>
    /// <exception cref="KeyNotFoundException">The market does not list the symbol, or its quote gives no open interest.</exception>
    public static decimal OpenInterest(Market market, string symbol) =>
        !market.TryGetQuote(symbol, out var quote) ? throw NotListed(symbol)
        : quote.OpenInterest ?? throw new KeyNotFoundException(NoOpenInterest(symbol));

    // A missing open interest is an error rather than 0, which would silently hold an open-interest-scaled margin at its floor.
    internal static string NoOpenInterest(string symbol) => $"the market gives no open interest for `{symbol}`";

    // Building the message only on the failing path keeps the lookup itself free of allocations.
    private static KeyNotFoundException NotListed(string symbol) => new($"the market does not list `{symbol}`");
}
