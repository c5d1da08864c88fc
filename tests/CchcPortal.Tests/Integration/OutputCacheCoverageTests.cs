using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Seeding;
using CchcPortal.Web.Infrastructure;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// Every public GET template, redirects and error pages included, answers its second anonymous request from the
/// output cache: zero SQL commands, same status (issue 20). The exceptions (forms with a per-visitor antiforgery
/// token, the receipt, the ALTCHA challenge, image files) are listed in docs/architecture.md.
/// </summary>
public sealed partial class OutputCacheCoverageTests(OutputCacheCoverageTests.Fixture fixture, ITestOutputHelper output)
    : IClassFixture<OutputCacheCoverageTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new(seedProcedures: true, countQueries: true);
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory Factory => fixture.Factory;

    [GeneratedRegex("href=\"(/[^\"#?]*)")] private static partial Regex Href();

    private HttpClient Browser()
    {
        var client = Factory.Anonymous();
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        client.DefaultRequestHeaders.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        return client;
    }

    /// <summary>The first link on <paramref name="page"/> whose path matches <paramref name="pattern"/>.</summary>
    private static async Task<string> LinkAsync(HttpClient client, string page, string pattern)
    {
        var html = await client.GetStringAsync(page);
        return Href().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).FirstOrDefault(h => Regex.IsMatch(h, pattern))
            ?? throw new InvalidOperationException($"No link matching {pattern} on {page}");
    }

    private async Task<List<string>> PublicTemplatesAsync()
    {
        using (var scope = Factory.Services.CreateScope())
        {
            var grower = new DemoDataGrower(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), Factory.Clock);
            await grower.GrowAsync(3, 3, [new QaSample("Hỏi về thủ tục đăng ký khai sinh", "Tôi cần giấy tờ gì?", "Theo quy định...", "Hộ tịch")]);
        }
        await Factory.WaitForSearchAsync(240);
        string procedureSlug, procedureCode;
        using (var scope = Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (procedureSlug, procedureCode) = await db.Procedures.Where(p => p.Code == "1.001193").Select(p => ValueTuple.Create(p.Slug, p.Code)).SingleAsync();
        }
        var c = Factory.CreateClient(); // follows redirects (the plans address leads to the latest year)
        var article = await LinkAsync(c, "/tin-tuc", "^/tin-tuc/(?!chuyen-muc/|the/)[^/]+$");
        var category = await LinkAsync(c, article, "^/tin-tuc/chuyen-muc/[^/]+$");
        const string ranking = "/chi-so-cchc/PAR_INDEX/2024";
        return
        [
            "/", "/tin-tuc", article, article + "/ban-in", category, await LinkAsync(c, article, "^/tin-tuc/the/[^/]+$"),
            "/rss.xml", category + "/rss.xml", "/sitemap.xml", "/robots.txt", "/gioi-thieu", "/lien-he",
            "/duong-day-nong", "/duong-day-nong?q=tu+phap", "/co-quan/so-tu-phap", "/co-quan/so-tu-phap/vcard",
            "/co-quan/so-thong-tin-va-truyen-thong", "/en/contacts", "/api/agencies", "/api/agencies/so-tu-phap",
            "/van-ban", await LinkAsync(c, "/van-ban", "^/van-ban/[^/]+$"), "/ke-hoach-tuyen-truyen",
            await LinkAsync(c, "/ke-hoach-tuyen-truyen", @"^/ke-hoach-tuyen-truyen/\d{4}$"),
            "/chi-so-cchc", "/chi-so-cchc/gioi-thieu", "/chi-so-cchc/so-sanh", ranking, ranking + "/xuat?scope=so-nganh&format=csv",
            "/chi-so-cchc/don-vi/so-noi-vu", "/api/indices", "/api/indices" + ranking["/chi-so-cchc".Length..],
            "/thu-tuc-hanh-chinh", "/thu-tuc-hanh-chinh?q=khai+sinh", $"/thu-tuc-hanh-chinh/{procedureSlug}", $"/thu-tuc-hanh-chinh/{procedureSlug}/ban-in",
            $"/tthc/{procedureCode}", "/api/procedures", $"/api/procedures/{procedureCode}",
            "/hoi-dap", "/hoi-dap/da-tra-loi", await LinkAsync(c, "/hoi-dap/da-tra-loi", "^/hoi-dap/cau-hoi/[^/]+$"), "/hoi-dap/thong-ke",
            "/hoi-dap/chuong-trinh", "/hoi-dap/rss.xml", "/hoi-dap/goi-y?q=khai+sinh",
            "/tim-kiem?q=khai+sinh", "/api/search?q=khai+sinh", "/api/search/suggest?q=khai",
            "/loi/404", "/loi/500",
        ];
    }

    [Fact]
    public async Task The_second_request_of_every_public_template_runs_no_database_command()
    {
        var urls = await PublicTemplatesAsync();
        await Factory.Services.GetRequiredService<IOutputCacheStore>().EvictByTagAsync(CachePolicies.SiteTag, default);
        var client = Browser();
        var failures = new List<string>();
        foreach (var url in urls)
        {
            var first = await client.GetAsync(url);
            await first.Content.ReadAsByteArrayAsync();
            var second = await client.GetAsync(url);
            await second.Content.ReadAsByteArrayAsync();
            var count = Factory.Queries!.LastCount(url);
            output.WriteLine($"{(int)first.StatusCode} {(int)second.StatusCode} {count} {url}");
            if (second.StatusCode != first.StatusCode || count != 0)
                failures.Add($"{url}: {(int)first.StatusCode} then {(int)second.StatusCode} with {count} commands\n{Factory.Queries.LastSql(url)}");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.Contains(urls, u => u.StartsWith("/tthc/", StringComparison.Ordinal));
    }
}
