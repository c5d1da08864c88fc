using System.Globalization;
using System.Xml.Linq;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// Tables and charts that read on a 390 px phone (issue 20): a wide table scrolls only inside a labelled region a
/// keyboard can focus; a stack table labels every cell with its column's name for the card layout; no unfocusable
/// scroll box is left; a chart draws each label as text above its bar and has an accessible name.
/// </summary>
public class ResponsiveTablesTests(ResponsiveTablesTests.Fixture fixture) : IClassFixture<ResponsiveTablesTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private async Task<IDocument> PageAsync(string url) =>
        new HtmlParser().ParseDocument(await fixture.Factory.Anonymous().GetStringAsync(url));

    [Fact]
    public async Task Ranking_table_scrolls_inside_a_focusable_region_named_by_its_caption()
    {
        var page = await PageAsync("/chi-so-cchc/PAR_INDEX/2023");
        var region = Assert.Single(page.QuerySelectorAll(".table-region"));
        Assert.Equal("region", region.GetAttribute("role"));
        Assert.Equal("0", region.GetAttribute("tabindex"));
        var caption = page.GetElementById(region.GetAttribute("aria-labelledby")!)!;
        Assert.Equal("CAPTION", caption.TagName);
        Assert.Same(region, caption.Closest(".table-region"));
        Assert.Contains("PAR Index 2023", caption.TextContent);
        var table = region.QuerySelector("table.ranking-table")!;
        Assert.NotEmpty(table.QuerySelectorAll("tbody tr"));
        // The frozen columns are the rank and the unit, the unit being the row header.
        Assert.All(table.QuerySelectorAll("tbody tr"), tr => Assert.Equal("TH", tr.Children[1].TagName));
    }

    [Theory]
    [InlineData("/ke-hoach-tuyen-truyen/2022", "table.plan-table", 7)]
    [InlineData("/van-ban", "table.document-table", 4)]
    [InlineData("/chi-so-cchc/so-sanh?a=hai-phong&b=quang-ninh", "table.stack-table", 3)]
    public async Task Stack_tables_label_every_cell_with_its_column_header(string url, string selector, int columns)
    {
        var page = await PageAsync(url);
        var tables = page.QuerySelectorAll(selector);
        Assert.NotEmpty(tables);
        foreach (var table in tables)
        {
            Assert.Contains("stack-table", table.ClassList);
            var headers = table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()).ToList();
            Assert.Equal(columns, headers.Count);
            foreach (var tr in table.QuerySelectorAll("tbody tr"))
            {
                Assert.Equal(columns, tr.Children.Length);
                Assert.Single(tr.Children, c => c.TagName == "TH" && c.GetAttribute("scope") == "row");
                for (var i = 0; i < columns; i++)
                    if (tr.Children[i].TagName == "TD") Assert.Equal(headers[i], tr.Children[i].GetAttribute("data-label"));
            }
        }
    }

    [Theory]
    [InlineData("/ke-hoach-tuyen-truyen/2022")]
    [InlineData("/van-ban")]
    [InlineData("/chi-so-cchc/PAR_INDEX/2024?pham-vi=so-nganh")]
    [InlineData("/chi-so-cchc/don-vi/so-noi-vu")]
    [InlineData("/hoi-dap/thong-ke")]
    public async Task No_table_sits_in_a_scroll_box_a_keyboard_cannot_reach(string url)
    {
        var page = await PageAsync(url);
        Assert.Empty(page.QuerySelectorAll(".table-scroll"));
        foreach (var table in page.QuerySelectorAll("table.data-table"))
        {
            var region = table.Closest(".table-region");
            Assert.True(region is not null || table.ClassList.Contains("stack-table") || table.QuerySelectorAll("thead th").Length <= 4,
                $"{url}: a table of {table.QuerySelectorAll("thead th").Length} columns neither stacks nor scrolls in a region");
            if (region is not null) Assert.Equal(("region", "0"), (region.GetAttribute("role"), region.GetAttribute("tabindex")));
        }
    }

    [Fact]
    public async Task Charts_draw_every_label_as_text_above_its_bar_and_are_named_images()
    {
        foreach (var url in new[] { "/chi-so-cchc/PAR_INDEX/2023", "/chi-so-cchc/don-vi/so-noi-vu" })
        {
            var page = await PageAsync(url);
            var charts = page.QuerySelectorAll("svg.chart");
            Assert.NotEmpty(charts);
            foreach (var element in charts)
            {
                Assert.Equal("img", element.GetAttribute("role"));
                // A figure without side margins: the chart gets the column's full width (SvgChart's 12 px floor counts on it).
                Assert.Contains("chart-figure", element.Closest("figure")!.ClassList);
                var names = element.GetAttribute("aria-labelledby")!.Split(' ');
                Assert.All(names, id => Assert.False(string.IsNullOrWhiteSpace(element.QuerySelector($"[id='{id}']")?.TextContent)));
                XNamespace ns = "http://www.w3.org/2000/svg";
                var svg = XDocument.Parse(element.OuterHtml).Root!;
                var width = double.Parse(svg.Attribute("viewBox")!.Value.Split(' ')[2], CultureInfo.InvariantCulture);
                foreach (var bar in svg.Elements(ns + "g"))
                {
                    var label = bar.Elements(ns + "text").Single(t => (string?)t.Attribute("class") == "bar-label");
                    Assert.False(string.IsNullOrWhiteSpace(label.Value));
                    var rect = bar.Element(ns + "rect")!;
                    var barTop = double.Parse(rect.Attribute("y")!.Value, CultureInfo.InvariantCulture);
                    Assert.All(label.Elements(ns + "tspan"), t => Assert.True(double.Parse(t.Attribute("y")!.Value, CultureInfo.InvariantCulture) < barTop));
                    Assert.True(double.Parse(rect.Attribute("width")!.Value, CultureInfo.InvariantCulture) <= width);
                }
            }
            // The data table stays next to the chart for screen readers.
            Assert.NotEmpty(page.QuerySelectorAll("table.data-table"));
        }
    }
}
