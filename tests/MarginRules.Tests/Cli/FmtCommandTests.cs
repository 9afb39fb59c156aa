using System.Text;
using System.Text.Json;
using MarginRules.Cli;

namespace MarginRules.Tests.Cli;

/// <summary><c>marginrules fmt</c> end to end: rewriting in place, <c>--check</c>, <c>--stdout</c>, line endings, byte order marks and broken files.</summary>
public sealed class FmtCommandTests : IDisposable
{
    // The canonical layout (PolicyFormatter): a blank line after the header, single spaces around `=`, and
    // equity/maintenance kept together because they stood on adjacent lines.
    private const string Messy = "policy \"x\" currency USD\nequity   =  account.wallet\nmaintenance=0\n";
    private const string Canonical = "policy \"x\" currency USD\n\nequity = account.wallet\nmaintenance = 0\n";
    private const string Broken = "policy \"x\" currency USD\nequity = account.wallet +\n";

    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly string _dir = Directory.CreateTempSubdirectory("marginrules-fmt-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Rewrites_only_the_files_whose_text_changes()
    {
        var messy = Write("a.margin", Messy);
        var tidy = Write("b.margin", Canonical);
        File.SetLastWriteTimeUtc(tidy, LongAgo);

        var (code, output, error) = Run("fmt", _dir);

        code.ShouldBe(ExitCodes.Success);
        error.ShouldBeEmpty();
        output.ShouldBe($"formatted {messy}\n1 file reformatted, 1 already canonical\n");
        File.ReadAllText(messy).ShouldBe(Canonical);
        File.ReadAllText(tidy).ShouldBe(Canonical);
        File.GetLastWriteTimeUtc(tidy).ShouldBe(LongAgo); // never rewritten
    }

    [Fact]
    public void Keeps_crlf_line_endings_and_the_byte_order_mark()
    {
        var path = Path.Combine(_dir, "crlf.margin");
        File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Messy.Replace("\n", "\r\n"))]);

        Run("fmt", path).Code.ShouldBe(ExitCodes.Success);

        var bytes = File.ReadAllBytes(path);
        bytes[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        Encoding.UTF8.GetString(bytes[3..]).ShouldBe(Canonical.Replace("\n", "\r\n"));

        // Once canonical with CRLF, the file is unchanged: CRLF itself is not a difference.
        Run("fmt", "--check", path).ShouldBe((ExitCodes.Success, "0 files would be reformatted, 1 already canonical\n", ""));
    }

    [Fact]
    public void Check_lists_the_files_that_would_change_and_changes_nothing()
    {
        var messy = Write("a.margin", Messy);
        Write("b.margin", Canonical);

        var (code, output, _) = Run("fmt", "--check", _dir);

        code.ShouldBe(ExitCodes.Failure);
        output.ShouldBe($"would reformat {messy}\n1 file would be reformatted, 1 already canonical\n");
        File.ReadAllText(messy).ShouldBe(Messy);
    }

    [Fact]
    public void Check_passes_on_the_examples()
    {
        var (code, output, _) = Run("fmt", "--check", TestData.ExamplePath("policies"));
        var policies = Directory.GetFiles(TestData.ExamplePath("policies"), "*.margin").Length;
        code.ShouldBe(ExitCodes.Success);
        policies.ShouldBeGreaterThanOrEqualTo(5);
        output.ShouldBe($"0 files would be reformatted, {policies} already canonical\n");
    }

    [Fact]
    public void Stdout_prints_the_formatted_text_and_leaves_the_file()
    {
        var messy = Write("a.margin", Messy);
        Run("fmt", messy, "--stdout").ShouldBe((ExitCodes.Success, Canonical, ""));
        File.ReadAllText(messy).ShouldBe(Messy);
    }

    [Fact]
    public void A_file_with_syntax_errors_is_reported_and_left_alone()
    {
        var broken = Write("broken.margin", Broken);
        var messy = Write("messy.margin", Messy);

        var (code, output, error) = Run("fmt", broken, messy);

        code.ShouldBe(ExitCodes.Failure);
        error.ShouldBe($"""
            {broken}:2:26: error MR0001: unexpected end of input, expected `-` or expression
             2 | equity = account.wallet +
               |                          ^


            """);
        output.ShouldBe($"formatted {messy}\n1 file reformatted, 0 already canonical, 1 with syntax errors\n");
        File.ReadAllText(broken).ShouldBe(Broken);

        // With --stdout a broken file prints nothing on standard output.
        var (stdoutCode, stdout, _) = Run("fmt", broken, "--stdout");
        stdoutCode.ShouldBe(ExitCodes.Failure);
        stdout.ShouldBeEmpty();
    }

    [Fact]
    public void Json_gives_each_files_status_and_diagnostics()
    {
        var broken = Write("a-broken.margin", Broken);
        var messy = Write("b-messy.margin", Messy);
        var tidy = Write("c-tidy.margin", Canonical);

        var (code, output, _) = Run("fmt", "--check", "--json", _dir);

        code.ShouldBe(ExitCodes.Failure);
        using var doc = JsonDocument.Parse(output);
        var files = doc.RootElement.EnumerateArray().ToList();
        files.Select(f => (f.GetProperty("file").GetString(), f.GetProperty("status").GetString()))
            .ShouldBe([(broken, "syntaxError"), (messy, "wouldReformat"), (tidy, "unchanged")]);
        var diagnostic = files[0].GetProperty("diagnostics")[0];
        diagnostic.GetProperty("code").GetString().ShouldBe("MR0001");
        (diagnostic.GetProperty("line").GetInt32(), diagnostic.GetProperty("column").GetInt32()).ShouldBe((2, 26));
        File.ReadAllText(messy).ShouldBe(Messy);
    }

    [Theory]
    [InlineData(new[] { "--stdout", "--check" }, "error: --stdout cannot be combined with --check")]
    [InlineData(new[] { "--stdout", "--json" }, "error: --stdout cannot be combined with --json")]
    [InlineData(new[] { "--chek" }, "error: unknown option --chek; did you mean --check?")]
    public void Conflicting_options_are_usage_errors(string[] extra, string expected)
    {
        var (code, _, error) = Run(["fmt", Write("a.margin", Messy), .. extra]);
        code.ShouldBe(ExitCodes.UsageError);
        error.ShouldBe(expected + "\n");
    }

    [Fact]
    public void Stdout_takes_exactly_one_file()
    {
        Write("a.margin", Messy);
        Write("b.margin", Messy);
        Run("fmt", _dir, "--stdout").ShouldBe((ExitCodes.UsageError, "", "error: --stdout prints one file; 2 were named\n"));
    }

    [Fact]
    public void A_missing_file_is_named_and_nothing_is_formatted()
    {
        var messy = Write("a.margin", Messy);
        var missing = Path.Combine(_dir, "missing.margin");
        Run("fmt", messy, missing).ShouldBe((ExitCodes.UsageError, "", $"{missing}: error: no such file or folder\n"));
        File.ReadAllText(messy).ShouldBe(Messy);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var code = CliApp.Run(args, new CliConsole(output, error, color: false));
        return (code, output.ToString(), error.ToString());
    }
}
