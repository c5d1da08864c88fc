using System.Text.Json;
using AngleSharp.Html.Parser;

namespace CchcPortal.Tests.Integration.Search;

/// <summary>The procedures list and API with search words: ordered as /tim-kiem ranks them, A–Z only when chosen.</summary>
[Collection(SeededSearchCollection.Name)]
public class ProcedureRelevanceTests(SeededSearchFixture fixture)
{
    private const string BirthRegistration = "Thủ tục đăng ký khai sinh";

    private static List<string> Names(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll(".procedure-item .procedure-name").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_list_orders_search_words_by_relevance_and_by_name_only_when_chosen()
    {
        var client = fixture.Factory.Anonymous();
        var q = Uri.EscapeDataString("đăng ký khai sinh");
        var html = await client.GetStringAsync("/thu-tuc-hanh-chinh?q=" + q);
        Assert.Equal(BirthRegistration, Names(html)[0]);
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal("Relevance", doc.QuerySelector("#tthc-sort option[selected]")?.GetAttribute("value"));
        Assert.Contains("xếp theo mức độ liên quan", doc.QuerySelector(".result-count")!.TextContent);

        var byName = await client.GetStringAsync($"/thu-tuc-hanh-chinh?q={q}&sap-xep=Name");
        Assert.NotEqual(BirthRegistration, Names(byName)[0]);
        Assert.Equal(Names(byName).Order(StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), true)), Names(byName));
        // The same matches either way; only the order differs.
        Assert.Equal(new HtmlParser().ParseDocument(byName).QuerySelector(".result-count strong")!.TextContent,
            doc.QuerySelector(".result-count strong")!.TextContent);
        // Without search words there is nothing to rank: A–Z, and no relevance option.
        Assert.Null(new HtmlParser().ParseDocument(await client.GetStringAsync("/thu-tuc-hanh-chinh")).QuerySelector("#tthc-sort option[value=Relevance]"));
    }

    [Fact]
    public async Task The_api_follows_the_same_rule()
    {
        var client = fixture.Factory.Anonymous();
        using var ranked = JsonDocument.Parse(await client.GetStringAsync("/api/procedures?q=" + Uri.EscapeDataString("đăng ký khai sinh")));
        Assert.Equal("Relevance", ranked.RootElement.GetProperty("sort").GetString());
        Assert.Equal("1.001193", ranked.RootElement.GetProperty("items")[0].GetProperty("code").GetString());
        using var explicitly = JsonDocument.Parse(await client.GetStringAsync("/api/procedures?sort=relevance&q=khai+sinh"));
        Assert.Equal("Relevance", explicitly.RootElement.GetProperty("sort").GetString());
        using var byName = JsonDocument.Parse(await client.GetStringAsync("/api/procedures?sort=name&q=" + Uri.EscapeDataString("đăng ký khai sinh")));
        Assert.Equal("Name", byName.RootElement.GetProperty("sort").GetString());
        Assert.Equal(ranked.RootElement.GetProperty("total").GetInt32(), byName.RootElement.GetProperty("total").GetInt32());
        using var none = JsonDocument.Parse(await client.GetStringAsync("/api/procedures?sort=relevance"));
        Assert.Equal("Name", none.RootElement.GetProperty("sort").GetString());
    }
}
