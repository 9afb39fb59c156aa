using System.Text.Json;

namespace MarginRules.Tests.Cli;

/// <summary><c>marginrules test</c> on the bundled examples/policies/*.tests.json, with --filter, --json and colour.</summary>
public sealed class TestCommandExampleTests
{
    private static readonly string Examples = TestData.ExamplePath();

    [Fact]
    public void Every_bundled_policy_has_a_test_file()
    {
        var policies = Directory.GetFiles(TestData.ExamplePath("policies"), "*.margin").Select(p => Path.GetFileNameWithoutExtension(p)).Order();
        var tests = Directory.GetFiles(TestData.ExamplePath("policies"), "*.tests.json").Select(p => Path.GetFileName(p)[..^".tests.json".Length]).Order();
        tests.ShouldBe(policies);
    }

    [Fact]
    public void The_examples_pass_and_the_last_line_is_the_count()
    {
        var run = TestCommandRun.Of("test", Examples);

        run.Error.ShouldBe(string.Empty);
        run.Exit.ShouldBe(0);
        // The expected count is read from the files themselves (the length of each "tests" array), so a policy added
        // to examples/ is counted without editing this test; every one of them must pass.
        var files = Directory.GetFiles(TestData.ExamplePath("policies"), "*.tests.json").Order(StringComparer.Ordinal).ToList();
        var expected = files.Sum(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("tests").GetArrayLength());
        files.Count.ShouldBeGreaterThanOrEqualTo(4);
        run.Lines[^1].ShouldBe($"{expected} passed, 0 failed");
        run.Lines.Count(l => l.StartsWith("  PASS ", StringComparison.Ordinal)).ShouldBe(expected);
        run.Lines.ShouldNotContain(l => l.StartsWith("  FAIL ", StringComparison.Ordinal));
        run.Lines.Where(l => !l.StartsWith(' ') && l.Length > 0).Take(files.Count).Select(Path.GetFileName)
            .ShouldBe(files.Select(Path.GetFileName));
    }

    [Fact]
    public void Filter_runs_only_the_tests_whose_name_contains_the_text_ignoring_case()
    {
        var run = TestCommandRun.Of("test", Examples, "--filter", "CASCADE:");

        run.Exit.ShouldBe(0);
        run.Out.ShouldBe(
            $"""
            {Path.Combine(Examples, "policies", "leverage-target.tests.json")}
              PASS cascade: GLT's sales per asset are M·B·A·F when the bank sells pro rata
              PASS cascade: the loss spiral with no price impact
              PASS cascade: a leverage-targeting agent moves the price −1%, then −0.45%

            3 passed, 0 failed

            """);
    }

    [Fact]
    public void A_filter_that_matches_nothing_is_a_usage_error()
    {
        var run = TestCommandRun.Of("test", Examples, "--filter", "no such test");

        run.Exit.ShouldBe(2);
        run.Out.ShouldBe(string.Empty);
        run.Error.ShouldBe("error: no test name contains \"no such test\"\n");
    }

    [Fact]
    public void Json_prints_only_a_document_with_every_test()
    {
        var run = TestCommandRun.Of("test", Examples, "--json", "--filter", "close factor");

        run.Exit.ShouldBe(0);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        root.GetProperty("passed").GetInt32().ShouldBe(1);
        root.GetProperty("failed").GetInt32().ShouldBe(0);
        var file = root.GetProperty("files").EnumerateArray().Single();
        file.GetProperty("file").GetString().ShouldBe(Path.Combine(Examples, "policies", "aave-v3.tests.json"));
        file.GetProperty("policy").GetString().ShouldBe(Path.Combine(Examples, "policies", "aave-v3.margin"));
        var test = file.GetProperty("tests").EnumerateArray().Single();
        test.GetProperty("name").GetString().ShouldBe("close factor 50% above HF 0.95 when both sides are at least $2,000");
        test.GetProperty("passed").GetBoolean().ShouldBeTrue();
        test.GetProperty("failures").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void With_colour_on_the_verdicts_are_painted_but_the_last_line_stays_plain()
    {
        var run = TestCommandRun.Of(true, "test", Examples, "--filter", "loss spiral");

        run.Exit.ShouldBe(0);
        run.Out.ShouldContain("  \u001b[32mPASS\u001b[0m loss spiral: at constant leverage 10 the bank sells 45\n");
        run.Out.ShouldEndWith("\n2 passed, 0 failed\n");
    }

    [Fact]
    public void Help_shows_usage_options_and_an_example()
    {
        var run = TestCommandRun.Of("test", "--help");

        run.Exit.ShouldBe(0);
        run.Out.ShouldStartWith("Usage: marginrules test <files or folders…> [--json] [--filter text]\n");
        run.Out.ShouldContain("--filter text");
        run.Out.ShouldContain("Example:\n  marginrules test examples/policies");
    }
}
