using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MarginRules.Cascade.Engine;

/// <summary>
/// The books outside the accounts: the market (sink) that takes the other side of every trade, liquidators,
/// protocols, lenders and insurance funds. Every movement is a transfer between two books, so the totals per asset,
/// per instrument and of cash stay what they were at the start; <see cref="Check"/> proves it each round.
/// </summary>
internal sealed class Ledger
{
    public Ledger(int assets, int instruments, int venues)
    {
        SinkUnits = new decimal[assets];
        LiquidatorUnits = new decimal[assets];
        LenderUnits = new decimal[assets];
        LenderClaims = new decimal[assets];
        SinkPositions = new decimal[instruments];
        InsuranceFunds = new decimal[venues];
    }

    /// <summary>Cash of the market counterparty; it pays realised PnL and buys forced sales.</summary>
    public decimal SinkCash { get; set; }

    public decimal LiquidatorCash { get; set; }

    public decimal ProtocolCash { get; set; }

    public decimal[] SinkUnits { get; }

    public decimal[] LiquidatorUnits { get; }

    public decimal[] LenderUnits { get; }

    /// <summary>What lenders are owed per asset; equals the accounts' debts until bad debt is written off, which reduces both.</summary>
    public decimal[] LenderClaims { get; }

    public decimal[] SinkPositions { get; }

    public decimal[] InsuranceFunds { get; }

    /// <summary>The conserved totals: cash, then units per asset, then contracts per instrument.</summary>
    public sealed record Totals(decimal Cash, decimal[] Units, decimal[] Contracts);

    /// <summary>Adds the ledger's own books to totals computed over the accounts.</summary>
    public Totals Add(decimal accountCash, decimal[] accountUnits, decimal[] accountContracts)
    {
        var cash = accountCash + SinkCash + LiquidatorCash + ProtocolCash + InsuranceFunds.Sum();
        var units = new decimal[accountUnits.Length];
        for (var a = 0; a < units.Length; a++)
            units[a] = accountUnits[a] + SinkUnits[a] + LiquidatorUnits[a] + LenderUnits[a] + LenderClaims[a];
        var contracts = new decimal[accountContracts.Length];
        for (var i = 0; i < contracts.Length; i++) contracts[i] = accountContracts[i] + SinkPositions[i];
        return new Totals(cash, units, contracts);
    }

    /// <summary>Decimal products are rounded to 28 significant digits; this absorbs that and nothing a real leak would leave.</summary>
    public const decimal Tolerance = 0.000001m;

    /// <summary>Throws when any conserved total moved.</summary>
    public static void Check(Totals start, Totals now, int round, IReadOnlyList<string> assets, IReadOnlyList<string> instruments)
    {
        void Fail(string what, decimal before, decimal after) => throw new CascadeException(string.Format(CultureInfo.InvariantCulture,
            "accounting invariant broken in round {0}: {1} totals {2} at the start and {3} now (difference {4}); the run stopped",
            round, what, before, after, after - before));

        if (Math.Abs(now.Cash - start.Cash) > Tolerance) Fail("cash", start.Cash, now.Cash);
        for (var a = 0; a < start.Units.Length; a++)
            if (Math.Abs(now.Units[a] - start.Units[a]) > Tolerance) Fail($"units of `{assets[a]}`", start.Units[a], now.Units[a]);
        for (var i = 0; i < start.Contracts.Length; i++)
            if (Math.Abs(now.Contracts[i] - start.Contracts[i]) > Tolerance) Fail($"contracts of `{instruments[i]}`", start.Contracts[i], now.Contracts[i]);
    }
}
