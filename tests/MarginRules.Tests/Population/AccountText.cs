using System.Globalization;
using MarginRules.Accounts;

namespace MarginRules.Tests.Population;

/// <summary>Every field of an account as one line of text, decimals with their scale, so two accounts compare field by field.</summary>
/// <remarks>Record equality cannot do this: <see cref="System.Collections.Immutable.ImmutableArray{T}"/> compares by reference, and
/// decimal equality ignores scale (1.5 equals 1.50).</remarks>
internal static class AccountText
{
    public static string Of(Account account)
    {
        static string D(decimal value) => value.ToString(CultureInfo.InvariantCulture);
        var positions = account.Positions.Select(p => $"{p.Symbol} {D(p.Size)} @{D(p.EntryPrice)} {(p.Isolated ? "isolated" : "cross")} {D(p.IsolatedMargin)}");
        var holdings = account.Holdings.Select(h => $"{h.Asset} {D(h.Quantity)}");
        var debts = account.Debts.Select(d => $"{d.Asset} {D(d.Quantity)}");
        return $"{account.Id} wallet={D(account.Wallet)} calls={account.CallRounds} tags=[{string.Join("|", account.Tags)}] "
            + $"positions=[{string.Join("; ", positions)}] holdings=[{string.Join("; ", holdings)}] debts=[{string.Join("; ", debts)}]";
    }

    public static string[] Of(IEnumerable<Account> accounts) => accounts.Select(Of).ToArray();
}
