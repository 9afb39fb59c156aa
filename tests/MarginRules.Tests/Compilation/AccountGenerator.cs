using System.Collections.Immutable;
using CsCheck;
using MarginRules.Accounts;

namespace MarginRules.Tests.Compilation;

/// <summary>
/// Random markets and accounts over <see cref="PolicyGenerator.Symbols"/>: signed and unsigned decimals with 0 to 6
/// decimal places (so results carry many different scales), zeros, negative zeros, a symbol the market may not list and
/// one whose open interest it may not give.
/// </summary>
internal static class AccountGenerator
{
    /// <summary>A market listing every symbol but the last, which it lists half of the time; the open interest of the one before is given half of the time.</summary>
    public static Gen<Market> Market =>
        from prices in Amount(1, 5_000_000, 4).Array[PolicyGenerator.Symbols.Length]
        from volatilities in Amount(0, 2_000, 3).Array[PolicyGenerator.Symbols.Length]
        from openInterest in Amount(0, 50_000_000, 3).Array[PolicyGenerator.Symbols.Length]
        from listsLast in Gen.Bool
        from givesOpenInterest in Gen.Bool
        select new Market(PolicyGenerator.Symbols
            .Select((symbol, i) => KeyValuePair.Create(symbol, new AssetQuote(prices[i], volatilities[i],
                givesOpenInterest || i != PolicyGenerator.Symbols.Length - 2 ? openInterest[i] : null)))
            .Where((_, i) => listsLast || i < PolicyGenerator.Symbols.Length - 1));

    /// <summary>An account with up to five positions, four holdings, three debts and a few tags.</summary>
    public static Gen<Account> Account =>
        from wallet in Signed(2_000_000, 4)
        from positions in Position.Array[0, 5]
        from holdings in Gen.Select(Symbol, Amount(0, 500_000, 6)).Select((asset, quantity) => new Holding(asset, quantity)).Array[0, 4]
        from debts in Gen.Select(Symbol, Amount(0, 500_000, 6)).Select((asset, quantity) => new Debt(asset, quantity)).Array[0, 3]
        from tags in Gen.Bool.Array[PolicyGenerator.Tags.Length]
        from callRounds in Gen.Int[0, 4]
        from sinceLiquidation in Gen.Int[0, 3]
        select new Account("generated", wallet, [.. positions], [.. holdings], [.. debts],
            [.. PolicyGenerator.Tags.Where((_, i) => tags[i])]) { CallRounds = callRounds, RoundsSinceLiquidation = sinceLiquidation };

    private static Gen<Position> Position =>
        from symbol in Symbol
        from size in Signed(200_000, 4)
        from entry in Amount(1, 5_000_000, 4)
        from isolated in Gen.Bool
        from margin in Amount(0, 100_000, 2)
        select new Position(symbol, size, entry, isolated, margin);

    private static Gen<string> Symbol =>
        Gen.Frequency<string>((20, Gen.OneOf(PolicyGenerator.Symbols[..^1])), (1, Gen.Const(PolicyGenerator.Symbols[^1])));

    /// <summary>
    /// A non-negative decimal: mostly a mantissa in [min, max] over 10^scale, scale 0 to <paramref name="maxScale"/>;
    /// sometimes a small round value written with different scales (1, 1.0, 1.00), so equal values of different
    /// scales meet in min, max and comparisons; sometimes zero, when <paramref name="min"/> allows it.
    /// </summary>
    private static Gen<decimal> Amount(int min, int max, int maxScale)
    {
        var any = Gen.Select(Gen.Int[min, max], Gen.Int[0, maxScale]).Select((mantissa, scale) => new decimal(mantissa, 0, 0, false, (byte)scale));
        var round = Gen.Select(Gen.Int[Math.Max(min, 1), 3], Gen.Int[0, 2]).Select((whole, scale) => new decimal(whole * (int)Math.Pow(10, scale), 0, 0, false, (byte)scale));
        return min == 0 ? Gen.Frequency<decimal>((8, any), (2, round), (1, Gen.Const(0m))) : Gen.Frequency<decimal>((8, any), (2, round));
    }

    /// <summary>A signed decimal; a zero mantissa with the sign set is a negative zero.</summary>
    private static Gen<decimal> Signed(int max, int maxScale) =>
        Gen.Select(Amount(0, max, maxScale), Gen.Bool).Select((magnitude, negative) => negative ? -magnitude : magnitude);
}
