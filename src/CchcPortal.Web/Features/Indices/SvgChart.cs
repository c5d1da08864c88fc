using System.Globalization;
using System.Xml.Linq;
using CchcPortal.Core.Common;

namespace CchcPortal.Web.Features.Indices;

public sealed record ChartBar(string Label, decimal Value, bool Highlight = false);

/// <summary>
/// Server-rendered SVG charts: labelled axis, the value written on each bar, title and description for screen
/// readers. Built as XML and written by SafeXmlWriter, so the output is always well-formed; pages show the same data in a table.
/// </summary>
public static class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static string HorizontalBars(string id, string title, string description, IReadOnlyList<ChartBar> bars, decimal max, string unit)
    {
        const int labelWidth = 230, barArea = 330, rowHeight = 28, top = 10, axisHeight = 30;
        var width = labelWidth + barArea + 70;
        var height = top + bars.Count * rowHeight + axisHeight;
        max = max <= 0 ? 1 : max;
        var svg = Root(id, title, description, width, height);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var y = top + i * rowHeight;
            var length = (double)(Math.Clamp(bar.Value, 0, max) / max) * barArea;
            svg.Add(new XElement(Svg + "g", new XAttribute("class", bar.Highlight ? "bar bar-highlight" : "bar"),
                new XElement(Svg + "text", new XAttribute("x", labelWidth - 8), new XAttribute("y", y + 18), new XAttribute("text-anchor", "end"), new XAttribute("class", "bar-label"), Shorten(bar.Label, 34)),
                new XElement(Svg + "rect", new XAttribute("x", labelWidth), new XAttribute("y", y + 4), new XAttribute("width", Num(length)), new XAttribute("height", rowHeight - 10)),
                new XElement(Svg + "text", new XAttribute("x", Num(labelWidth + length + 6)), new XAttribute("y", y + 18), new XAttribute("class", "bar-value"), Value(bar.Value, unit))));
        }
        var axisY = top + bars.Count * rowHeight + 4;
        svg.Add(new XElement(Svg + "line", new XAttribute("x1", labelWidth), new XAttribute("x2", labelWidth + barArea), new XAttribute("y1", axisY), new XAttribute("y2", axisY), new XAttribute("class", "axis")));
        foreach (var tick in new[] { 0m, max / 2, max })
        {
            var x = labelWidth + (double)(tick / max) * barArea;
            svg.Add(new XElement(Svg + "text", new XAttribute("x", Num(x)), new XAttribute("y", axisY + 18), new XAttribute("text-anchor", "middle"), new XAttribute("class", "axis-label"), Value(tick, unit)));
        }
        return SafeXmlWriter.ToXmlString(svg);
    }

    /// <summary>One bar per year, the value written above each bar.</summary>
    public static string YearBars(string id, string title, string description, IReadOnlyList<(int Year, decimal Value)> points, decimal max, string unit)
    {
        const int left = 40, barWidth = 46, gap = 26, top = 24, plot = 160, bottom = 30;
        var width = left + points.Count * (barWidth + gap) + 20;
        var height = top + plot + bottom;
        max = max <= 0 ? 1 : max;
        var svg = Root(id, title, description, Math.Max(width, 200), height);
        svg.Add(new XElement(Svg + "line", new XAttribute("x1", left - 4), new XAttribute("x2", width - 10), new XAttribute("y1", top + plot), new XAttribute("y2", top + plot), new XAttribute("class", "axis")));
        for (var i = 0; i < points.Count; i++)
        {
            var (year, value) = points[i];
            var h = (double)(Math.Clamp(value, 0, max) / max) * plot;
            var x = left + i * (barWidth + gap);
            svg.Add(new XElement(Svg + "g", new XAttribute("class", "bar"),
                new XElement(Svg + "rect", new XAttribute("x", x), new XAttribute("y", Num(top + plot - h)), new XAttribute("width", barWidth), new XAttribute("height", Num(h))),
                new XElement(Svg + "text", new XAttribute("x", x + barWidth / 2), new XAttribute("y", Num(top + plot - h - 6)), new XAttribute("text-anchor", "middle"), new XAttribute("class", "bar-value"), Value(value, unit)),
                new XElement(Svg + "text", new XAttribute("x", x + barWidth / 2), new XAttribute("y", top + plot + 20), new XAttribute("text-anchor", "middle"), new XAttribute("class", "axis-label"), year.ToString(CultureInfo.InvariantCulture))));
        }
        return SafeXmlWriter.ToXmlString(svg);
    }

    private static XElement Root(string id, string title, string description, int width, int height) =>
        new(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("role", "img"), new XAttribute("aria-labelledby", $"{id}-title {id}-desc"), new XAttribute("class", "chart"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), description));

    public static string Value(decimal v, string unit) => v.ToString("0.##", VnFormat.Culture) + (unit == "%" ? "%" : "");
    private static string Num(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
