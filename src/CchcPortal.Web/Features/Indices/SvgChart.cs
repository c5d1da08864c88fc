using System.Globalization;
using System.Xml.Linq;
using CchcPortal.Core.Common;

namespace CchcPortal.Web.Features.Indices;

public sealed record ChartBar(string Label, decimal Value, bool Highlight = false);

/// <summary>
/// Server-rendered SVG charts: each bar's label on its own line above the bar, the value written at the end of that
/// line, title and description for screen readers. One drawing serves phone and desktop: it is drawn
/// <see cref="Width"/> units wide and only ever scaled down to the column (390 px phone: about 358 px, so the
/// <see cref="FontSize"/>-unit text renders at 13 px), never up. Built as XML and written by SafeXmlWriter, so the
/// output is always well-formed; pages show the same data in a table.
/// </summary>
public static class SvgChart
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    /// <summary>Drawing width in user units (and CSS px at natural size).</summary>
    public const int Width = 440;
    /// <summary>Label and value size in user units; the CSS of .chart text uses the same.</summary>
    public const int FontSize = 16;
    private const int LabelInset = 2, LineHeight = 20, BarHeight = 14, RowGap = 12, ValueWidth = 72, Top = 4, AxisHeight = 28;
    /// <summary>Characters of a label line: the line is Width − ValueWidth units, a Vietnamese character about 0.55 em.</summary>
    private const int LabelChars = (int)((Width - ValueWidth - LabelInset) / (FontSize * 0.55));

    public static string HorizontalBars(string id, string title, string description, IReadOnlyList<ChartBar> bars, decimal max, string unit)
    {
        max = max <= 0 ? 1 : max;
        var y = Top;
        var rows = new List<XElement>();
        foreach (var bar in bars)
        {
            var lines = Wrap(bar.Label, LabelChars, 2);
            // Inset a little: a glyph such as "T" overhangs its origin, and the drawing clips at x = 0.
            var label = new XElement(Svg + "text", new XAttribute("x", LabelInset), new XAttribute("y", y + FontSize), new XAttribute("class", "bar-label"));
            for (var i = 0; i < lines.Count; i++)
                label.Add(new XElement(Svg + "tspan", new XAttribute("x", LabelInset), new XAttribute("y", y + FontSize + i * LineHeight), lines[i]));
            var barY = y + lines.Count * LineHeight + 4;
            var length = (double)(Math.Clamp(bar.Value, 0, max) / max) * Width;
            rows.Add(new XElement(Svg + "g", new XAttribute("class", bar.Highlight ? "bar bar-highlight" : "bar"),
                new XElement(Svg + "rect", new XAttribute("x", 0), new XAttribute("y", barY), new XAttribute("width", Num(length)), new XAttribute("height", BarHeight)),
                label,
                new XElement(Svg + "text", new XAttribute("x", Width), new XAttribute("y", y + FontSize), new XAttribute("text-anchor", "end"), new XAttribute("class", "bar-value"), Value(bar.Value, unit))));
            y = barY + BarHeight + RowGap;
        }
        var axisY = y;
        var svg = Root(id, title, description, Width, axisY + AxisHeight);
        svg.Add(rows);
        svg.Add(new XElement(Svg + "line", new XAttribute("x1", 0), new XAttribute("x2", Width), new XAttribute("y1", axisY), new XAttribute("y2", axisY), new XAttribute("class", "axis")));
        // The end ticks are anchored inwards, so no tick text is cut at the drawing's edge.
        foreach (var (tick, anchor) in new[] { (0m, "start"), (max / 2, "middle"), (max, "end") })
            svg.Add(new XElement(Svg + "text", new XAttribute("x", Num((double)(tick / max) * Width)), new XAttribute("y", axisY + 20), new XAttribute("text-anchor", anchor), new XAttribute("class", "axis-label"), Value(tick, unit)));
        return SafeXmlWriter.ToXmlString(svg);
    }

    /// <summary>Splits at spaces into at most <paramref name="maxLines"/> lines of <paramref name="width"/> characters; what does not fit ends in "…".</summary>
    public static IReadOnlyList<string> Wrap(string text, int width, int maxLines)
    {
        var lines = new List<string>();
        var current = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length == 0) current = word;
            else if (current.Length + 1 + word.Length <= width) current += " " + word;
            else { lines.Add(current); current = word; }
        }
        if (current.Length > 0 || lines.Count == 0) lines.Add(current);
        if (lines.Count > maxLines)
        {
            var rest = string.Join(' ', lines.Skip(maxLines - 1));
            lines = [.. lines.Take(maxLines - 1), rest];
        }
        return lines.Select(l => Shorten(l, width)).ToList();
    }

    private static XElement Root(string id, string title, string description, int width, int height) =>
        new(Svg + "svg",
            new XAttribute("viewBox", $"0 0 {width} {height}"), new XAttribute("width", width), new XAttribute("height", height),
            new XAttribute("role", "img"), new XAttribute("aria-labelledby", $"{id}-title {id}-desc"), new XAttribute("class", "chart"),
            new XElement(Svg + "title", new XAttribute("id", $"{id}-title"), title),
            new XElement(Svg + "desc", new XAttribute("id", $"{id}-desc"), description));

    public static string Value(decimal v, string unit) => v.ToString("0.##", VnFormat.Culture) + (unit == "%" ? "%" : "");
    private static string Num(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)].TrimEnd() + "…";
}
