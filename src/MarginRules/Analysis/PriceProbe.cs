using System.Collections.Generic;
using MarginRules.Accounts;
using MarginRules.Assessment;
using MarginRules.Evaluation;

namespace MarginRules.Analysis;

/// <summary>Evaluates one account with an asset moved to a trial price, its instruments moved in proportion.</summary>
internal sealed class PriceProbe
{
    private readonly MarginPolicy _policy;
    private readonly Account _account;
    private readonly Market _market;
    private readonly IReadOnlyList<string> _symbols;
    private readonly decimal _currentPrice;
    private readonly EvaluationFrame _frame;

    public PriceProbe(MarginPolicy policy, Account account, Market market, IReadOnlyList<string> symbols, decimal currentPrice)
    {
        _policy = policy;
        _account = account;
        _market = market;
        _symbols = symbols;
        _currentPrice = currentPrice;
        _frame = policy.CreateFrame();
    }

    public MarginStatus Status(decimal price) => _policy.Assess(_account, MarketAt(price), _frame);

    /// <summary>The price of each moving symbol when the asset (the first symbol) trades at <paramref name="price"/>.</summary>
    public IReadOnlyDictionary<string, decimal> PricesAt(decimal price)
    {
        var prices = new Dictionary<string, decimal>(_symbols.Count, System.StringComparer.Ordinal);
        for (var i = 0; i < _symbols.Count; i++)
        {
            // An instrument keeps its ratio to the asset, so a perpetual trading at a premium keeps that premium.
            prices[_symbols[i]] = i == 0 ? price : _market.Price(_symbols[i]) * price / _currentPrice;
        }

        return prices;
    }

    private Market MarketAt(decimal price)
    {
        var changes = new List<KeyValuePair<string, AssetQuote>>(_symbols.Count);
        foreach (var (symbol, p) in PricesAt(price))
        {
            _market.TryGetQuote(symbol, out var quote);
            changes.Add(new KeyValuePair<string, AssetQuote>(symbol, quote with { Price = p }));
        }

        return _market.With(changes);
    }
}
