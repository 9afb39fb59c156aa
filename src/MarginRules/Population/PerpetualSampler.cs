using System;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.InteropServices;
using MarginRules.Accounts;

namespace MarginRules.Population;

/// <summary>Draws cross-margin perpetual-futures accounts for a <see cref="PerpetualVenue"/>.</summary>
internal sealed class PerpetualSampler : AccountSampler
{
    // Halving every size at least halves maintenance, so this many halvings reach the one-lot floor from any size.
    private const int MaxHalvings = 64;

    private readonly PerpetualVenue _venue;
    private readonly string[] _symbols;
    private readonly decimal[] _marks;
    private readonly double[] _markValues;
    private readonly MaintenanceBracket[] _brackets;

    // The options as doubles, converted once: decimal-to-double conversions would otherwise dominate drawing an account.
    private readonly double _medianBalance;
    private readonly double _balanceSpread;
    private readonly double _minimumBalance;
    private readonly double _maximumBalance;
    private readonly double _tailShare;
    private readonly double _tailMinimum;
    private readonly double _tailMaximum;
    private readonly double _medianLeverage;
    private readonly double _leverageSpread;
    private readonly double _shortShare;
    private readonly double _entrySpread;
    private readonly double _buffer;
    private readonly double[] _floors;
    private readonly double[] _rates;
    private readonly double[] _amounts;

    /// <summary>Checks the venue and caches its prices.</summary>
    public PerpetualSampler(PerpetualVenue venue)
    {
        _venue = venue;
        (_symbols, _marks) = Listed(venue.Market, venue.Instruments, "instrument");
        Require(venue.PositionsPerAccount >= 1, $"PositionsPerAccount must be at least 1, found {venue.PositionsPerAccount}");
        Require(venue.MedianLeverage >= 1m && venue.MedianLeverage <= venue.TailMinimumLeverage,
            $"MedianLeverage must be from 1 to TailMinimumLeverage ({venue.TailMinimumLeverage}), found {venue.MedianLeverage}");
        Require(venue.LeverageSpread >= 0m, $"LeverageSpread must not be negative, found {venue.LeverageSpread}");
        RequireShare("TailShare", venue.TailShare);
        Require(venue.TailMinimumLeverage >= 1m && venue.TailMinimumLeverage <= venue.TailMaximumLeverage,
            $"the tail leverage must satisfy 1 ≤ minimum ≤ maximum, found {venue.TailMinimumLeverage}, {venue.TailMaximumLeverage}");
        RequireShare("ShortShare", venue.ShortShare);
        Require(venue.EntryPriceSpread >= 0m, $"EntryPriceSpread must not be negative, found {venue.EntryPriceSpread}");
        RequireDistribution("margin balance", venue.MinimumMarginBalance, venue.MedianMarginBalance, venue.MaximumMarginBalance, venue.MarginBalanceSpread, strict: false);
        Require(venue.MaintenanceBuffer >= 0m, $"MaintenanceBuffer must not be negative, found {venue.MaintenanceBuffer}");
        RequireDecimals("SizeDecimals", venue.SizeDecimals);
        RequireDecimals("PriceDecimals", venue.PriceDecimals);
        Require(!venue.Brackets.IsDefaultOrEmpty && venue.Brackets[0].Floor == 0m, "the maintenance brackets must start at notional 0");
        for (var i = 0; i < venue.Brackets.Length; i++)
        {
            Require(venue.Brackets[i].Rate >= 0m, $"maintenance bracket {i + 1} has a negative rate");
            Require(i == 0 || venue.Brackets[i].Floor > venue.Brackets[i - 1].Floor, $"maintenance bracket {i + 1} does not start above bracket {i}");
        }

        _brackets = venue.Brackets.ToArray();
        _markValues = [.. _marks.Select(m => (double)m)];
        _medianBalance = (double)venue.MedianMarginBalance;
        _balanceSpread = (double)venue.MarginBalanceSpread;
        _minimumBalance = (double)venue.MinimumMarginBalance;
        _maximumBalance = (double)venue.MaximumMarginBalance;
        _tailShare = (double)venue.TailShare;
        _tailMinimum = (double)venue.TailMinimumLeverage;
        _tailMaximum = (double)venue.TailMaximumLeverage;
        _medianLeverage = (double)venue.MedianLeverage;
        _leverageSpread = (double)venue.LeverageSpread;
        _shortShare = (double)venue.ShortShare;
        _entrySpread = (double)venue.EntryPriceSpread;
        _buffer = (double)venue.MaintenanceBuffer;
        _floors = [.. _brackets.Select(b => (double)b.Floor)];
        _rates = [.. _brackets.Select(b => (double)b.Rate)];
        _amounts = [.. _brackets.Select(b => (double)b.Amount)];
    }

    /// <inheritdoc />
    public override Account Create(string id, ref PopulationRandom random, out decimal equity)
    {
        var sizeDecimals = _venue.SizeDecimals;
        var priceDecimals = _venue.PriceDecimals;
        var drawn = Math.Clamp(random.NextLogNormal(_medianBalance, _balanceSpread), _minimumBalance, _maximumBalance);
        var balance = FixedPoint.ToDouble(FixedPoint.RoundUnits(drawn, 2), 2);
        var leverage = random.Chance(_tailShare)
            ? random.NextLogUniform(_tailMinimum, _tailMaximum)
            : Math.Clamp(random.NextLogNormal(_medianLeverage, _leverageSpread), 1.0, _tailMinimum);

        var count = Math.Min(_venue.PositionsPerAccount, _symbols.Length);
        Span<int> chosen = stackalloc int[count];
        Choose(ref random, _symbols.Length, chosen);
        Span<double> notional = stackalloc double[count];
        Split(ref random, notional);
        var maintenance = 0.0;
        for (var j = 0; j < count; j++)
        {
            notional[j] *= leverage * balance;
            maintenance += Maintenance(notional[j]);
        }

        // Maintenance ÷ notional never falls as notional grows (each bracket's rate is higher), so scaling every notional by
        // f scales maintenance by at most f: one cut brings the account within its buffer.
        var limit = balance / (1 + _buffer);
        var cut = maintenance > limit ? limit / maintenance : 1.0;

        // Sizes and prices are whole numbers of lots and ticks until the account is built, which keeps decimal arithmetic,
        // slow next to doubles, out of the loop that a million accounts run through.
        Span<long> sizes = stackalloc long[count];
        Span<long> entries = stackalloc long[count];
        for (var j = 0; j < count; j++)
        {
            var mark = _markValues[chosen[j]];
            var lots = Math.Max(1L, FixedPoint.FloorUnits(notional[j] * cut / mark, sizeDecimals));
            sizes[j] = random.Chance(_shortShare) ? -lots : lots;
            entries[j] = FixedPoint.RoundUnits(mark * PortableMath.Exp(_entrySpread * random.NextNormal()), priceDecimals);
        }

        // A wallet is what was paid in and realised, so it cannot be negative: entries whose gains exceed half the balance are
        // moved towards the mark, which keeps the wallet (balance less gains) at about half the balance or more.
        var pnl = Pnl(chosen, sizes, entries);
        if (pnl > balance / 2)
        {
            var shrink = balance / 2 / pnl;
            for (var j = 0; j < count; j++)
            {
                var mark = _markValues[chosen[j]];
                entries[j] = FixedPoint.RoundUnits(mark - (mark - FixedPoint.ToDouble(entries[j], priceDecimals)) * shrink, priceDecimals);
            }

            pnl = Pnl(chosen, sizes, entries);
        }

        // Rounding a size up to one lot can lift maintenance past the buffer; halving sizes restores it.
        var wallet = FixedPoint.RoundUnits(balance - pnl, 2);
        for (var halvings = 0; !WithinBuffer(chosen, sizes, entries, wallet, pnl); halvings++)
        {
            if (halvings == MaxHalvings) throw new InvalidOperationException($"cannot size account \"{id}\" above maintenance with a margin balance of {balance}");
            for (var j = 0; j < count; j++) sizes[j] = Math.Sign(sizes[j]) * Math.Max(1L, Math.Abs(sizes[j]) / 2);
            pnl = Pnl(chosen, sizes, entries);
            wallet = FixedPoint.RoundUnits(balance - pnl, 2);
        }

        var positions = new Position[count];
        for (var j = 0; j < count; j++)
        {
            positions[j] = new Position(_symbols[chosen[j]], FixedPoint.FromUnits(sizes[j], sizeDecimals), FixedPoint.FromUnits(entries[j], priceDecimals));
        }

        equity = FixedPoint.Round(FixedPoint.ToDouble(wallet, 2) + pnl, 2);
        return new Account(id, FixedPoint.FromUnits(wallet, 2), ImmutableCollectionsMarshal.AsImmutableArray(positions),
            ImmutableArray<Holding>.Empty, ImmutableArray<Debt>.Empty, ImmutableArray<string>.Empty);
    }

    private double Pnl(ReadOnlySpan<int> chosen, ReadOnlySpan<long> sizes, ReadOnlySpan<long> entries)
    {
        var pnl = 0.0;
        for (var j = 0; j < sizes.Length; j++)
        {
            pnl += FixedPoint.ToDouble(sizes[j], _venue.SizeDecimals) * (_markValues[chosen[j]] - FixedPoint.ToDouble(entries[j], _venue.PriceDecimals));
        }

        return pnl;
    }

    // Checked in doubles with a margin far above their rounding error; only an account within that margin is checked again in
    // exact decimals, the arithmetic the policy itself uses.
    private bool WithinBuffer(ReadOnlySpan<int> chosen, ReadOnlySpan<long> sizes, ReadOnlySpan<long> entries, long wallet, double pnl)
    {
        var maintenance = 0.0;
        for (var j = 0; j < sizes.Length; j++) maintenance += Maintenance(Math.Abs(FixedPoint.ToDouble(sizes[j], _venue.SizeDecimals)) * _markValues[chosen[j]]);
        var walletValue = FixedPoint.ToDouble(wallet, 2);
        var slack = walletValue + pnl - maintenance * (1 + _buffer);
        var tolerance = 1e-9 * (Math.Abs(walletValue) + Math.Abs(pnl) + maintenance);
        if (slack > tolerance) return true;
        if (slack < -tolerance) return false;

        var exactPnl = 0m;
        var exactMaintenance = 0m;
        for (var j = 0; j < sizes.Length; j++)
        {
            var size = FixedPoint.FromUnits(sizes[j], _venue.SizeDecimals);
            var mark = _marks[chosen[j]];
            exactPnl += size * (mark - FixedPoint.FromUnits(entries[j], _venue.PriceDecimals));
            exactMaintenance += Maintenance(Math.Abs(size) * mark);
        }

        return FixedPoint.FromUnits(wallet, 2) + exactPnl >= exactMaintenance * (1 + _venue.MaintenanceBuffer);
    }

    // Tiered maintenance, as the example policy's tier_maintenance: notional × rate − amount of the notional's bracket.
    private decimal Maintenance(decimal notional)
    {
        var i = _brackets.Length - 1;
        while (i > 0 && _brackets[i].Floor > notional) i--;
        return notional * _brackets[i].Rate - _brackets[i].Amount;
    }

    // The same in doubles, for sizing and for the first check.
    private double Maintenance(double notional)
    {
        var i = _floors.Length - 1;
        while (i > 0 && _floors[i] > notional) i--;
        return notional * _rates[i] - _amounts[i];
    }
}
