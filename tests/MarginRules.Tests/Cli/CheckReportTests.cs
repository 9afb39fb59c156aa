using System.Text.Json;
using System.Text.RegularExpressions;
using MarginRules.Cli;
using MarginRules.Cli.Sarif;
using MarginRules.Language.Diagnostics;
using MarginRules.Tests.Grammar;

namespace MarginRules.Tests.Cli;

/// <summary><c>marginrules check</c> reports: text, <c>--json</c>, SARIF 2.1.0 and <c>--output</c>.</summary>
public sealed class CheckReportTests : IDisposable
{
    // One error with a help line (MR0103), and one warning (MR0401) and one info (MR0409) in a second file.
    private const string Broken = "policy \"e\" currency USD\nequity = account.walet\nmaintenance = 0\n";
    private const string Linted = "policy \"w\" currency USD\nparam unused: ratio = 5%\nparam half: ratio = 0.5\nequity = account.wallet\nmaintenance = account.wallet * half\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("marginrules-check-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Text_report_renders_each_diagnostic_and_a_count()
    {
        var (broken, linted) = (Write("broken.margin", Broken), Write("linted.margin", Linted));
        var (code, output, _) = Run("check", broken, linted);

        code.ShouldBe(ExitCodes.Failure);
        output.ShouldBe($"""
            {broken}:2:18: error MR0103: the account has no member `walet`
             2 | equity = account.walet
               |                  ^~~~~
               = help: did you mean `wallet`?

            {linted}:2:7: warning MR0401: parameter `unused` is never used
             2 | param unused: ratio = 5%
               |       ^~~~~~

            {linted}:3:21: info MR0409: write the ratio 0.5 as 50%
             3 | param half: ratio = 0.5
               |                     ^~~

            2 policies checked: 1 error, 1 warning

            """);
    }

    [Fact]
    public void Sarif_log_has_the_2_1_0_shape_with_rules_and_located_results()
    {
        var broken = Relative(Write("broken.margin", Broken));
        var linted = Relative(Write("linted.margin", Linted));
        var (code, output, error) = Run("check", broken, linted, "--format", "sarif");

        code.ShouldBe(ExitCodes.Failure);
        error.ShouldBeEmpty();
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        root.GetProperty("$schema").GetString().ShouldBe("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json");
        var run = root.GetProperty("runs").EnumerateArray().Single();
        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().ShouldBe("marginrules");

        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Select(r => r.GetProperty("id").GetString()).ShouldBe(["MR0103", "MR0401", "MR0409"]);
        rules.Select(r => r.GetProperty("name").GetString()).ShouldBe(["UnknownMember", "UnusedParameter", "WriteRatiosAsPercentages"]);
        rules.Select(r => r.GetProperty("shortDescription").GetProperty("text").GetString()).ShouldBe(["Unknown member", "Unused parameter", "Write ratios as percentages"]);
        rules.Select(r => r.GetProperty("helpUri").GetString()).ShouldBe(
        [
            "docs/diagnostics.md#mr0103-unknown-member",
            "docs/diagnostics.md#mr0401-unused-parameter",
            "docs/diagnostics.md#mr0409-write-ratios-as-percentages",
        ]);
        rules.Select(r => r.GetProperty("defaultConfiguration").GetProperty("level").GetString()).ShouldBe(["error", "warning", "note"]);

        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBe(3);
        var first = results[0];
        first.GetProperty("ruleId").GetString().ShouldBe("MR0103");
        first.GetProperty("ruleIndex").GetInt32().ShouldBe(0);
        first.GetProperty("level").GetString().ShouldBe("error");
        first.GetProperty("message").GetProperty("text").GetString().ShouldBe("the account has no member `walet`\nhelp: did you mean `wallet`?");
        var location = first.GetProperty("locations").EnumerateArray().Single().GetProperty("physicalLocation");
        location.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldBe(broken.Replace('\\', '/'));

        // `walet` spans columns 18 to 22 of line 2; SARIF's endColumn is the column after the region.
        var region = location.GetProperty("region");
        (region.GetProperty("startLine").GetInt32(), region.GetProperty("startColumn").GetInt32(),
            region.GetProperty("endLine").GetInt32(), region.GetProperty("endColumn").GetInt32()).ShouldBe((2, 18, 2, 23));

        results.Select(r => (r.GetProperty("ruleId").GetString(), r.GetProperty("ruleIndex").GetInt32(), r.GetProperty("level").GetString()))
            .ShouldBe([("MR0103", 0, "error"), ("MR0401", 1, "warning"), ("MR0409", 2, "note")]);
        results[2].GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("region").GetProperty("startColumn").GetInt32().ShouldBe(21);
    }

    [Fact]
    public void A_clean_policy_gives_an_empty_run_and_exit_0()
    {
        var (code, output, _) = Run("check", TestData.ExamplePath("policies", "regt-finra-4210.margin"), "--format", "sarif");

        code.ShouldBe(ExitCodes.Success);
        using var doc = JsonDocument.Parse(output);
        var run = doc.RootElement.GetProperty("runs")[0];
        run.GetProperty("results").GetArrayLength().ShouldBe(0);
        run.GetProperty("tool").GetProperty("driver").GetProperty("rules").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void Every_help_uri_points_at_a_heading_of_the_diagnostics_reference()
    {
        // The anchors the repository host generates: the heading lower-cased, punctuation dropped, spaces as hyphens.
        var anchors = RepositoryFile.Read("docs/diagnostics.md").Split('\n')
            .Where(l => l.StartsWith("### ", StringComparison.Ordinal))
            .Select(l => Regex.Replace(l[4..].Trim().ToLowerInvariant(), "[^a-z0-9 _-]", "").Replace(' ', '-'))
            .ToHashSet();
        foreach (var rule in DiagnosticDescriptors.All)
            anchors.ShouldContain(SarifLog.HelpUri(rule)["docs/diagnostics.md#".Length..], rule.Id);
    }

    [Fact]
    public void Artifact_uris_are_relative_with_forward_slashes_and_escaped()
    {
        var baseDirectory = Path.Combine(_dir, "repo");
        SarifLog.ArtifactUri(Path.Combine(baseDirectory, "policies", "my policy.margin"), baseDirectory).ShouldBe("policies/my%20policy.margin");
        SarifLog.ArtifactUri("policies/a.margin", baseDirectory).ShouldBe("policies/a.margin");
        SarifLog.ArtifactUri(Path.Combine(_dir, "other", "b.margin"), baseDirectory).ShouldBe("../other/b.margin");
    }

    [Fact]
    public void Json_report_is_an_array_of_diagnostics()
    {
        var linted = Write("linted.margin", Linted);
        var (code, output, _) = Run("check", linted, "--json");

        code.ShouldBe(ExitCodes.Success); // a warning alone does not fail without --warnaserror
        using var doc = JsonDocument.Parse(output);
        var items = doc.RootElement.EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        var warning = items[0];
        warning.GetProperty("file").GetString().ShouldBe(linted);
        (warning.GetProperty("line").GetInt32(), warning.GetProperty("column").GetInt32(),
            warning.GetProperty("endLine").GetInt32(), warning.GetProperty("endColumn").GetInt32()).ShouldBe((2, 7, 2, 13));
        warning.GetProperty("severity").GetString().ShouldBe("warning");
        warning.GetProperty("code").GetString().ShouldBe("MR0401");
        warning.GetProperty("message").GetString().ShouldBe("parameter `unused` is never used");
        warning.GetProperty("help").GetArrayLength().ShouldBe(0);
        items[1].GetProperty("severity").GetString().ShouldBe("info");

        var (failing, _, _) = Run("check", linted, "--json", "--warnaserror");
        failing.ShouldBe(ExitCodes.Failure);

        var (_, brokenJson, _) = Run("check", Write("broken.margin", Broken), "--format", "json");
        using var broken = JsonDocument.Parse(brokenJson);
        broken.RootElement[0].GetProperty("help").EnumerateArray().Select(h => h.GetString()).ShouldBe(["did you mean `wallet`?"]);
    }

    [Fact]
    public void Output_writes_the_report_to_a_file_and_the_count_to_standard_output()
    {
        var broken = Write("broken.margin", Broken);
        var report = Path.Combine(_dir, "report.sarif");
        var (code, output, _) = Run("check", broken, "--format", "sarif", "--output", report);

        code.ShouldBe(ExitCodes.Failure);
        output.ShouldBe($"1 policy checked: 1 error, 0 warnings; report written to {report}\n");
        using var doc = JsonDocument.Parse(File.ReadAllText(report));
        doc.RootElement.GetProperty("runs")[0].GetProperty("results")[0].GetProperty("ruleId").GetString().ShouldBe("MR0103");
    }

    [Theory]
    [InlineData(new[] { "--format", "xml" }, "error: --format takes text, json or sarif, not `xml`")]
    [InlineData(new[] { "--json", "--format", "sarif" }, "error: --json and --format sarif ask for different reports; give one")]
    [InlineData(new[] { "--fromat", "sarif" }, "error: unknown option --fromat; did you mean --format?")]
    public void Conflicting_or_unknown_formats_are_usage_errors(string[] extra, string expected)
    {
        var (code, output, error) = Run(["check", Write("linted.margin", Linted), .. extra]);
        code.ShouldBe(ExitCodes.UsageError);
        output.ShouldBeEmpty();
        error.ShouldBe(expected + "\n");
    }

    [Fact]
    public void A_missing_file_is_named()
    {
        var missing = Path.Combine(_dir, "missing.margin");
        Run("check", missing, "--format", "sarif").ShouldBe((ExitCodes.UsageError, "", $"{missing}: error: no such file or folder\n"));
    }

    private static string Relative(string path) => Path.GetRelativePath(Directory.GetCurrentDirectory(), path);

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
