using System.Net;
using System.Text.Json;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using CchcPortal.Core.Search;
using CchcPortal.Web.Features.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Search;

/// <summary>The change feed drives the index: publish -> found, edit -> new text, unpublish -> gone, restart -> nothing lost.</summary>
public class SearchIndexingTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private static async Task<JsonElement> SearchJsonAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private static List<string> Titles(JsonElement json) => json.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();

    private async Task<int> CategoryIdAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.FirstAsync()).Id;
    }

    private static Dictionary<string, string> PostFields(string title, string body, int categoryId) => new()
    {
        ["Input.Title"] = title, ["Input.Summary"] = "", ["Input.BodyHtml"] = body, ["Input.CategoryId"] = categoryId.ToString(), ["Input.Tags"] = "",
    };

    [Fact]
    public async Task A_post_published_in_the_manager_is_found_within_seconds_and_gone_when_unpublished()
    {
        await _factory.WaitForSearchAsync();
        var editor = await _factory.EditorAsync();
        var anonymous = _factory.Anonymous();
        var categoryId = await CategoryIdAsync();
        const string title = "Hướng dẫn thủ tục đăng ký kết hôn có yếu tố nước ngoài tại Krông Búk";

        Assert.DoesNotContain(title, Titles(await SearchJsonAsync(anonymous, "krong buk")));
        var save = await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Publish",
            PostFields(title, "<p>Công dân chuẩn bị tờ khai và giấy xác nhận tình trạng hôn nhân.</p>", categoryId), "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        int postId;
        using (var scope = _factory.Services.CreateScope())
            postId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.SingleAsync(p => p.Title == title)).Id;

        // The change listener wakes the indexer at once; the test waits on the indexer, not on a sleep.
        var started = DateTime.UtcNow;
        await _factory.WaitForSearchAsync(5);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(2), "findable within 2 seconds");

        var found = await SearchJsonAsync(anonymous, "thu tuc dang ky ket hon krong buk");
        var first = found.GetProperty("items")[0];
        Assert.Equal(title, first.GetProperty("title").GetString());
        Assert.Equal(ContentKinds.News, first.GetProperty("kind").GetString());
        Assert.StartsWith("/tin-tuc/", first.GetProperty("url").GetString());
        Assert.Equal("thủ tục đăng ký kết hôn krông búk", found.GetProperty("didYouMean").GetString());
        // The results page shows it too, with the words marked.
        var page = await anonymous.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString("thủ tục kết hôn Krông Búk"));
        Assert.Contains("<mark>thủ tục</mark>", page);
        Assert.Contains($"/tin-tuc/", page);

        // Edit: the new text is found, the old is not.
        var editUrl = $"/quan-tri/bai-viet/sua/{postId}";
        await editor.PostFormAsync($"{editUrl}?handler=Publish", PostFields(title, "<p>Nay chỉ cần trích lục ghi chú ly hôn.</p>", categoryId), editUrl);
        await _factory.WaitForSearchAsync(5);
        Assert.Contains(title, Titles(await SearchJsonAsync(anonymous, "trich luc ghi chu ly hon")));
        Assert.DoesNotContain(title, Titles(await SearchJsonAsync(anonymous, "xac nhan tinh trang hon nhan")));

        // Unpublish: gone from the API and the page (cached pages are evicted when the index commits).
        var unpublish = await editor.PostFormAsync($"{editUrl}?handler=Unpublish", new(), editUrl);
        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        await _factory.WaitForSearchAsync(5);
        Assert.DoesNotContain(title, Titles(await SearchJsonAsync(anonymous, "thu tuc dang ky ket hon krong buk")));
        Assert.DoesNotContain(title, WebUtility.HtmlDecode(await anonymous.GetStringAsync("/tim-kiem?q=" + Uri.EscapeDataString("thủ tục kết hôn Krông Búk"))));
    }

    [Fact]
    public async Task A_published_answer_is_searchable_without_any_personal_data()
    {
        await _factory.WaitForSearchAsync();
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = _factory.Clock.GetUtcNow().UtcDateTime;
            var published = NewCase("HD-2026-900001", "Hỏi về thủ tục cấp đổi giấy phép lái xe quá hạn", now, isPublished: true);
            var unpublished = NewCase("HD-2026-900002", "Hỏi về thủ tục cấp đổi giấy phép lái xe bị mất", now, isPublished: false);
            db.QuestionCases.AddRange(published, unpublished);
            await db.SaveChangesAsync();
            db.ContentChanges.AddRange(
                new ContentChange { Kind = ContentKinds.Question, EntityId = published.Id, Operation = ChangeOperation.Upsert, At = now },
                new ContentChange { Kind = ContentKinds.Question, EntityId = unpublished.Id, Operation = ChangeOperation.Upsert, At = now });
            await db.SaveChangesAsync();
        }
        await _factory.WaitForSearchAsync(5);

        var anonymous = _factory.Anonymous();
        var json = await anonymous.GetStringAsync("/api/search?q=giay+phep+lai+xe");
        Assert.Contains("/hoi-dap/cau-hoi/HD-2026-900001", json);
        Assert.DoesNotContain("HD-2026-900002", json);
        foreach (var text in new[] { json, await anonymous.GetStringAsync("/tim-kiem?q=giay+phep+lai+xe"), await anonymous.GetStringAsync("/api/search/suggest?q=giay+phep") })
        {
            Assert.DoesNotContain("Trần Thị Riêng", text);
            Assert.DoesNotContain("0905123456", text);
            Assert.DoesNotContain("rieng.tu@example.vn", text);
            Assert.DoesNotContain("Tổ dân phố 7", text);
        }
        // Searching for the personal data does not lead to the case either: it was never indexed.
        foreach (var personal in new[] { "Trần Thị Riêng", "0905123456", "rieng.tu@example.vn", "\"Tổ dân phố 7\"" })
            Assert.DoesNotContain("HD-2026-900001", (await SearchJsonAsync(anonymous, personal)).GetRawText());
    }

    private static QuestionCase NewCase(string code, string title, DateTime now, bool isPublished) => new()
    {
        Code = code, SecretHash = "x", Kind = CaseKind.Question, Field = "Đường bộ", Title = title,
        Content = "Tôi là Trần Thị Riêng, số 0905123456, rieng.tu@example.vn: giấy phép lái xe của tôi đã quá hạn.",
        PublicContent = "Giấy phép lái xe của tôi đã quá hạn 3 tháng, thủ tục cấp đổi như thế nào?",
        SubmitterName = "Trần Thị Riêng", SubmitterPhone = "0905123456", SubmitterEmail = "rieng.tu@example.vn",
        SubmitterArea = "Tổ dân phố 7, phường Tân Lợi", Status = CaseStatus.Answered, SubmittedAt = now.AddDays(-5),
        ModerationDue = DateOnly.FromDateTime(now), AnsweredAt = now, AnswerHtml = "<p>Giấy phép quá hạn dưới 3 tháng được cấp đổi theo thủ tục thông thường.</p>",
        SignedBy = "Giám đốc Sở Xây dựng", IsPublished = isPublished,
    };

    [Fact]
    public async Task Hostile_queries_answer_200()
    {
        await _factory.WaitForSearchAsync();
        var client = _factory.Anonymous();
        foreach (var q in new[] { "(((", "*:*", new string('(', 5000), new string('a', 5000), "\"", "-", "title.x:x AND", "%00", "" })
        {
            var url = Uri.EscapeDataString(q);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tim-kiem?q=" + url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search?q=" + url)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/search/suggest?q=" + url)).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/tim-kiem?q=a&trang=-5&nam=abc&loai=xyz")).StatusCode);
    }

    [Fact]
    public async Task The_administrator_rebuilds_the_index_from_the_manager()
    {
        await _factory.WaitForSearchAsync();
        var admin = await _factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var indexer = _factory.Services.GetRequiredService<SearchIndexer>();
        var before = indexer.LastRebuildAt;
        var response = await admin.PostFormAsync("/quan-tri/cai-dat/tim-kiem?handler=Rebuild", new());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await _factory.WaitForSearchAsync(30);
        Assert.NotEqual(before, indexer.LastRebuildAt);
        Assert.True(_factory.Services.GetRequiredService<ISearchIndex>().DocumentCount > 0);
        Assert.Contains("Chỉ mục tìm kiếm", await admin.GetStringAsync("/quan-tri/cai-dat/tim-kiem"));

        var editor = await _factory.EditorAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await editor.GetAsync("/quan-tri/cai-dat/tim-kiem")).StatusCode);
    }
}
