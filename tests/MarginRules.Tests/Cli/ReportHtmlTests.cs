using System.Text.Json;
using System.Text.RegularExpressions;
using MarginRules.Cli.Reports;

namespace MarginRules.Tests.Cli;

/// <summary><c>--report</c>: one self-contained HTML file with the charts inlined as SVG, for simulate and sweep.</summary>
public sealed class ReportHtmlTests : IDisposable
{
    private readonly SimulateTestFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static void ShouldBeSelfContained(string html)
    {
        html.ShouldStartWith("<!DOCTYPE html>");
        html.ShouldNotContain("src=\"http", Case.Insensitive);
        html.ShouldNotContain("href=\"http", Case.Insensitive);
        html.ShouldNotContain("url(http", Case.Insensitive);
        html.ShouldNotContain("<script", Case.Insensitive);
        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain("@import", Case.Insensitive);

        // Charts inlined on one page must not share clip-path ids.
        var ids = Regex.Matches(html, "\\sid=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();
        ids.Distinct().Count().ShouldBe(ids.Count);
    }

    private static int Count(string text, string part) => Regex.Matches(text, Regex.Escape(part)).Count;

    [Fact]
    public void Simulate_writes_a_report_with_price_liquidation_and_equity_charts()
    {
        var report = Path.Combine(_files.Folder, "out", "report.html");
        var (code, output, error) = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%", "--report", report);

        (code, error).ShouldBe((0, string.Empty));
        output.ShouldEndWith($"\nReport written to {report}\n");
        var html = File.ReadAllText(report);
        ShouldBeSelfContained(html);

        // Price path, liquidations per round, and one equity histogram for the one venue.
        Count(html, "<svg").ShouldBe(3);
        Count(html, "viewBox=\"0 0 1000 420\"").ShouldBe(3);
        html.ShouldNotContain("<?xml");
        html.ShouldContain("Price move from the start, by round");
        html.ShouldContain("Liquidated notional per round");
        html.ShouldContain("perps: account equity");

        // The summary of the worked example in SimulateCommandTests: amplification 2.48, 171.90 liquidated.
        html.ShouldContain("<td>2.48&#215;</td>");
        html.ShouldContain("<td>171.90</td>");
        html.ShouldContain(WebUtilityEncode(_files.MarketPath));
    }

    [Fact]
    public void Sweep_writes_a_report_with_amplification_bad_debt_and_liquidation_curves()
    {
        var report = Path.Combine(_files.Folder, "sweep.html");
        var (code, _, error) = SimulateTestFiles.Run("sweep", _files.VenuePath, "--market", _files.MarketPath, "--shock-range", "BTC=-2%..-10%/2%", "--report", report);

        (code, error).ShouldBe((0, string.Empty));
        var html = File.ReadAllText(report);
        ShouldBeSelfContained(html);
        Count(html, "<svg").ShouldBe(3);
        html.ShouldContain("Amplification against BTC shock");
        html.ShouldContain("Bad debt against BTC shock");
        html.ShouldContain("Total liquidated against BTC shock");

        // The tipping point of SweepCommandTests' shock sweep is −10%; its row is marked.
        html.ShouldContain("tips over at -10.00%");
        html.ShouldContain("<tr class=\"marked\"><td>-10.00%</td>");
    }

    [Fact]
    public void With_json_the_report_path_is_in_the_document_and_nothing_else_is_printed()
    {
        var report = Path.Combine(_files.Folder, "report.html");
        var (code, output, _) = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%", "--report", report, "--json");

        code.ShouldBe(0);
        JsonDocument.Parse(output).RootElement.GetProperty("report").GetString().ShouldBe(report);
        File.Exists(report).ShouldBeTrue();
    }

    [Fact]
    public void A_folder_as_the_report_path_is_an_input_error()
    {
        var (code, output, error) = SimulateTestFiles.Run("simulate", _files.VenuePath, "--market", _files.MarketPath, "--shock", "BTC=-10%", "--report", _files.Folder);

        code.ShouldBe(2);
        output.ShouldBe(string.Empty);
        error.ShouldBe($"{_files.Folder}: error: the report path is a folder; give a file name such as {Path.Combine(_files.Folder, "report.html")}\n");
    }

    [Fact]
    public void Inlining_a_chart_prefixes_its_ids_and_drops_the_xml_declaration()
    {
        var svg = "<?xml version=\"1.0\" encoding=\"utf-8\" ?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"420\">"
                  + "<clipPath id=\"cl_4\"><rect/></clipPath><g clip-path=\"url(#cl_4)\"/><use href=\"#cl_4\"/></svg>";

        ReportChart.Inline(svg, "chart2").ShouldBe(
            "<svg viewBox=\"0 0 1000 420\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" width=\"1000\" height=\"420\">"
            + "<clipPath id=\"chart2-cl_4\"><rect/></clipPath><g clip-path=\"url(#chart2-cl_4)\"/><use href=\"#chart2-cl_4\"/></svg>");
    }

    private static string WebUtilityEncode(string text) => System.Net.WebUtility.HtmlEncode(text);
}
