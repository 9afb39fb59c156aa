using System.Text.Json;
using MarginRules.Cli;
using MarginRules.Language.Binding;

namespace MarginRules.Tests.Cli;

/// <summary><c>marginrules init</c>: the starter files work with check, fmt and eval, and an existing folder is never overwritten.</summary>
public sealed class InitCommandTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("marginrules-init-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Writes_the_starter_files_and_prints_the_next_commands()
    {
        var dir = Path.Combine(_root, "demo");
        var (code, output, error) = Run("init", dir);

        code.ShouldBe(ExitCodes.Success);
        error.ShouldBeEmpty();
        output.ShouldBe($"""
            Created {dir} with a starter policy:
              {dir}/policy.margin      a perpetual-futures policy with a margin call and a liquidation
              {dir}/account.json       one account: 5,000 USD and a long of 1 BTCUSDT from 40,000
              {dir}/market.json        prices for BTC and BTCUSDT
              {dir}/policy.tests.json  policy tests: a healthy account and a liquidation

            Try next:
              marginrules check {dir}/policy.margin
              marginrules eval {dir}/policy.margin --account {dir}/account.json --market {dir}/market.json --explain
              marginrules eval {dir}/policy.margin --account {dir}/account.json --market {dir}/market.json --liquidation-price BTC
              marginrules fmt --check {dir}/policy.margin
              marginrules test {dir}

            """);
        Directory.EnumerateFiles(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(["account.json", "market.json", "policy.margin", "policy.tests.json"]);
    }

    [Fact]
    public void The_starter_policy_checks_clean_is_canonical_and_evaluates()
    {
        var dir = Path.Combine(_root, "demo");
        Run("init", dir).Code.ShouldBe(ExitCodes.Success);
        var policy = Path.Combine(dir, "policy.margin");

        PolicyChecker.Check(File.ReadAllText(policy), policy).Diagnostics.ShouldBeEmpty();
        Run("check", policy).ShouldBe((ExitCodes.Success, "1 policy checked: 0 errors, 0 warnings\n", ""));
        Run("fmt", "--check", policy).Code.ShouldBe(ExitCodes.Success);

        // Long 1 BTCUSDT from 40,000 marked at 40,500 with a 5,000 wallet: equity 5,500; notional 40,500;
        // initial 10% = 4,050; maintenance 5% = 2,025; margin ratio 2,025 / 5,500 = 36.818182%.
        var (code, output, error) = Run("eval", policy, "--account", Path.Combine(dir, "account.json"), "--market", Path.Combine(dir, "market.json"));
        code.ShouldBe(ExitCodes.Success);
        error.ShouldBeEmpty();
        output.ShouldBe("""
            Policy       Starter perpetuals (version 1, USD)
            Account      starter-1
            Status       healthy
            Equity       5,500 USD
            Initial      4,050 USD
            Maintenance  2,025 USD
            Margin call  none
            Liquidation  none

            Exports
              margin_ratio  36.818182%

            """);
    }

    [Fact]
    public void The_starter_liquidation_price_moves_the_perpetual_with_btc()
    {
        // BTCUSDT liquidates when 5,000 + (P − 40,000) < 5% × P, P < 35,000 / 0.95 = 36,842.105…; BTC (40,480) and
        // BTCUSDT (40,500) move in proportion, so BTC's boundary is 36,842.105… × 40,480 / 40,500 = 36,823.9116…,
        // whose lowest safe cent is 36,823.92 (BTCUSDT then 36,823.92 × 40,500 / 40,480 = 36,842.113636).
        var dir = Path.Combine(_root, "demo");
        Run("init", dir);
        var (code, output, _) = Run("eval", Path.Combine(dir, "policy.margin"), "--account", Path.Combine(dir, "account.json"),
            "--market", Path.Combine(dir, "market.json"), "--liquidation-price", "BTC");

        code.ShouldBe(ExitCodes.Success);
        output.ShouldContain("Liquidation price of BTC (current 40,480; moving BTC, BTCUSDT)\n");
        output.ShouldContain("Falling  36,823.92  the lowest price not yet liquidatable; below it: liquidatable (boundary 36,823.911631; BTCUSDT 36,842.113636)\n");
    }

    [Fact]
    public void An_empty_existing_folder_is_used()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "empty")).FullName;
        Run("init", dir).Code.ShouldBe(ExitCodes.Success);
        File.Exists(Path.Combine(dir, "policy.margin")).ShouldBeTrue();
    }

    [Fact]
    public void A_folder_that_is_not_empty_is_refused_and_left_as_it_was()
    {
        var dir = Directory.CreateDirectory(Path.Combine(_root, "used")).FullName;
        File.WriteAllText(Path.Combine(dir, "notes.txt"), "mine");

        Run("init", dir).ShouldBe((ExitCodes.UsageError, "", $"{dir}: error: the folder is not empty; init writes only into a new or empty folder\n"));
        Directory.EnumerateFileSystemEntries(dir).Select(Path.GetFileName).ShouldBe(["notes.txt"]);
    }

    [Fact]
    public void A_file_in_the_way_is_refused()
    {
        var file = Path.Combine(_root, "file");
        File.WriteAllText(file, "x");
        Run("init", file).ShouldBe((ExitCodes.UsageError, "", $"{file}: error: a file of that name exists\n"));
    }

    [Fact]
    public void The_folder_is_required()
    {
        Run("init").ShouldBe((ExitCodes.UsageError, "", "error: name exactly one folder to create\n"));
    }

    [Fact]
    public void Paths_with_spaces_are_quoted_in_the_next_commands()
    {
        var dir = Path.Combine(_root, "my demo");
        var (_, output, _) = Run("init", dir);
        output.ShouldContain($"  marginrules check '{dir}/policy.margin'\n");
    }

    [Fact]
    public void Json_lists_the_files_and_the_next_commands()
    {
        var dir = Path.Combine(_root, "demo");
        var (code, output, _) = Run("init", dir, "--json");

        code.ShouldBe(ExitCodes.Success);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("directory").GetString().ShouldBe(dir);
        doc.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString())
            .ShouldBe([Path.Combine(dir, "policy.margin"), Path.Combine(dir, "account.json"), Path.Combine(dir, "market.json"), Path.Combine(dir, "policy.tests.json")]);
        doc.RootElement.GetProperty("next")[0].GetString().ShouldBe($"marginrules check {dir}/policy.margin");
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, new CliConsole(output, error, color: false));
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void The_written_policy_tests_pass()
    {
        var dir = Path.Combine(Path.GetTempPath(), "marginrules-init-tests-" + Guid.NewGuid().ToString("N"));
        try
        {
            Run("init", dir).Code.ShouldBe(0);
            var (code, output, _) = Run("test", dir);
            code.ShouldBe(0);
            output.TrimEnd().Split('\n')[^1].ShouldBe("2 passed, 0 failed");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
