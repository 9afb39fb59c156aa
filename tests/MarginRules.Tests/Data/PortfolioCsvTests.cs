using System.Runtime.CompilerServices;
using System.Text;
using MarginRules.Accounts;
using MarginRules.Data;
using MarginRules.Tests.Population;

namespace MarginRules.Tests.Data;

// Reading, writing and every error of the CSV portfolio format (docs/data-formats.md, "CSV portfolios"). Each expected
// "line:col" in an error message is the position of the ‸ in the input, which MarkedJson computes from the text and
// ShouldReport checks against the exception's Line and Column.
public sealed class PortfolioCsvTests : IDisposable
{
    private const string Header = "account,kind,symbol,quantity,entry_price,isolated,isolated_margin,wallet,tags,call_rounds";

    private static readonly Market Market = new(new Dictionary<string, AssetQuote>
    {
        ["BTCUSDT"] = new(40010m),
        ["ETH"] = new(2500m),
        ["USDC"] = new(1m),
    });

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "marginrules-csv-" + Guid.NewGuid().ToString("N"));

    public PortfolioCsvTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static DataFormatException Fail(MarkedJson marked, Market? market = null) =>
        Should.Throw<DataFormatException>(() => PortfolioCsv.Parse(marked.Json, market: market));

    // ---- reading ----

    [Fact]
    public void Every_column_is_read_into_the_account()
    {
        var accounts = PortfolioCsv.Parse($"""
            {Header}
            a1,account,,,,,,5000.50,vip;retail,2
            a1,position,BTCUSDT,-1.500,40000.10,true,250.00,,,
            a1,position,BTCUSDT,0.25,39000,,,,,
            a1,holding,ETH,2,,,,,,
            a1,debt,USDC,1000,,,,,,
            a2,account,,,,,,,,
            """);

        accounts.Count.ShouldBe(2);
        var a1 = accounts[0];
        a1.Id.ShouldBe("a1");
        a1.Wallet.ShouldBe(5000.50m);
        a1.Tags.ShouldBe(["vip", "retail"]);
        a1.CallRounds.ShouldBe(2);
        a1.Positions.ShouldBe([new Position("BTCUSDT", -1.5m, 40000.10m, true, 250m), new Position("BTCUSDT", 0.25m, 39000m)]);
        a1.Holdings.ShouldBe([new Holding("ETH", 2m)]);
        a1.Debts.ShouldBe([new Debt("USDC", 1000m)]);

        // Empty optional columns take the JSON defaults: wallet 0, no tags, call_rounds 0.
        AccountText.Of(accounts[1]).ShouldBe("a2 wallet=0 calls=0 tags=[] positions=[] holdings=[] debts=[]");
    }

    [Fact]
    public void Decimals_keep_their_written_scale_and_are_exact()
    {
        var a = PortfolioCsv.Parse($"""
            {Header}
            a1,account,,,,,,0.1,,
            a1,position,BTCUSDT,1.500,2500.10,,,,,
            a1,position,BTCUSDT,0.2,4.0001e4,,,,,
            """).Single();

        // 0.1 + 0.2 is exactly 0.3 in decimal; through double it would be 0.30000000000000004.
        (a.Wallet + a.Positions[1].Size).ShouldBe(0.3m);
        a.Positions[0].Size.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("1.500");
        a.Positions[0].EntryPrice.ToString(System.Globalization.CultureInfo.InvariantCulture).ShouldBe("2500.10");
        a.Positions[1].EntryPrice.ShouldBe(40001m); // 4.0001 × 10⁴
    }

    [Fact]
    public void Columns_may_come_in_any_order()
    {
        var a = PortfolioCsv.Parse("""
            kind,call_rounds,tags,wallet,isolated_margin,isolated,entry_price,quantity,symbol,account
            account,1,x,10,,,,,,a1
            position,,,,,,100,2,BTCUSDT,a1
            """).Single();

        AccountText.Of(a).ShouldBe("a1 wallet=10 calls=1 tags=[x] positions=[BTCUSDT 2 @100 cross 0] holdings=[] debts=[]");
    }

    [Fact]
    public void The_account_row_may_come_anywhere_among_its_rows()
    {
        var accounts = PortfolioCsv.Parse($"""
            {Header}
            a1,holding,ETH,1,,,,,,
            a1,account,,,,,,7,,
            a1,holding,ETH,2,,,,,,
            """);

        AccountText.Of(accounts.Single()).ShouldBe("a1 wallet=7 calls=0 tags=[] positions=[] holdings=[ETH 1; ETH 2] debts=[]");
    }

    [Fact]
    public void Quoted_fields_may_hold_commas_quotes_and_line_breaks()
    {
        var accounts = PortfolioCsv.Parse($""""
            {Header}
            "desk 1, ""blue""",account,"","","","","","12.5","a;b",""
            "line
            break",account,,,,,,,,
            """");

        accounts[0].Id.ShouldBe("desk 1, \"blue\"");
        accounts[0].Wallet.ShouldBe(12.5m);
        accounts[0].Tags.ShouldBe(["a", "b"]);
        accounts[1].Id.ShouldBe("line\nbreak");
    }

    [Fact]
    public void Booleans_are_read_in_any_letter_case_as_spreadsheets_write_them()
    {
        var a = PortfolioCsv.Parse($"""
            {Header}
            a1,account,,,,,,,,
            a1,position,BTCUSDT,1,1,TRUE,0,,,
            a1,position,BTCUSDT,1,1,False,0,,,
            """).Single();

        a.Positions.Select(p => p.Isolated).ShouldBe([true, false]);
    }

    [Fact]
    public void A_header_without_rows_is_an_empty_portfolio()
    {
        PortfolioCsv.Parse(Header).ShouldBeEmpty();
        PortfolioCsv.Parse(Header + "\n").ShouldBeEmpty();
    }

    [Fact]
    public void Symbols_listed_by_the_market_are_accepted()
    {
        var a = PortfolioCsv.Parse($"""
            {Header}
            a1,account,,,,,,,,
            a1,position,BTCUSDT,1,40000,,,,,
            a1,holding,ETH,1,,,,,,
            a1,debt,USDC,1,,,,,,
            """, market: Market).Single();

        a.Positions.Length.ShouldBe(1);
    }

    [Fact]
    public void Load_reads_a_file_with_a_byte_order_mark_and_crlf_line_ends()
    {
        var path = Path.Combine(_folder, "bom.csv");
        File.WriteAllText(path, Header + "\r\na1,account,,,,,,3,,\r\na1,holding,ETH,1,,,,,,\r\n", new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));

        AccountText.Of(PortfolioCsv.Load(path, Market).Single()).ShouldBe("a1 wallet=3 calls=0 tags=[] positions=[] holdings=[ETH 1] debts=[]");
    }

    [Fact]
    public void Stream_opens_the_file_again_for_each_enumeration()
    {
        var path = Path.Combine(_folder, "twice.csv");
        File.WriteAllText(path, Header + "\na1,account,,,,,,,,\na2,account,,,,,,,,\n");
        var accounts = PortfolioCsv.Stream(path);

        accounts.Select(a => a.Id).ShouldBe(["a1", "a2"]);
        accounts.Select(a => a.Id).ShouldBe(["a1", "a2"]);
    }

    // ---- all or nothing ----

    [Fact]
    public void Load_returns_nothing_when_a_later_row_is_invalid()
    {
        var path = Path.Combine(_folder, "late-error.csv");
        File.WriteAllText(path, Header + "\na1,account,,,,,,,,\na2,account,,,,,,,,\na3,acount,,,,,,,,\n");

        var error = Should.Throw<DataFormatException>(() => PortfolioCsv.Load(path));

        error.Message.ShouldBe($"{path}:4:4: error: unknown kind \"acount\"; did you mean \"account\"? (at kind)");
    }

    [Fact]
    public void Stream_yields_the_accounts_before_an_invalid_row_then_fails()
    {
        var path = Path.Combine(_folder, "late-error.csv");
        File.WriteAllText(path, Header + "\na1,account,,,,,,,,\na2,account,,,,,,,,\na3,acount,,,,,,,,\n");
        var read = new List<string>();

        Should.Throw<DataFormatException>(() =>
        {
            foreach (var account in PortfolioCsv.Stream(path)) read.Add(account.Id);
        });

        // a2 ends only when the next account starts, at the invalid row, so only a1 was complete before it.
        read.ShouldBe(["a1"]);
    }

    // ---- streaming a large file ----

    [Fact]
    public void Streaming_a_200000_row_file_keeps_no_account_it_has_yielded()
    {
        // 50,000 accounts of 4 rows each: an account row and positions of 0.001, -0.002 and 0.003.
        const int Accounts = 50_000;
        var path = Path.Combine(_folder, "large.csv");
        using (var writer = new StreamWriter(path))
        {
            writer.WriteLine(Header);
            for (var i = 0; i < Accounts; i++)
            {
                writer.WriteLine($"acct-{i},account,,,,,,100.00,,0");
                writer.WriteLine($"acct-{i},position,BTCUSDT,0.001,40000.00,false,0,,,");
                writer.WriteLine($"acct-{i},position,BTCUSDT,-0.002,40000.00,false,0,,,");
                writer.WriteLine($"acct-{i},position,BTCUSDT,0.003,40000.00,false,0,,,");
            }
        }

        File.ReadLines(path).Count().ShouldBe(200_001); // the header and 200,000 rows
        using var accounts = PortfolioCsv.Stream(path, Market).GetEnumerator();
        var first = FirstAccountWeakly(accounts);
        var (count, positions, sizes) = Drain(accounts, Accounts / 2);

        // Halfway through, with the enumerator still open, the first account is garbage: the reader holds only the account it is reading.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        first.IsAlive.ShouldBeFalse();

        var (restCount, restPositions, restSizes) = Drain(accounts, int.MaxValue);
        (1 + count + restCount).ShouldBe(Accounts);
        (3 + positions + restPositions).ShouldBe(3 * Accounts);

        // Each account's sizes sum to 0.001 − 0.002 + 0.003 = 0.002; the first account's were not counted by Drain.
        (sizes + restSizes).ShouldBe(0.002m * (Accounts - 1));
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference FirstAccountWeakly(IEnumerator<Account> accounts)
    {
        accounts.MoveNext().ShouldBeTrue();
        accounts.Current.Id.ShouldBe("acct-0");
        return new WeakReference(accounts.Current);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (int Accounts, int Positions, decimal Sizes) Drain(IEnumerator<Account> accounts, int limit)
    {
        var (count, positions, sizes) = (0, 0, 0m);
        while (count < limit && accounts.MoveNext())
        {
            count++;
            positions += accounts.Current.Positions.Length;
            foreach (var p in accounts.Current.Positions) sizes += p.Size;
        }

        return (count, positions, sizes);
    }

    // ---- writing ----

    [Fact]
    public void Write_emits_the_header_then_each_account_row_and_its_items()
    {
        var path = Path.Combine(_folder, "written.csv");
        var account = TestData.Account("a,1", 5000.50m,
            positions: [new Position("BTCUSDT", -1.500m, 40000.10m, true, 250.00m)],
            holdings: [new Holding("ETH", 2m)],
            debts: [new Debt("USDC", 1000m)],
            tags: ["vip", "retail"]) with { CallRounds = 2 };

        PortfolioCsv.Write(path, [account]);

        // The id holds a comma, so it is quoted (RFC 4180); numbers are written with the scale they have.
        File.ReadAllText(path).ShouldBe($"""
            {Header}
            "a,1",account,,,,,,5000.50,vip;retail,2
            "a,1",position,BTCUSDT,-1.500,40000.10,true,250.00,,,
            "a,1",holding,ETH,2,,,,,,
            "a,1",debt,USDC,1000,,,,,,

            """.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Written_accounts_load_back_field_for_field()
    {
        var path = Path.Combine(_folder, "round-trip.csv");
        Account[] accounts =
        [
            TestData.Account("a1", -12.340m, positions: [new Position("BTCUSDT", 0.001m, 40000m), new Position("BTCUSDT", -2m, 39999.99m, true, 0.5m)], tags: ["a", "b c"]) with { CallRounds = 3 },
            TestData.Account("say \"hi\"", 0m, holdings: [new Holding("ETH", 0.00m)], debts: [new Debt("USDC", 79228162514264337593543950335m)]),
            TestData.Account("line\nbreak"),
        ];

        PortfolioCsv.Write(path, accounts);

        AccountText.Of(PortfolioCsv.Load(path)).ShouldBe(AccountText.Of(accounts));
    }

    [Theory]
    [InlineData("x;y")]
    [InlineData("")]
    public void Write_rejects_tags_the_format_cannot_hold(string tag)
    {
        var path = Path.Combine(_folder, "bad-tag.csv");

        var error = Should.Throw<ArgumentException>(() => PortfolioCsv.Write(path, [TestData.Account("a1", tags: [tag])]));

        error.Message.ShouldStartWith($"account \"a1\" has the tag \"{tag}\", which the CSV format cannot hold");
    }

    // ---- header errors ----

    [Fact]
    public void An_empty_file_has_no_header()
    {
        var m = MarkedJson.Parse("‸");

        Fail(m).ShouldReport(m, "$", $"portfolio.csv:1:1: error: the file is empty; the first line must be the header {Header} (at $)");
    }

    [Fact]
    public void A_blank_first_line_is_not_a_header()
    {
        var m = MarkedJson.Parse("‸\na1,account,,,,,,,,\n");

        Fail(m).ShouldReport(m, "$", $"portfolio.csv:1:1: error: the first line must be the header {Header} (at $)");
    }

    [Fact]
    public void Unknown_column_suggests_the_close_name()
    {
        var m = MarkedJson.Parse("account,kind,symbol,quantity,entry_price,isolated,isolated_margin,‸walet,tags,call_rounds\n");

        Fail(m).ShouldReport(m, "walet", "portfolio.csv:1:67: error: unknown column \"walet\"; did you mean \"wallet\"? (at walet)");
    }

    [Fact]
    public void Unknown_column_without_a_close_name_shows_the_header()
    {
        var m = MarkedJson.Parse(Header + ",‸notes\n");

        Fail(m).ShouldReport(m, "notes", $"portfolio.csv:1:91: error: unknown column \"notes\"; the header is {Header} (at notes)");
    }

    [Fact]
    public void Repeated_column_names_the_first()
    {
        var m = MarkedJson.Parse(Header + ",‸wallet\n");

        Fail(m).ShouldReport(m, "wallet", "portfolio.csv:1:91: error: duplicate column \"wallet\"; first defined at 1:67 (at wallet)");
    }

    [Fact]
    public void Missing_column_is_reported_at_the_start_of_the_header()
    {
        var m = MarkedJson.Parse("‸account,kind,symbol,quantity,entry_price,isolated,isolated_margin,wallet,tags\n");

        Fail(m).ShouldReport(m, "call_rounds", $"portfolio.csv:1:1: error: missing column \"call_rounds\"; the header is {Header} (at call_rounds)");
    }

    [Fact]
    public void A_byte_order_mark_is_not_a_column()
    {
        var error = Should.Throw<DataFormatException>(() => PortfolioCsv.Parse("\uFEFFacount,kind\n"));

        // The mark is dropped, as editors do not show it, so the misspelt first name starts at column 1.
        error.Message.ShouldBe("portfolio.csv:1:1: error: unknown column \"acount\"; did you mean \"account\"? (at acount)");
    }

    // ---- row shape errors ----

    [Fact]
    public void An_empty_line_is_not_a_row()
    {
        var m = MarkedJson.Parse($"{Header}\na1,account,,,,,,,,\n‸\na1,holding,ETH,1,,,,,,\n");

        Fail(m).ShouldReport(m, "$", "portfolio.csv:3:1: error: empty line; every line after the header is a row of 10 fields (at $)");
    }

    [Fact]
    public void A_short_row_is_reported_at_its_end_naming_the_first_missing_column()
    {
        var m = MarkedJson.Parse($"{Header}\na1,account,,,,,,5000,vip‸\n");

        Fail(m).ShouldReport(m, "call_rounds", "portfolio.csv:2:25: error: expected 10 fields, found 9 (at call_rounds)");
    }

    [Fact]
    public void A_long_row_is_reported_at_its_first_extra_field()
    {
        var m = MarkedJson.Parse($"{Header}\na1,account,,,,,,5000,vip,0,‸x\n");

        Fail(m).ShouldReport(m, "$", "portfolio.csv:2:28: error: expected 10 fields, found 11 (at $)");
    }

    [Fact]
    public void An_unclosed_quote_is_reported_where_it_opens()
    {
        var m = MarkedJson.Parse($"{Header}\na1,account,,,,,,,,\n‸\"a2,account,,,,,,,,\na3,account,,,,,,,,\n");

        Fail(m).ShouldReport(m, "account", "portfolio.csv:3:1: error: a quoted field is never closed (at account)");
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_rejected()
    {
        var m = MarkedJson.Parse($"{Header}\na1,account,,,,,,5000,‸vi\"p,0\n");

        Fail(m).ShouldReport(m, "tags", "portfolio.csv:2:22: error: a quote inside an unquoted field; quote the whole field and double the quotes inside it (at tags)");
    }

    [Fact]
    public void Text_after_a_closing_quote_is_rejected()
    {
        var m = MarkedJson.Parse($"{Header}\n‸\"a1\"x,account,,,,,,,,\n");

        Fail(m).ShouldReport(m, "account", "portfolio.csv:2:1: error: text after the closing quote of a quoted field (at account)");
    }

    [Fact]
    public void Positions_after_a_multi_line_field_count_its_line_breaks()
    {
        var m = MarkedJson.Parse($"{Header}\n\"a\n1\",account,,,,,,‸abc,,\n");

        Fail(m).ShouldReport(m, "wallet", "portfolio.csv:3:17: error: \"abc\" is not a number (at wallet)");
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\r")]
    [InlineData("\n")]
    public void Lines_end_at_lf_crlf_or_a_lone_cr(string end)
    {
        var m = MarkedJson.Parse($"{Header}{end}a1,account,,,,,,,,{end}a1,holding,ETH,‸-2,,,,,,{end}");

        Fail(m).ShouldReport(m, "quantity", "portfolio.csv:3:16: error: quantity must not be negative, found -2 (at quantity)");
    }

    // ---- accounts and kinds ----

    [Fact]
    public void Account_id_must_not_be_empty()
    {
        var m = MarkedJson.Parse($"{Header}\n‸,account,,,,,,,,\n");

        Fail(m).ShouldReport(m, "account", "portfolio.csv:2:1: error: account must not be empty (at account)");
    }

    [Fact]
    public void Unknown_kind_suggests_the_close_name()
    {
        var m = MarkedJson.Parse($"{Header}\na1,account,,,,,,,,\na1,‸postion,BTCUSDT,1,1,,,,,\n");

        Fail(m).ShouldReport(m, "kind", "portfolio.csv:3:4: error: unknown kind \"postion\"; did you mean \"position\"? (at kind)");
    }

    [Fact]
    public void Unknown_kind_without_a_close_name_lists_the_kinds()
    {
        var m = MarkedJson.Parse($"{Header}\na1,‸order,,,,,,,,\n");

        Fail(m).ShouldReport(m, "kind", "portfolio.csv:2:4: error: unknown kind \"order\"; expected \"account\", \"position\", \"holding\" or \"debt\" (at kind)");
    }

    [Fact]
    public void Kind_must_not_be_empty()
    {
        var m = MarkedJson.Parse($"{Header}\na1,‸,,,,,,,,\n");

        Fail(m).ShouldReport(m, "kind", "portfolio.csv:2:4: error: kind must not be empty; expected \"account\", \"position\", \"holding\" or \"debt\" (at kind)");
    }

    [Fact]
    public void The_rows_of_an_account_must_be_contiguous()
    {
        var m = MarkedJson.Parse($"{Header}\na1,account,,,,,,,,\na2,account,,,,,,,,\n‸a1,holding,ETH,1,,,,,,\n");

        Fail(m).ShouldReport(m, "account", "portfolio.csv:4:1: error: account \"a1\" appears again after other accounts; the rows of an account must be contiguous (first used at 2:1) (at account)");
    }

    [Fact]
    public void An_account_without_an_account_row_is_reported_at_its_first_row()
    {
        var m = MarkedJson.Parse($"{Header}\na1,‸holding,ETH,1,,,,,,\na1,debt,USDC,1,,,,,,\na2,account,,,,,,,,\n");

        Fail(m).ShouldReport(m, "kind", "portfolio.csv:2:4: error: account \"a1\" has no row of kind \"account\"; its rows start here (at kind)");
    }

    [Fact]
    public void The_last_account_needs_an_account_row_too()
    {
        var m = MarkedJson.Parse($"{Header}\na1,account,,,,,,,,\na2,‸debt,USDC,1,,,,,,\n");

        Fail(m).ShouldReport(m, "kind", "portfolio.csv:3:4: error: account \"a2\" has no row of kind \"account\"; its rows start here (at kind)");
    }

    [Fact]
    public void An_account_has_one_account_row()
    {
        var m = MarkedJson.Parse($"{Header}\na1,account,,,,,,1,,\na1,‸account,,,,,,2,,\n");

        Fail(m).ShouldReport(m, "kind", "portfolio.csv:3:4: error: a second account row for \"a1\"; the first is at 2:4 (at kind)");
    }

    // ---- values ----

    [Theory]
    [InlineData("a1,position,‸,1,40000,,,,,", "symbol", "2:13", "a position row needs a value for \"symbol\"")]
    [InlineData("a1,position,BTCUSDT,‸,40000,,,,,", "quantity", "2:21", "a position row needs a value for \"quantity\"")]
    [InlineData("a1,position,BTCUSDT,1,‸,,,,,", "entry_price", "2:23", "a position row needs a value for \"entry_price\"")]
    [InlineData("a1,holding,‸\"\",1,,,,,,", "symbol", "2:12", "a holding row needs a value for \"symbol\"")]
    [InlineData("a1,debt,USDC,‸,,,,,,", "quantity", "2:14", "a debt row needs a value for \"quantity\"")]
    public void Values_a_row_kind_needs_are_required(string row, string field, string at, string reason)
    {
        var m = MarkedJson.Parse($"{Header}\n{row}\n");

        Fail(m).ShouldReport(m, field, $"portfolio.csv:{at}: error: {reason} (at {field})");
    }

    [Theory]
    [InlineData("a1,account,‸BTCUSDT,,,,,,,", "symbol", "2:12", "\"symbol\" must be empty in an account row")]
    [InlineData("a1,position,BTCUSDT,1,1,,,‸5,,", "wallet", "2:27", "\"wallet\" must be empty in a position row; it belongs on the account row")]
    [InlineData("a1,holding,ETH,1,‸100,,,,,", "entry_price", "2:18", "\"entry_price\" must be empty in a holding row")]
    [InlineData("a1,debt,USDC,1,,,,,,‸0", "call_rounds", "2:21", "\"call_rounds\" must be empty in a debt row; it belongs on the account row")]
    public void Columns_a_row_kind_does_not_use_must_be_empty(string row, string field, string at, string reason)
    {
        var m = MarkedJson.Parse($"{Header}\n{row}\n");

        Fail(m).ShouldReport(m, field, $"portfolio.csv:{at}: error: {reason} (at {field})");
    }

    [Theory]
    // The same reasons as the JSON loaders give for the same values (docs/data-formats.md, "Numbers").
    [InlineData("a1,account,,,,,,‸abc,,", "wallet", "2:17", "\"abc\" is not a number")]
    [InlineData("a1,account,,,,,,‸\"1,5\",,", "wallet", "2:17", "\"1,5\" is not a number")]
    [InlineData("a1,account,,,,,,‸ 1,,", "wallet", "2:17", "\" 1\" is not a number")]
    [InlineData("a1,account,,,,,,‸NaN,,", "wallet", "2:17", "\"NaN\" is not a finite number")]
    [InlineData("a1,account,,,,,,‸-Infinity,,", "wallet", "2:17", "\"-Infinity\" is not a finite number")]
    [InlineData("a1,account,,,,,,‸1e29,,", "wallet", "2:17", "number 1e29 is outside the decimal range (±79228162514264337593543950335)")]
    [InlineData("a1,account,,,,,,‸0.12345678901234567890123456789,,", "wallet", "2:17", "number 0.12345678901234567890123456789 would be rounded to 0.1234567890123456789012345679 as a decimal")]
    [InlineData("a1,account,,,,,,,,‸1.5", "call_rounds", "2:19", "call_rounds must be a whole number, found 1.5")]
    [InlineData("a1,account,,,,,,,,‸-1", "call_rounds", "2:19", "call_rounds must not be negative, found -1")]
    [InlineData("a1,account,,,,,,,,‸2147483648", "call_rounds", "2:19", "call_rounds must be at most 2147483647, found 2147483648")]
    [InlineData("a1,position,BTCUSDT,1,‸-1,,,,,", "entry_price", "2:23", "entry_price must not be negative, found -1")]
    [InlineData("a1,position,BTCUSDT,1,1,true,‸-0.01,,,", "isolated_margin", "2:30", "isolated_margin must not be negative, found -0.01")]
    [InlineData("a1,position,BTCUSDT,1,1,‸yes,,,,", "isolated", "2:25", "expected true or false, found \"yes\"")]
    [InlineData("a1,holding,ETH,‸-2,,,,,,", "quantity", "2:16", "quantity must not be negative, found -2")]
    [InlineData("a1,account,,,,,,,‸a;;b,", "tags", "2:18", "tags must not contain an empty tag; separate tags with a single \";\"")]
    public void Invalid_values_are_reported_at_their_field(string row, string field, string at, string reason)
    {
        var m = MarkedJson.Parse($"{Header}\n{row}\n");

        Fail(m).ShouldReport(m, field, $"portfolio.csv:{at}: error: {reason} (at {field})");
    }

    [Theory]
    [InlineData("a1,position,‸BTCUSD,1,1,,,,,", "2:13", "the market does not list \"BTCUSD\"; did you mean \"BTCUSDT\"?")]
    [InlineData("a1,holding,‸SOLANA,1,,,,,,", "2:12", "the market does not list \"SOLANA\"")]
    public void Symbols_must_be_listed_by_the_market_when_one_is_given(string row, string at, string reason)
    {
        var m = MarkedJson.Parse($"{Header}\n{row}\na1,account,,,,,,,,\n");

        Fail(m, Market).ShouldReport(m, "symbol", $"portfolio.csv:{at}: error: {reason} (at symbol)");
    }
}
