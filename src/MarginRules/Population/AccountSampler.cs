using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using MarginRules.Accounts;

namespace MarginRules.Population;

/// <summary>Builds one account of a venue from a random stream; made once per population from a checked <see cref="VenueProfile"/>.</summary>
/// <remarks>Samplers hold only read-only data, so one sampler serves every thread.</remarks>
internal abstract class AccountSampler
{
    /// <summary>Draws the account called <paramref name="id"/>; <paramref name="equity"/> is its equity under the venue's own measure, used to size its reserve.</summary>
    public abstract Account Create(string id, ref PopulationRandom random, out decimal equity);

    /// <summary>Fails with an <see cref="ArgumentException"/> naming the option when <paramref name="condition"/> is false.</summary>
    protected static void Require(bool condition, string message)
    {
        if (!condition) throw new ArgumentException(message, "options");
    }

    /// <summary>The distinct symbols of a list that must not be empty, each listed by the market at a positive price.</summary>
    protected static (string[] Symbols, decimal[] Prices) Listed(Market market, ImmutableArray<string> symbols, string what)
    {
        Require(market is not null, "the venue needs a market");
        Require(!symbols.IsDefaultOrEmpty, $"the venue needs at least one {what}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var prices = new decimal[symbols.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            prices[i] = Price(market!, symbols[i], what);
            Require(seen.Add(symbols[i]), $"the {what} \"{symbols[i]}\" is listed twice");
        }

        return (symbols.ToArray(), prices);
    }

    /// <summary>The market price of a symbol the venue needs, which must be listed and positive.</summary>
    protected static decimal Price(Market market, string symbol, string what)
    {
        Require(!string.IsNullOrEmpty(symbol), $"a {what} has an empty symbol");
        Require(market.TryGetQuote(symbol, out var quote), $"the market does not list the {what} \"{symbol}\"");
        Require(quote.Price > 0m, $"the {what} \"{symbol}\" needs a positive price, found {quote.Price}");
        return quote.Price;
    }

    /// <summary>Checks a median with its bounds and spread, for a distribution drawn between the bounds.</summary>
    protected static void RequireDistribution(string name, decimal minimum, decimal median, decimal maximum, decimal spread, bool strict)
    {
        Require(minimum > 0m, $"the minimum {name} must be positive, found {minimum}");
        Require(strict ? minimum < median && median < maximum : minimum <= median && median <= maximum,
            $"the {name} must satisfy minimum {(strict ? "<" : "≤")} median {(strict ? "<" : "≤")} maximum, found {minimum}, {median}, {maximum}");
        Require(spread >= 0m, $"the {name} spread must not be negative, found {spread}");
    }

    /// <summary>Checks a number of decimal places.</summary>
    protected static void RequireDecimals(string name, int decimals) =>
        Require(decimals is >= 0 and <= FixedPoint.MaxDecimals, $"{name} must be from 0 to {FixedPoint.MaxDecimals}, found {decimals}");

    /// <summary>Checks a probability.</summary>
    protected static void RequireShare(string name, decimal share) =>
        Require(share is >= 0m and <= 1m, $"{name} must be from 0 to 1, found {share}");

    /// <summary>One unit in the last of <paramref name="decimals"/> places: the smallest quantity generated.</summary>
    protected static decimal Lot(int decimals) => new(1, 0, 0, false, (byte)decimals);

    /// <summary>Splits 1 into <paramref name="shares"/>.Length random shares, uniformly over all splits (Dirichlet(1, …, 1)).</summary>
    protected static void Split(ref PopulationRandom random, Span<double> shares)
    {
        var total = 0.0;
        for (var i = 0; i < shares.Length; i++) total += shares[i] = random.NextExponential();
        for (var i = 0; i < shares.Length; i++) shares[i] /= total;
    }

    /// <summary>Fills <paramref name="chosen"/> with distinct indices below <paramref name="count"/> in increasing order, every subset equally likely.</summary>
    /// <remarks>Knuth's selection sampling (TAOCP vol. 2, 3.4.2, Algorithm S): one draw per candidate, no scratch space.</remarks>
    protected static void Choose(ref PopulationRandom random, int count, Span<int> chosen)
    {
        var needed = chosen.Length;
        for (var i = 0; i < count && needed > 0; i++)
        {
            if (needed == count - i || random.NextUnit() * (count - i) < needed)
            {
                chosen[chosen.Length - needed] = i;
                needed--;
            }
        }
    }
}
