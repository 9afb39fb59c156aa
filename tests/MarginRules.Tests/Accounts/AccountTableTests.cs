using System.Collections.Immutable;
using System.Globalization;
using CsCheck;
using MarginRules.Accounts;

namespace MarginRules.Tests.Accounts;

/// <summary>The columnar population: it hands back exactly the records it was built from, and rejects misuse.</summary>
public sealed class AccountTableTests
{
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT", "BTC", "USD", "odd symbol"];

    private static readonly Gen<decimal> Amounts = Gen.Select(Gen.Long[-10_000_000, 10_000_000], Gen.Byte[0, 8])
        .Select((m, scale) => new decimal((int)Math.Abs(m), 0, 0, m < 0, scale));

    private static readonly Gen<Account> Accounts =
        Gen.Select(
                Amounts,
                Gen.Select(Gen.Int[0, 4], Amounts, Amounts, Gen.Bool, Amounts).Array[0, 4],
                Gen.Select(Gen.Int[0, 4], Amounts).Array[0, 3],
                Gen.Select(Gen.Int[0, 4], Amounts).Array[0, 3],
                Gen.Int[0, 2].Select(t => new[] { "vip", "retail", "x;y" }[t]).Array[0, 2],
                Gen.Int[0, 3],
                Gen.Int[0, 2])
            .Select((wallet, positions, holdings, debts, tags, callRounds, sinceLiquidation) => new Account(
                "id",
                wallet,
                positions.Select(p => new Position(Symbols[p.Item1], p.Item2, p.Item3, p.Item4, p.Item4 ? p.Item5 : 0m)).ToImmutableArray(),
                holdings.Select(h => new Holding(Symbols[h.Item1], h.Item2)).ToImmutableArray(),
                debts.Select(d => new Debt(Symbols[d.Item1], d.Item2)).ToImmutableArray(),
                tags.ToImmutableArray()) { CallRounds = callRounds, RoundsSinceLiquidation = sinceLiquidation });

    [Fact]
    public void A_table_hands_back_the_records_it_was_built_from_digit_for_digit()
    {
        Accounts.Array[0, 40].Sample(xs =>
        {
            var records = xs.Select((a, i) => a with { Id = "a" + i.ToString(CultureInfo.InvariantCulture) }).ToArray();
            var table = AccountTable.From(records);
            table.Count.ShouldBe(records.Length);
            table.Select(Describe).ShouldBe(records.Select(Describe));
            for (var i = 0; i < records.Length; i++) Describe(table[i]).ShouldBe(Describe(records[i]));
        }, iter: 200);
    }

    [Fact]
    public void The_builder_rejects_a_repeated_id_items_before_an_account_and_use_after_building()
    {
        var builder = new AccountTable.Builder();
        Should.Throw<InvalidOperationException>(() => builder.AddPosition("BTCUSDT", 1m, 1m)).Message.ShouldBe("add an account before its items");
        builder.AddAccount("a", 10m).AddHolding("BTC", 1m);
        Should.Throw<ArgumentException>(() => builder.AddAccount("a", 5m)).Message.ShouldStartWith("account id `a` is given twice");
        var table = builder.Build();
        table.Count.ShouldBe(1);
        Should.Throw<InvalidOperationException>(() => builder.AddAccount("b", 1m));
        Should.Throw<ArgumentOutOfRangeException>(() => table[1]);
    }

    [Fact]
    public void An_account_without_tags_or_items_reads_back_with_empty_collections()
    {
        var table = new AccountTable.Builder(0, 0).AddAccount("empty", 0m).AddAccount("next", 1.50m).AddDebt("USD", 2m).Build();
        var empty = table[0];
        empty.Tags.IsDefault.ShouldBeFalse();
        empty.Tags.ShouldBeEmpty();
        empty.Positions.ShouldBeEmpty();
        empty.Debts.ShouldBeEmpty();
        table[1].Wallet.ToString(CultureInfo.InvariantCulture).ShouldBe("1.50");
        table[1].Debts.Single().ShouldBe(new Debt("USD", 2m));
    }

    /// <summary>Every field, decimals with their scale: records compare their collections by reference.</summary>
    private static string Describe(Account a) => string.Create(CultureInfo.InvariantCulture,
        $"{a.Id}|{a.Wallet}|{a.CallRounds}|{a.RoundsSinceLiquidation}|{string.Join(',', a.Tags)}|{string.Join(',', a.Positions.Select(p => $"{p.Symbol}/{p.Size}/{p.EntryPrice}/{p.Isolated}/{p.IsolatedMargin}"))}|" +
        $"{string.Join(',', a.Holdings.Select(h => $"{h.Asset}/{h.Quantity}"))}|{string.Join(',', a.Debts.Select(d => $"{d.Asset}/{d.Quantity}"))}");
}
