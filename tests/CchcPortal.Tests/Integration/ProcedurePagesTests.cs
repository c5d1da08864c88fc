using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>The public procedure pages on the seeded catalogue (1,601 real procedures at cấp tỉnh/cấp xã).</summary>
public partial class ProcedurePagesTests(ProcedurePagesTests.Fixture fixture) : IClassFixture<ProcedurePagesTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new(seedProcedures: true);
        public void Dispose() => Factory.Dispose();
    }

    private HttpClient Client => fixture.Factory.Anonymous();
    private PortalFactory Factory => fixture.Factory;

    [GeneratedRegex(@"^(?<label>.*) \((?<count>\d+)\)$")] private static partial Regex OptionText();

    private static List<(string Value, int Count)> Facet(string html, string selectId) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll($"#{selectId} option")
            .Select(o => (o.GetAttribute("value") ?? "", OptionText().Match(o.TextContent.Trim())))
            .Where(x => x.Item2.Success)
            .Select(x => (x.Item1, int.Parse(x.Item2.Groups["count"].Value))).ToList();

    private static int Total(string html) =>
        int.Parse(new HtmlParser().ParseDocument(html).QuerySelector(".result-count strong")!.TextContent.Replace(".", ""));

    [Fact]
    public async Task The_seeded_catalogue_is_listed_with_facet_counts()
    {
        var html = await Client.GetStringAsync("/thu-tuc-hanh-chinh");
        Assert.Equal(1601, Total(html));
        var levels = Facet(html, "tthc-level");
        Assert.Contains(levels, l => l.Value == "Cấp xã" && l.Count == 588);
        Assert.Contains(levels, l => l.Value == "Cấp tỉnh" && l.Count == 1251);
        Assert.Equal(20, new HtmlParser().ParseDocument(html).QuerySelectorAll(".procedure-item").Length);
    }

    [Fact]
    public async Task Filters_combine_and_every_count_equals_the_items_listed()
    {
        var all = await Client.GetStringAsync("/thu-tuc-hanh-chinh");
        var field = Facet(all, "tthc-field").First(f => f.Value == "Hộ tịch");
        var byField = await Client.GetStringAsync("/thu-tuc-hanh-chinh?linh-vuc=" + Uri.EscapeDataString(field.Value));
        Assert.Equal(field.Count, Total(byField));

        foreach (var (level, count) in Facet(byField, "tthc-level"))
        {
            var both = await Client.GetStringAsync($"/thu-tuc-hanh-chinh?linh-vuc={Uri.EscapeDataString(field.Value)}&cap={Uri.EscapeDataString(level)}");
            Assert.Equal(count, Total(both));
            using var api = JsonDocument.Parse(await Client.GetStringAsync($"/api/procedures?field={Uri.EscapeDataString(field.Value)}&level={Uri.EscapeDataString(level)}&pageSize=100"));
            Assert.Equal(count, api.RootElement.GetProperty("total").GetInt32());
            Assert.All(api.RootElement.GetProperty("items").EnumerateArray(), i =>
            {
                Assert.Equal("Hộ tịch", i.GetProperty("field").GetString());
                Assert.Contains(level, i.GetProperty("levels").EnumerateArray().Select(l => l.GetString()));
            });
        }

        var agency = Facet(all, "tthc-agency").First();
        Assert.Equal(agency.Count, Total(await Client.GetStringAsync($"/thu-tuc-hanh-chinh?co-quan={agency.Value}")));
        var search = await Client.GetStringAsync("/thu-tuc-hanh-chinh?q=dang+ky+khai+sinh");
        Assert.Contains("Thủ tục đăng ký khai sinh", search);
    }

    [Fact]
    public async Task Short_url_detail_print_and_api_for_birth_registration()
    {
        var redirect = await Client.GetAsync("/tthc/1.001193");
        Assert.Equal(HttpStatusCode.MovedPermanently, redirect.StatusCode);
        var path = redirect.Headers.Location!.ToString();
        var page = new HtmlParser().ParseDocument(await Client.GetStringAsync(path));
        Assert.Equal("Thủ tục đăng ký khai sinh", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("Giấy khai sinh", page.QuerySelector(".procedure-summary")!.TextContent);
        Assert.Contains("Sở Tư pháp tỉnh Đắk Lắk", page.QuerySelector(".procedure-summary")!.TextContent);
        Assert.Equal(33, page.QuerySelectorAll(".checklist li").Length);
        Assert.Equal(3, page.QuerySelectorAll("#channels-title + table tbody tr").Length);

        var print = await Client.GetStringAsync(path + "/ban-in");
        Assert.DoesNotContain("<script", print);
        Assert.DoesNotContain("<nav", print);
        Assert.Contains("checkbox-mark", print);
        Assert.Contains("/tthc/1.001193", print);

        using var api = JsonDocument.Parse(await Client.GetStringAsync("/api/procedures/1.001193"));
        var root = api.RootElement;
        Assert.Equal("Thủ tục đăng ký khai sinh", root.GetProperty("name").GetString());
        Assert.Equal(3, root.GetProperty("channels").GetArrayLength());
        Assert.Equal(15, root.GetProperty("legalBases").GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/api/procedures/9.999999")).StatusCode);
        var bad = await Client.GetAsync("/api/procedures?pageSize=1000");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("pageSize", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_replaced_procedure_says_so_and_points_to_its_replacement()
    {
        var editor = await fixture.Factory.EditorAsync();
        const string url = "/quan-tri/thu-tuc/1.001695";
        var form = await editor.BrowserFormAsync(url, "#procedure-form");
        using var before = JsonDocument.Parse(await Client.GetStringAsync("/api/procedures/1.001695"));
        Assert.Equal("InForce", before.RootElement.GetProperty("status").GetString());
        var channelsBefore = before.RootElement.GetProperty("channels").GetArrayLength();
        Assert.True(channelsBefore > 0);

        var missing = await editor.PostAsync(url, new FormUrlEncodedContent(form.With("Input.Status", "Replaced").With("Input.EffectiveTo", "2026-07-01")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("cần mã thủ tục thay thế", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));

        var negative = await editor.PostAsync(url, new FormUrlEncodedContent(form.With("Input.Channels[0].TimeValue", "-3")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, negative.StatusCode);
        Assert.Contains("Cách thức thứ 1: thời hạn giải quyết phải là số dương.", WebUtility.HtmlDecode(await negative.Content.ReadAsStringAsync()));

        var saved = await editor.PostAsync(url, new FormUrlEncodedContent(form
            .With("Input.Status", "Replaced").With("Input.ReplacedByCode", "1.001193").With("Input.EffectiveTo", "2026-07-01")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var page = await Client.GetStringAsync((await Client.GetAsync("/tthc/1.001695")).Headers.Location!.ToString());
        Assert.Contains("đã được thay thế từ ngày 01/07/2026", page);
        Assert.Contains("/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-sinh-1-001193", page);
        var history = new HtmlParser().ParseDocument(page).QuerySelector("#source-title ~ ul")?.TextContent ?? "(no history list)";
        // Only what changed is recorded; submitting the unchanged lists changes nothing else.
        Assert.Contains("Sửa tình trạng: Đã được thay thế, thủ tục thay thế, ngày hết hiệu lực.", history);
        using var api = JsonDocument.Parse(await Client.GetStringAsync("/api/procedures/1.001695"));
        Assert.Equal(channelsBefore, api.RootElement.GetProperty("channels").GetArrayLength());
    }

    [Fact]
    public async Task Form_files_are_checked_by_content()
    {
        var editor = await fixture.Factory.EditorAsync();
        var edit = await editor.GetStringAsync("/quan-tri/thu-tuc/1.001193");
        var itemId = Regex.Match(edit, "name=\"itemId\" value=\"(\\d+)\"").Groups[1].Value;

        async Task<HttpResponseMessage> Upload(byte[] bytes, string name)
        {
            var token = await editor.AntiforgeryTokenAsync("/quan-tri/thu-tuc/1.001193");
            using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new StringContent(itemId), "itemId" } };
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            content.Add(file, "file", name);
            return await editor.PostAsync("/quan-tri/thu-tuc/1.001193?handler=Form", content);
        }

        var fake = await Upload("not a word file"u8.ToArray(), "to-khai.docx");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.StatusCode);
        Assert.Contains("không phải là tài liệu PDF, Word", WebUtility.HtmlDecode(await fake.Content.ReadAsStringAsync()));

        var ok = await Upload(MinimalDocx(), "To khai dang ky khai sinh.docx");
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var page = await Client.GetStringAsync("/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-sinh-1-001193");
        var link = Regex.Match(page, "href=\"(/media/forms/[^\"]+\\.docx)\"");
        Assert.True(link.Success);
        var download = await Client.GetAsync(link.Groups[1].Value);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task Views_are_counted_even_from_the_cache_and_drive_the_most_viewed_sort()
    {
        using var first = JsonDocument.Parse(await Client.GetStringAsync("/api/procedures?field=Ch%E1%BB%A9ng%20th%E1%BB%B1c&sort=Code&pageSize=1"));
        var item = first.RootElement.GetProperty("items")[0];
        var url = item.GetProperty("url").GetString()!;
        for (var i = 0; i < 25; i++) Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync(url)).StatusCode);
        await fixture.Factory.Services.GetRequiredService<CchcPortal.Web.Features.Procedures.ProcedureViewCounter>().FlushAsync(default);

        using var top = JsonDocument.Parse(await Client.GetStringAsync("/api/procedures?sort=MostViewed&pageSize=1"));
        Assert.Equal(item.GetProperty("code").GetString(), top.RootElement.GetProperty("items")[0].GetProperty("code").GetString());
        using var scope = fixture.Factory.Services.CreateScope();
        var views = await scope.ServiceProvider.GetRequiredService<CchcPortal.Core.Data.PortalDbContext>().Procedures
            .Where(p => p.Code == item.GetProperty("code").GetString()).Select(p => p.ViewCount).SingleAsync();
        Assert.Equal(25, views);
    }

    private static byte[] MinimalDocx()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, true))
        {
            using (var w = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open())) w.Write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
            using (var w = new StreamWriter(zip.CreateEntry("word/document.xml").Open())) w.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>");
        }
        return stream.ToArray();
    }
}
