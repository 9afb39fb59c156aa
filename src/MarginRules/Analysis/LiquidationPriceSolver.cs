using System;
using System.Collections.Generic;
using System.Linq;
using MarginRules.Accounts;
using MarginRules.Assessment;

namespace MarginRules.Analysis;

/// <summary>
/// Finds the price of one asset at which an account first becomes liquidatable (or reaches a margin call), by searching
/// the compiled policy numerically, so it works for any policy, including tiered brackets that change along the way.
/// </summary>
/// <remarks>
/// <para>From the current price the solver walks both ways in geometric steps of 1% — up to
/// <see cref="LiquidationPriceOptions.MaxMultiple"/> times the current price, and down to a billionth of it — until the
/// account first reaches the status; it then bisects that step in decimal to a relative precision of 1e-12 and rounds
/// the boundary to the tick: the reported price is the last tick at which the status is not yet reached.</para>
/// <para>The asset's instruments move with it in proportion (see <see cref="MovingSymbols"/>); every other price stays.</para>
/// </remarks>
public sealed class LiquidationPriceSolver
{
    // 1% steps resolve the first boundary near the current price while a whole scan stays near 2,800 evaluations.
    private const decimal StepRatio = 1.01m;
    private const decimal FloorFraction = 0.000_000_001m;
    private const decimal RelativePrecision = 0.000_000_000_001m;

    private readonly MarginPolicy _policy;

    /// <summary>Creates a solver for a compiled policy.</summary>
    /// <exception cref="ArgumentException">The options ask for a healthy status, a tick that is not positive, or a multiple of 1 or less.</exception>
    public LiquidationPriceSolver(MarginPolicy policy, LiquidationPriceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(policy);
        options ??= new LiquidationPriceOptions();
        if (options.Threshold == MarginStatus.Healthy) throw new ArgumentException("the threshold must be MarginCall or Liquidatable", nameof(options));
        if (options.Tick <= 0) throw new ArgumentException("the tick must be positive", nameof(options));
        if (options.MaxMultiple <= 1) throw new ArgumentException("the largest multiple must be above 1", nameof(options));
        _policy = policy;
        Options = options;
    }

    /// <summary>The options the solver was created with.</summary>
    public LiquidationPriceOptions Options { get; }

    /// <summary>
    /// The symbols whose price moves with <paramref name="asset"/>: the asset itself, then every other symbol the market
    /// lists that <paramref name="underlyings"/> maps to it, or that starts with the asset's name (so <c>BTCUSDT</c>
    /// moves with <c>BTC</c>) unless <paramref name="underlyings"/> maps it to another asset.
    /// </summary>
    public static IReadOnlyList<string> MovingSymbols(Market market, string asset, IReadOnlyDictionary<string, string>? underlyings = null)
    {
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(asset);
        var instruments = market.Quotes.Keys
            .Where(s => s != asset && (underlyings != null && underlyings.TryGetValue(s, out var u)
                ? u == asset
                : s.StartsWith(asset, StringComparison.Ordinal)))
            .OrderBy(s => s, StringComparer.Ordinal);
        return new[] { asset }.Concat(instruments).ToArray();
    }

    /// <summary>Searches both ways from the asset's current price for the prices at which the account first reaches the threshold.</summary>
    /// <exception cref="ArgumentException">The market does not list the asset, or its price is 0.</exception>
    /// <exception cref="Evaluation.PolicyEvaluationException">The account cannot be evaluated at some trial price.</exception>
    public LiquidationPriceResult Solve(Account account, Market market, string asset)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(market);
        ArgumentNullException.ThrowIfNull(asset);
        if (!market.TryGetQuote(asset, out var quote)) throw new ArgumentException($"the market does not list `{asset}`", nameof(asset));
        var current = quote.Price;
        if (current <= 0) throw new ArgumentException($"the price of `{asset}` is {current}; the search needs a positive price", nameof(asset));

        var symbols = MovingSymbols(market, asset, Options.Underlyings);
        var probe = new PriceProbe(_policy, account, market, symbols, current);
        var status = probe.Status(current);
        var lowest = current * FloorFraction;
        var highest = current * Options.MaxMultiple;
        var result = new LiquidationPriceResult
        {
            Asset = asset,
            CurrentPrice = current,
            Threshold = Options.Threshold,
            CurrentStatus = status,
            MovingSymbols = symbols,
            Tick = Options.Tick,
            LowestPriceSearched = lowest,
            HighestPriceSearched = highest,
        };
        if (result.AlreadyReached) return result;

        return result with
        {
            Falling = Search(probe, current, lowest, PriceDirection.Falling),
            Rising = Search(probe, current, highest, PriceDirection.Rising),
        };
    }

    private LiquidationBoundary? Search(PriceProbe probe, decimal current, decimal limit, PriceDirection direction)
    {
        var rising = direction == PriceDirection.Rising;
        var safe = current;
        var factor = 1m;
        while (true)
        {
            factor *= StepRatio;
            var price = rising ? current * factor : current / factor;
            var last = rising ? price >= limit : price <= limit;
            if (last) price = limit;
            if (Reached(probe, price)) return Refine(probe, safe, price, direction);
            if (last) return null;
            safe = price;
        }
    }

    private LiquidationBoundary Refine(PriceProbe probe, decimal safe, decimal reached, PriceDirection direction)
    {
        while (Math.Abs(reached - safe) > RelativePrecision * Math.Max(safe, reached))
        {
            var middle = (safe + reached) / 2;
            if (Reached(probe, middle)) reached = middle;
            else safe = middle;
        }

        var boundary = (safe + reached) / 2;
        var price = OnTick(probe, safe, reached, direction);
        return new LiquidationBoundary(direction, price, boundary, probe.Status(reached), probe.PricesAt(price));
    }

    // A venue quotes on its tick: the last tick before the boundary, checked against the policy rather than assumed,
    // because the boundary itself may belong to either side (a strict < in the trigger leaves it safe).
    private decimal OnTick(PriceProbe probe, decimal safe, decimal reached, PriceDirection direction)
    {
        var tick = Options.Tick;
        var step = direction == PriceDirection.Falling ? tick : -tick;
        var candidate = direction == PriceDirection.Falling
            ? Math.Ceiling(reached / tick) * tick
            : Math.Floor(reached / tick) * tick;
        for (var tries = 0; tries < 3 && candidate > 0; tries++, candidate += step)
        {
            if (!Reached(probe, candidate)) return candidate;
        }

        // A tick coarser than the price (or a policy that changes status within one tick) leaves no tick to report.
        return safe;
    }

    private bool Reached(PriceProbe probe, decimal price) => probe.Status(price) >= Options.Threshold;
}
