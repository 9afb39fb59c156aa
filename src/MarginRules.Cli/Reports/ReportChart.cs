using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using ScottPlot;

namespace MarginRules.Cli.Reports;

/// <summary>The report's charts, drawn with ScottPlot and rendered to SVG text.</summary>
internal static class ReportChart
{
    /// <summary>The width of every chart in pixels.</summary>
    public const int Width = 1000;

    /// <summary>The height of every chart in pixels.</summary>
    public const int Height = 420;

    private static readonly Regex XmlDeclaration = new(@"^\s*<\?xml[^>]*\?>\s*", RegexOptions.CultureInvariant);
    private static readonly Regex Ids = new("(\\sid=\"|url\\(#|href=\"#)", RegexOptions.CultureInvariant);
    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    /// <summary>
    /// A line per series against a shared x axis, with an optional dashed marker line and its label. With
    /// <paramref name="descending"/> the x axis runs from high to low, so a sweep towards lower values reads left to right.
    /// </summary>
    public static string Lines(string title, string xLabel, string yLabel, IReadOnlyList<(string Name, double[] X, double[] Y)> series, (double X, string Label)? marker = null, bool wholeX = false, bool descending = false)
    {
        var plot = Start(title, xLabel, yLabel);
        if (wholeX) WholeTicks(plot, series.SelectMany(s => s.X));
        for (var i = 0; i < series.Count; i++)
        {
            var (name, xs, ys) = series[i];
            var line = plot.Add.Scatter(xs, ys, Palette.GetColor(i));
            line.LegendText = name;
            line.LineWidth = 2;
            line.MarkerSize = 6;
        }

        if (marker is { } m)
        {
            var v = plot.Add.VerticalLine(m.X, 1.5f, Colors.Red, LinePattern.Dashed);
            v.LegendText = m.Label;
        }

        if (descending)
        {
            plot.Axes.AutoScale();
            var limits = plot.Axes.GetLimits();
            plot.Axes.SetLimitsX(limits.Right, limits.Left);
        }

        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>Bars per category, stacked by series (series values must not be negative).</summary>
    public static string StackedBars(string title, string xLabel, string yLabel, IReadOnlyList<double> positions, IReadOnlyList<(string Name, double[] Values)> series)
    {
        var plot = Start(title, xLabel, yLabel);
        WholeTicks(plot, positions);
        var bars = new List<Bar>();
        var bottoms = new double[positions.Count];
        for (var s = 0; s < series.Count; s++)
        {
            var color = Palette.GetColor(s);
            for (var k = 0; k < positions.Count; k++)
            {
                var value = series[s].Values[k];
                bars.Add(new Bar { Position = positions[k], ValueBase = bottoms[k], Value = bottoms[k] + value, FillColor = color, LineWidth = 0 });
                bottoms[k] += value;
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Name, FillColor = color });
        }

        plot.Add.Bars(bars);
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>
    /// Two distributions of amounts over the same bins, drawn as side-by-side bars (first blue, second orange). Bins
    /// are a quarter of a decade wide on a log scale, because account sizes span decades; amounts below 1 (nothing
    /// left, or a rounding remainder) share one bar at the left, labelled "&lt; 1".
    /// </summary>
    public static string LogHistogram(string title, string xLabel, (string Name, double[] Values) first, (string Name, double[] Values) second)
    {
        const double binsPerDecade = 4;
        var plot = Start(title, xLabel, "accounts");
        var positive = first.Values.Concat(second.Values).Where(v => v >= 1).Select(Math.Log10).ToArray();
        var low = positive.Length == 0 ? 0 : Math.Floor(positive.Min());
        var high = positive.Length == 0 ? 1 : Math.Max(low + 1, Math.Ceiling(positive.Max()));
        var bins = (int)((high - low) * binsPerDecade);
        const double width = 1 / binsPerDecade;
        var lowBin = low - (2 * width);

        var bars = new List<Bar>();
        void AddSeries((string Name, double[] Values) series, int index, double offset)
        {
            var counts = new int[bins];
            var belowOne = 0;
            foreach (var v in series.Values)
            {
                if (v < 1) belowOne++;
                else counts[Math.Clamp((int)((Math.Log10(v) - low) / width), 0, bins - 1)]++;
            }

            var color = Palette.GetColor(index);
            bars.Add(new Bar { Position = lowBin + offset, Value = belowOne, Size = width * 0.45, FillColor = color, LineWidth = 0 });
            for (var b = 0; b < bins; b++)
            {
                bars.Add(new Bar { Position = low + ((b + 0.5) * width) + offset, Value = counts[b], Size = width * 0.45, FillColor = color, LineWidth = 0 });
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series.Name, FillColor = color });
        }

        AddSeries(first, 0, -width * 0.225);
        AddSeries(second, 1, width * 0.225);
        plot.Add.Bars(bars);

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        ticks.AddMajor(lowBin, "< 1");
        for (var decade = low; decade <= high; decade++) ticks.AddMajor(decade, Compact(Math.Pow(10, decade)));
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return plot.GetSvgXml(Width, Height);
    }

    /// <summary>
    /// Makes ScottPlot's SVG document fit inside an HTML page: drops the XML declaration, gives every id a prefix so
    /// that charts on one page do not share clip paths, and lets the chart scale with the page.
    /// </summary>
    public static string Inline(string svg, string prefix)
    {
        var body = XmlDeclaration.Replace(svg, string.Empty);
        body = Ids.Replace(body, m => m.Value + prefix + "-");
        var open = body.IndexOf("<svg", StringComparison.Ordinal);
        if (open >= 0) body = body.Insert(open + 4, string.Create(CultureInfo.InvariantCulture, $" viewBox=\"0 0 {Width} {Height}\" role=\"img\""));
        return body.Trim();
    }

    /// <summary>Axis tick labels for amounts: 1.5k, 2.3M, 4B.</summary>
    public static string Compact(double value)
    {
        var a = Math.Abs(value);
        return a switch
        {
            >= 1e9 => (value / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B",
            >= 1e6 => (value / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
            >= 1e3 => (value / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k",
            _ => value.ToString("0.##", CultureInfo.InvariantCulture),
        };
    }

    // Rounds are whole numbers: a tick every round, or every few rounds on a long run, keeps 0.5 off the axis.
    private static void WholeTicks(Plot plot, IEnumerable<double> xs)
    {
        var span = xs.DefaultIfEmpty(0).Max() - xs.DefaultIfEmpty(0).Min();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(Math.Max(1, Math.Ceiling(span / 20)));
    }

    private static Plot Start(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set("DejaVu Sans");
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Compact };
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = Compact };
        return plot;
    }
}
