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
}
