using System.Xml.Linq;
using CchcPortal.Core.Indices;
using CchcPortal.Web.Features.Indices;

namespace CchcPortal.Tests.Unit;

public class IndexChartAndRankingTests
{
    [Fact]
    public void Equal_scores_share_a_rank_and_the_next_rank_skips()
    {
        var scores = new Dictionary<string, decimal?> { ["a"] = 90, ["b"] = 85.5m, ["c"] = 85.5m, ["d"] = 80, ["e"] = null };
        var ranks = Ranking.Rank(scores.Keys, k => scores[k]);
        Assert.Equal(1, ranks["a"]);
        Assert.Equal(2, ranks["b"]);
        Assert.Equal(2, ranks["c"]);
        Assert.Equal(4, ranks["d"]);
        Assert.False(ranks.ContainsKey("e"));
    }

    [Fact]
    public void Bar_chart_is_well_formed_with_one_bar_and_one_value_label_per_subject()
    {
        var bars = new List<ChartBar> { new("Quảng Ninh", 92.18m), new("Hải Phòng", 91.87m), new("Hà Nội & <Thủ đô>", 91.43m) };
        var svg = SvgChart.HorizontalBars("t", "PAR Index 2023", "Ba tỉnh dẫn đầu", bars, 100, "%");
        var doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal("PAR Index 2023", doc.Root!.Element(ns + "title")!.Value);
        Assert.Equal("Ba tỉnh dẫn đầu", doc.Root.Element(ns + "desc")!.Value);
        var groups = doc.Root.Elements(ns + "g").ToList();
        Assert.Equal(3, groups.Count);
        Assert.Equal(["92,18%", "91,87%", "91,43%"], groups.Select(g => g.Elements(ns + "text").Single(t => (string?)t.Attribute("class") == "bar-value").Value));
        Assert.Equal("Hà Nội & <Thủ đô>", groups[2].Elements(ns + "text").First().Value);
        var widths = groups.Select(g => double.Parse(g.Element(ns + "rect")!.Attribute("width")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.True(widths[0] > widths[1] && widths[1] > widths[2]);
        Assert.Equal("img", doc.Root.Attribute("role")!.Value);
    }

    private static readonly XNamespace Ns = "http://www.w3.org/2000/svg";
    private static double Number(XElement e, string attribute) => double.Parse(e.Attribute(attribute)!.Value, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void Each_label_is_text_above_its_bar_long_ones_wrap_to_two_lines_and_nothing_leaves_the_drawing()
    {
        const string longName = "Xây dựng, phát triển Chính phủ điện tử, Chính phủ số và chuyển đổi số toàn diện của tỉnh";
        var bars = new List<ChartBar> { new("Sở Nội vụ", 84.47m), new(longName, 100m, Highlight: true), new("Sở Tài chính", 0m) };
        var root = XDocument.Parse(SvgChart.HorizontalBars("c", "Tiêu đề", "Mô tả", bars, 100, "%")).Root!;
        var box = root.Attribute("viewBox")!.Value.Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        Assert.Equal(SvgChart.Width, box[2]);

        var previousBottom = 0d;
        foreach (var g in root.Elements(Ns + "g"))
        {
            var label = g.Elements(Ns + "text").Single(t => (string?)t.Attribute("class") == "bar-label");
            var value = g.Elements(Ns + "text").Single(t => (string?)t.Attribute("class") == "bar-value");
            var rect = g.Element(Ns + "rect")!;
            var lines = label.Elements(Ns + "tspan").ToList();
            Assert.All(lines, l => Assert.True(Number(l, "y") - SvgChart.FontSize >= previousBottom && Number(l, "y") < Number(rect, "y"), "a label line overlaps a bar"));
            Assert.All(lines, l => Assert.InRange(Number(l, "x"), 1, 4)); // inset from the clipping edge
            // The value ends at the right edge of the drawing, on the label's first line.
            Assert.Equal((SvgChart.Width.ToString(), "end"), (value.Attribute("x")!.Value, value.Attribute("text-anchor")!.Value));
            Assert.Equal(Number(lines[0], "y"), Number(value, "y"));
            Assert.True(Number(rect, "x") >= 0 && Number(rect, "x") + Number(rect, "width") <= SvgChart.Width);
            previousBottom = Number(rect, "y") + Number(rect, "height");
        }
        Assert.True(previousBottom <= box[3]);
        var wrapped = root.Elements(Ns + "g").ElementAt(1).Elements(Ns + "text").First().Elements(Ns + "tspan").Select(t => t.Value).ToList();
        Assert.Equal(2, wrapped.Count);
        Assert.StartsWith("Xây dựng, phát triển Chính phủ điện tử,", wrapped[0]);
        Assert.EndsWith("…", wrapped[1]);
        Assert.Equal("bar bar-highlight", root.Elements(Ns + "g").ElementAt(1).Attribute("class")!.Value);
        Assert.Equal(SvgChart.Width, Number(root.Elements(Ns + "g").ElementAt(1).Element(Ns + "rect")!, "width"));
        Assert.Equal(0, Number(root.Elements(Ns + "g").ElementAt(2).Element(Ns + "rect")!, "width"));

        // The end ticks are anchored inwards: "0%" starts at the left edge, "100%" ends at the right one.
        var ticks = root.Elements(Ns + "text").Where(t => (string?)t.Attribute("class") == "axis-label").ToList();
        Assert.Equal([("0%", "start"), ("50%", "middle"), ("100%", "end")], ticks.Select(t => (t.Value, t.Attribute("text-anchor")!.Value)));
    }

    [Fact]
    public void Chart_is_a_named_image_whose_text_stays_at_least_12_px_on_a_390_px_phone()
    {
        var root = XDocument.Parse(SvgChart.HorizontalBars("x", "PAR Index 2024", "Biểu đồ", [new("A", 1)], 1, "")).Root!;
        Assert.Equal("img", root.Attribute("role")!.Value);
        Assert.Equal("x-title x-desc", root.Attribute("aria-labelledby")!.Value);
        Assert.Equal(["x-title", "x-desc"], root.Elements().Where(e => e.Name == Ns + "title" || e.Name == Ns + "desc").Select(e => e.Attribute("id")!.Value));
        // A 390 px screen leaves 358 px to the page column; the drawing only ever scales down to it.
        Assert.True(SvgChart.FontSize * 358.0 / SvgChart.Width >= 12, "chart text under 12 px at 390 px");
        Assert.Equal(SvgChart.Width, Number(root, "width"));
    }

    [Theory]
    [InlineData("Sở Nội vụ", 10, new[] { "Sở Nội vụ" })]
    [InlineData("một hai ba bốn năm", 8, new[] { "một hai", "ba bốn…" })]
    [InlineData("Sieutừdàikhôngcắtđược", 8, new[] { "Sieutừd…" })]
    [InlineData("", 8, new[] { "" })]
    public void Labels_wrap_at_spaces_within_the_line_count(string text, int width, string[] expected) =>
        Assert.Equal(expected, SvgChart.Wrap(text, width, 2));
}
