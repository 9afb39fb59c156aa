using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using MarginRules.Cli.Simulation;

namespace MarginRules.Cli.Reports;

/// <summary>
/// A single self-contained HTML page: headings, tables and charts inlined as SVG, with its style in the page, so
/// the file can be mailed or archived and opens offline with nothing else to fetch.
/// </summary>
internal sealed class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; margin: 2em auto; max-width: 1100px; padding: 0 1em; color: #222; }
        h1 { font-size: 1.6em; margin-bottom: 0.2em; }
        h2 { font-size: 1.2em; margin-top: 1.8em; border-bottom: 1px solid #ccc; padding-bottom: 0.2em; }
        p.lead { color: #555; margin-top: 0; }
        table { border-collapse: collapse; margin: 0.6em 0; font-size: 0.9em; }
        th, td { padding: 0.25em 0.7em; border-bottom: 1px solid #e4e4e4; text-align: right; white-space: nowrap; }
        th { background: #f4f4f4; }
        th.name, td.name { text-align: left; }
        table.facts th, table.facts td { text-align: left; }
        tr.marked td { background: #fff1e0; font-weight: bold; }
        figure { margin: 1em 0; }
        figure svg { max-width: 100%; height: auto; border: 1px solid #eee; }
        figcaption { color: #555; font-size: 0.9em; }
        .scroll { overflow-x: auto; }
        """;

    private readonly string _title;
    private readonly StringBuilder _body = new();
    private int _charts;

    /// <summary>Starts a page with a title.</summary>
    public HtmlReport(string title)
    {
        _title = title;
    }

    /// <summary>The page's title, its main heading and a lead line.</summary>
    public void Title(string lead) =>
        _body.Append("<h1>").Append(Encode(_title)).Append("</h1>\n<p class=\"lead\">").Append(Encode(lead)).Append("</p>\n");

    /// <summary>A section heading.</summary>
    public void Heading(string text) => _body.Append("<h2>").Append(Encode(text)).Append("</h2>\n");

    /// <summary>A paragraph of plain text.</summary>
    public void Paragraph(string text) => _body.Append("<p>").Append(Encode(text)).Append("</p>\n");

    /// <summary>A two-column table of labelled values.</summary>
    public void Facts(IEnumerable<(string Label, string Value)> facts)
    {
        _body.Append("<table class=\"facts\">\n");
        foreach (var (label, value) in facts) _body.Append("<tr><th>").Append(Encode(label)).Append("</th><td>").Append(Encode(value)).Append("</td></tr>\n");
        _body.Append("</table>\n");
    }

    /// <summary>A table with the same cells as its text form; rows with a note are marked and show it in a last column.</summary>
    public void Table(TextTable table)
    {
        var notes = table.Rows.Any(r => r.Note is not null);
        _body.Append("<div class=\"scroll\"><table>\n<tr>");
        for (var i = 0; i < table.Headers.Count; i++) _body.Append(Cell("th", i < table.LeftColumns)).Append(Encode(table.Headers[i])).Append("</th>");
        if (notes) _body.Append("<th class=\"name\">note</th>");
        _body.Append("</tr>\n");
        foreach (var (cells, note) in table.Rows)
        {
            _body.Append(note is null ? "<tr>" : "<tr class=\"marked\">");
            for (var i = 0; i < cells.Length; i++) _body.Append(Cell("td", i < table.LeftColumns)).Append(Encode(cells[i])).Append("</td>");
            if (notes) _body.Append("<td class=\"name\">").Append(Encode(note ?? string.Empty)).Append("</td>");
            _body.Append("</tr>\n");
        }

        _body.Append("</table></div>\n");
    }

    /// <summary>A chart, given as the SVG document ScottPlot renders, inlined with its ids made unique in the page.</summary>
    public void Chart(string svg, string caption)
    {
        _charts++;
        _body.Append("<figure>\n").Append(ReportChart.Inline(svg, $"chart{_charts}")).Append("\n<figcaption>")
            .Append(Encode(caption)).Append("</figcaption>\n</figure>\n");
    }

    /// <summary>The whole page.</summary>
    public string Render() =>
        $"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{Encode(_title)}</title>\n<style>\n{Style}\n</style>\n</head>\n<body>\n{_body}</body>\n</html>\n";

    /// <summary>Writes the page, creating its folder when needed.</summary>
    /// <exception cref="UsageException">The path is a folder or cannot be written.</exception>
    public void Save(string path)
    {
        if (Directory.Exists(path)) throw new UsageException($"{path}: error: the report path is a folder; give a file name such as {Path.Combine(path, "report.html")}");
        try
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(path));
            if (!string.IsNullOrEmpty(folder)) Directory.CreateDirectory(folder);
            File.WriteAllText(path, Render(), new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: error: cannot write the report: {e.Message}");
        }
    }

    private static string Cell(string tag, bool name) => name ? $"<{tag} class=\"name\">" : $"<{tag}>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
