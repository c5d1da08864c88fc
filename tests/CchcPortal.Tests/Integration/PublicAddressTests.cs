using System.Text.RegularExpressions;
using System.Xml.Linq;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>Absolute links come from Portal:PublicBaseUrl, never from the Host header a client sends.</summary>
public class PublicAddressTests
{
    private const string BaseUrl = "https://cchc.example.gov.vn";

    [Fact]
    public async Task A_forged_host_header_never_reaches_links_pages_feeds_sitemap_robots_or_vcards()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string> { ["Portal:PublicBaseUrl"] = BaseUrl + "/" });
        var slug = await PublishPostAsync(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://evil.example"), AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Host = "evil.example";

        async Task<string> GetAsync(string path)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("evil.example", body);
            return body;
        }

        foreach (var page in new[] { "/", $"/tin-tuc/{slug}" })
        {
            var html = await GetAsync(page);
            var canonical = Regex.Match(html, "<link rel=\"canonical\" href=\"([^\"]+)\"").Groups[1].Value;
            Assert.Equal(BaseUrl + page, canonical);
            Assert.Contains($"<meta property=\"og:url\" content=\"{BaseUrl}{page}\"", html);
        }
        Assert.Contains(Uri.EscapeDataString($"{BaseUrl}/tin-tuc/{slug}"), await GetAsync($"/tin-tuc/{slug}"));
        Assert.Contains($"{BaseUrl}/tin-tuc/{slug}", await GetAsync($"/tin-tuc/{slug}/ban-in"));

        var news = XDocument.Parse(await GetAsync("/rss.xml"));
        Assert.Equal($"{BaseUrl}/tin-tuc/{slug}", news.Descendants("item").Single().Element("link")!.Value);
        Assert.Equal($"{BaseUrl}/rss.xml", news.Descendants(XName.Get("link", "http://www.w3.org/2005/Atom")).Single().Attribute("href")!.Value);
        var answers = XDocument.Parse(await GetAsync("/hoi-dap/rss.xml"));
        Assert.Equal($"{BaseUrl}/hoi-dap/da-tra-loi", answers.Descendants("channel").Single().Element("link")!.Value);

        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var locs = XDocument.Parse(await GetAsync("/sitemap.xml")).Descendants(ns + "loc").Select(l => l.Value).ToList();
        Assert.Contains($"{BaseUrl}/tin-tuc/{slug}", locs);
        Assert.All(locs, l => Assert.StartsWith(BaseUrl + "/", l));

        Assert.Contains($"Sitemap: {BaseUrl}/sitemap.xml", await GetAsync("/robots.txt"));
        Assert.Contains($"{BaseUrl}/co-quan/so-noi-vu", await GetAsync("/co-quan/so-noi-vu/vcard"));

        // Redirects to sign-in and "access denied" name a path on this site, not the forged host.
        var signIn = await client.GetAsync("/quan-tri");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/tai-khoan/dang-nhap?ReturnUrl=%2Fquan-tri", signIn.Headers.Location!.OriginalString);
    }

    private static async Task<string> PublishPostAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var service = scope.ServiceProvider.GetRequiredService<PostService>();
        var created = await service.CreateAsync(new PostInput
        {
            Title = "Công bố Chỉ số cải cách hành chính năm 2025 của tỉnh",
            BodyHtml = "<p>Ủy ban nhân dân tỉnh công bố kết quả Chỉ số cải cách hành chính.</p>",
            CategoryId = (await db.Categories.SingleAsync(c => c.Slug == "van-ban-chi-dao-dieu-hanh")).Id,
        }, null, "Biên tập viên");
        Assert.True(created.Succeeded);
        await service.PublishNowAsync(created.Value!.Id);
        return created.Value.Slug;
    }
}
