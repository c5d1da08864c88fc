using AngleSharp.Html.Parser;
using CchcPortal.Core.Common;
using CchcPortal.Core.Search;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Search;

/// <summary>Misspelt citizen queries on the seeded portal's search page: the right procedure first, and the corrected query offered.</summary>
[Collection(SeededSearchCollection.Name)]
public class MisspeltQueryTests(SeededSearchFixture fixture)
{
    private const string BirthRegistration = "/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-sinh-1-001193";
    private const string CriminalRecord = "/thu-tuc-hanh-chinh/cap-phieu-ly-lich-tu-phap-cho-cong-dan-viet-nam-nguoi-nuoc-ngoai-dang-cu-tru-3-000333";
    private const string CertifiedCopy = "/thu-tuc-hanh-chinh/chung-thuc-ban-sao-tu-ban-chinh-giay-to-van-ban-do-co-quan-to-chuc-co-tham-2-000815";

    [Theory]
    [InlineData("đăng kí khai sinh", BirthRegistration, "đăng ký khai sinh")]
    [InlineData("ly lich tu phap", CriminalRecord, "lý lịch tư pháp")]
    [InlineData("khai sihn", BirthRegistration, "khai sinh")]
    [InlineData("chứg thực bản sao", CertifiedCopy, "chứng thực bản sao")]
    public async Task The_right_procedure_comes_first_and_the_corrected_query_is_offered(string typed, string first, string corrected)
    {
        var html = await fixture.Factory.Anonymous().GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString(typed));
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(first, doc.QuerySelector(".search-results .search-title a")?.GetAttribute("href"));
        var offer = doc.QuerySelector(".did-you-mean a");
        Assert.NotNull(offer);
        Assert.Equal(corrected, offer.TextContent);
        Assert.Contains("q=" + Uri.EscapeDataString(corrected), offer.GetAttribute("href"));
    }

    [Fact]
    public async Task A_query_spelt_right_is_offered_nothing()
    {
        var html = await fixture.Factory.Anonymous().GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString("đăng ký khai sinh"));
        var doc = new HtmlParser().ParseDocument(html);
        Assert.Equal(BirthRegistration, doc.QuerySelector(".search-results .search-title a")?.GetAttribute("href"));
        Assert.Null(doc.QuerySelector(".did-you-mean"));
    }

    /// <summary>The judged queries above the misspelt group, typed with their marks: spelt right, so none is offered another.</summary>
    [Fact]
    public void No_judged_query_typed_right_with_marks_is_offered_a_correction()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Integration", "Search", "judged-queries.tsv");
        var typedRight = File.ReadLines(path).TakeWhile(l => !l.StartsWith("# Misspellings", StringComparison.Ordinal))
            .Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t')[0])
            .Where(q => VietnameseText.RemoveDiacritics(q) != q).ToList();
        Assert.True(typedRight.Count >= 20);
        var index = fixture.Factory.Services.GetRequiredService<ISearchIndex>();
        Assert.All(typedRight, q => Assert.Null(index.Search(new SearchQuery { Text = q }).DidYouMean));
    }
}
