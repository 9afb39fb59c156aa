using System.Collections.Frozen;
using System.Collections.Generic;

namespace MarginRules.Accounts;

/// <summary>Prices, volatilities and open interest by asset or instrument symbol; immutable and safe to share between threads.</summary>
public sealed class Market
{
    private readonly FrozenDictionary<string, AssetQuote> _quotes;

    /// <summary>Creates a market from quotes keyed by symbol (ordinal, case-sensitive).</summary>
    public Market(IEnumerable<KeyValuePair<string, AssetQuote>> quotes)
    {
        _quotes = quotes.ToFrozenDictionary(System.StringComparer.Ordinal);
    }

    /// <summary>The quotes by symbol.</summary>
    public IReadOnlyDictionary<string, AssetQuote> Quotes => _quotes;

    /// <summary>Looks up a quote; false when the market does not list the symbol.</summary>
    public bool TryGetQuote(string symbol, out AssetQuote quote) => _quotes.TryGetValue(symbol, out quote);

    /// <summary>The price of a listed symbol.</summary>
    /// <exception cref="KeyNotFoundException">The market does not list the symbol.</exception>
    public decimal Price(string symbol) =>
        _quotes.TryGetValue(symbol, out var q) ? q.Price : throw new KeyNotFoundException($"the market does not list `{symbol}`");

    /// <summary>The volatility of a listed symbol.</summary>
    /// <exception cref="KeyNotFoundException">The market does not list the symbol.</exception>
    public decimal Volatility(string symbol) =>
        _quotes.TryGetValue(symbol, out var q) ? q.Volatility : throw new KeyNotFoundException($"the market does not list `{symbol}`");

    /// <summary>The open interest (base units) of a listed symbol.</summary>
    /// <exception cref="KeyNotFoundException">The market does not list the symbol, or gives no open interest for it.</exception>
    public decimal OpenInterest(string symbol) => MarginRules.Runtime.MarketQuotes.OpenInterest(this, symbol);

    /// <summary>Returns a market with some quotes replaced or added.</summary>
    public Market With(IEnumerable<KeyValuePair<string, AssetQuote>> changes)
    {
        var d = new Dictionary<string, AssetQuote>(_quotes, System.StringComparer.Ordinal);
        foreach (var kv in changes) d[kv.Key] = kv.Value;
        return new Market(d);
    }
}
