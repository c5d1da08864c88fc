using System.Net;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Indices;
using CchcPortal.Core.Procedures;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>The home page starts with the tasks (issue 20): procedure search, questions, hotline; then news, documents, indices.</summary>
public class HomeTasksTests(HomeTasksTests.Fixture fixture) : IClassFixture<HomeTasksTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private static async Task<IDocument> HomeAsync(PortalFactory factory)
    {
        var response = await factory.Anonymous().GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Home_opens_with_a_visible_h1_the_procedure_search_and_the_question_and_hotline_links_before_any_news()
    {
        var page = await HomeAsync(fixture.Factory);
        var tasks = page.QuerySelector("main section.home-tasks");
        Assert.NotNull(tasks);
        var h1 = Assert.Single(page.QuerySelectorAll("h1"));
        Assert.False(h1.ClassList.Contains("visually-hidden"));
        Assert.Same(tasks, h1.ParentElement);

        var form = tasks!.QuerySelector("form[role=search]")!;
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal("/thu-tuc-hanh-chinh", form.GetAttribute("action"));
        var input = form.QuerySelector("input[name=q]")!;
        Assert.Equal("search", input.GetAttribute("type"));
        Assert.NotNull(form.QuerySelector($"label[for={input.Id}]"));

        var links = tasks.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/hoi-dap/gui-cau-hoi", links);
        Assert.Contains("/hoi-dap/tra-cuu", links);
        Assert.Contains("/duong-day-nong", links);
        Assert.Contains(links, l => l!.StartsWith("tel:+84"));

        // Every block after the tasks: the search form comes first in the document.
        foreach (var later in page.QuerySelectorAll("#latest-title, #featured-title, #documents-title, #indices-title"))
            Assert.True(form.CompareDocumentPosition(later).HasFlag(DocumentPositions.Following), $"{later.Id} before the tasks");
        Assert.NotNull(page.QuerySelector("#documents-title"));
    }

    [Fact]
    public async Task Fresh_install_shows_no_empty_block_and_leads_to_the_national_rankings_while_the_province_has_no_figure()
    {
        var page = await HomeAsync(fixture.Factory);
        Assert.Empty(page.QuerySelectorAll(".empty"));
        Assert.Null(page.QuerySelector("#latest-title"));
        Assert.Null(page.QuerySelector("#featured-title"));
        // The test factory seeds no procedure: no list rather than an empty one.
        Assert.Null(page.QuerySelector(".popular-procedures"));
        Assert.All(page.QuerySelectorAll("main ul"), ul => Assert.NotEmpty(ul.Children));

        var indices = page.QuerySelector("#indices-title")!.Closest("section")!;
        Assert.Contains("chưa có số liệu công bố về chỉ số của Đắk Lắk", indices.TextContent);
        var rankings = indices.QuerySelectorAll(".home-indices a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Contains(rankings, h => h.StartsWith("/chi-so-cchc/PAR_INDEX/"));
        Assert.Contains(rankings, h => h.StartsWith("/chi-so-cchc/SIPAS/"));
    }

    [Fact]
    public async Task Province_figures_replace_the_national_links_once_imported_and_the_import_evicts_the_cached_home()
    {
        using var factory = new PortalFactory();
        var before = await HomeAsync(factory); // now cached
        Assert.DoesNotContain("Chỉ số cải cách hành chính của Đắk Lắk", before.Body!.TextContent);

        using (var scope = factory.Services.CreateScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<IndexImporter>();
            var report = await importer.ImportAsync("PAR_INDEX", 2024, IndexScopes.Provinces,
                Encoding.UTF8.GetBytes("ma_don_vi,ten_don_vi,tong_diem,xep_hang,nguon\ndak-lak,Đắk Lắk,85.5,40,Nguồn thử nghiệm\n"));
            Assert.True(report.Succeeded, report.FileError ?? string.Join("; ", report.Issues.Select(i => i.Message)));
        }
        var after = await HomeAsync(factory);
        var indices = after.QuerySelector("#indices-title")!.Closest("section")!;
        Assert.Equal("Chỉ số cải cách hành chính của Đắk Lắk", after.QuerySelector("#indices-title")!.TextContent);
        var card = Assert.Single(indices.QuerySelectorAll(".home-indices a"));
        Assert.Equal(PublicPaths.IndexRanking("PAR_INDEX", 2024, IndexScopes.Provinces), card.GetAttribute("href"));
        Assert.Contains("PAR Index 2024", card.TextContent);
        Assert.Contains("85,5%", card.TextContent);
        Assert.Contains("Xếp hạng 40", card.TextContent);
    }
}

/// <summary>Popular procedures on the home page, with the 1,601 seeded procedures.</summary>
public class HomePopularProceduresTests : IClassFixture<HomePopularProceduresTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new(seedProcedures: true);
        public void Dispose() => Factory.Dispose();
    }

    private readonly Fixture _fixture;
    public HomePopularProceduresTests(Fixture fixture) => _fixture = fixture;

    private async Task<List<(string Href, string Text)>> PopularAsync()
    {
        var page = new HtmlParser().ParseDocument(await _fixture.Factory.Anonymous().GetStringAsync("/"));
        return page.QuerySelectorAll(".home-tasks .popular-procedures a").Select(a => (a.GetAttribute("href")!, a.TextContent.Trim())).ToList();
    }

    [Fact]
    public async Task Without_views_the_well_known_procedures_show_and_the_most_viewed_lead_once_counted()
    {
        Dictionary<string, string> slugs;
        using (var scope = _fixture.Factory.Services.CreateScope())
            slugs = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Procedures
                .Where(p => PopularProcedures.WellKnownCodes.Contains(p.Code) || p.Code == "3.000333")
                .ToDictionaryAsync(p => p.Code, p => p.Slug);
        Assert.Equal(PopularProcedures.WellKnownCodes.Count + 1, slugs.Count); // every well-known code is in the seed

        var fresh = await PopularAsync();
        Assert.Equal(PopularProcedures.WellKnownCodes.Select(c => PublicPaths.Procedure(slugs[c])), fresh.Select(p => p.Href));
        Assert.Equal("Đăng ký khai sinh", fresh[0].Text); // "Thủ tục đăng ký khai sinh", shortened

        using (var scope = _fixture.Factory.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Procedures.Where(p => p.Code == "3.000333")
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.ViewCount, 50));
        // The home page carries the procedures tag: evicting it alone renders the new order.
        await _fixture.Factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CachePolicies.ProceduresTag, default);
        var counted = await PopularAsync();
        Assert.Equal(6, counted.Count);
        Assert.Equal(PublicPaths.Procedure(slugs["3.000333"]), counted[0].Href);
        Assert.Equal(fresh.Take(5).Select(p => p.Href), counted.Skip(1).Select(p => p.Href));
    }
}
