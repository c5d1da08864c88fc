using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Data;
using CchcPortal.Core.Procedures;
using CchcPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Database;

/// <summary>
/// The database-touching paths that matter, run once on SQLite and once on PostgreSQL against one seeded portal each:
/// seed, import and re-import of procedures, the public and manager pages (lists with filters, sorting and paging),
/// the question from submission to a published answer and its tracking, the change feed into search, the audit log.
/// </summary>
public abstract class OnBothProvidersTests(OnBothProvidersTests.Fixture fixture)
{
    public abstract class Fixture : IDisposable
    {
        public PortalFactory Factory { get; }
        protected Fixture(TestDatabase provider) => Factory = new PortalFactory(provider: provider);
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory F => fixture.Factory;

    private async Task<T> WithDb<T>(Func<PortalDbContext, Task<T>> query)
    {
        using var scope = F.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    [Fact]
    public async Task Procedures_import_once_reimport_unchanged_and_are_found_by_code_and_by_text_in_any_case()
    {
        var csv = await File.ReadAllBytesAsync(TestData.Fixture("dvcqg-danh-sach-tthc-68.csv"));
        ProcedureImportReport first, again;
        using (var scope = F.Services.CreateScope())
            first = await scope.ServiceProvider.GetRequiredService<ProcedureFileImport>().ImportAsync(csv, "test");
        using (var scope = F.Services.CreateScope())
            again = await scope.ServiceProvider.GetRequiredService<ProcedureFileImport>().ImportAsync(csv, "test");
        Assert.True(first.Succeeded, first.FileError ?? string.Join("\n", first.Rejected.Take(5).Select(r => $"{r.Row}: {r.Message}")));
        Assert.Equal(68, first.Added);
        Assert.Equal((0, 0, 68), (again.Added, again.Updated, again.Unchanged));

        var procedure = await WithDb(db => db.Procedures.OrderBy(p => p.Code).FirstAsync());
        Assert.Equal(HttpStatusCode.OK, (await F.Anonymous().GetAsync($"/thu-tuc-hanh-chinh/{procedure.Slug}")).StatusCode);
        // The name as written, in capitals, and without diacritics: folded text in the database gives the same matches on both providers.
        var words = string.Join(' ', procedure.Name.Split(' ').Take(4));
        async Task<List<string>> ListAsync(string q) =>
            ProcedureLinks(await F.Anonymous().GetStringAsync("/thu-tuc-hanh-chinh?sap-xep=Code&q=" + Uri.EscapeDataString(q)));
        var found = await ListAsync(words);
        Assert.Contains($"/thu-tuc-hanh-chinh/{procedure.Slug}", found);
        Assert.Equal(found, await ListAsync(words.ToUpper(new System.Globalization.CultureInfo("vi-VN"))));
        Assert.Equal(found, await ListAsync(Core.Common.VietnameseText.Fold(words)));
    }

    private static List<string> ProcedureLinks(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("main a[href^='/thu-tuc-hanh-chinh/']").Select(a => a.GetAttribute("href")!).ToList();

    [Fact]
    public async Task Concurrent_submissions_each_get_a_code_of_their_own()
    {
        var services = F.Services; // the portal starts once, before the submissions race
        // Each submission in a scope (a DbContext) of its own, all at once, as requests on several nodes would be.
        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(n => Task.Run(async () =>
        {
            using var scope = services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Core.Questions.QuestionService>().SubmitAsync(new Core.Questions.QuestionSubmission
            {
                Kind = Core.Questions.CaseKind.Question, Title = $"Hỏi cùng lúc về thủ tục số {n}",
                Content = "Xin hướng dẫn hồ sơ và thời hạn giải quyết thủ tục đăng ký hộ kinh doanh.",
                Name = "Trần Văn Bình", Email = $"binh{n}@example.vn",
            });
        })));
        Assert.All(results, r => Assert.True(r.Succeeded));
        var codes = results.Select(r => r.Value!.Code).ToList();
        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.Equal(codes.Count, await WithDb(db => db.QuestionCases.CountAsync(c => codes.Contains(c.Code))));
    }

    [Fact]
    public async Task The_directory_filter_ignores_case_and_diacritics()
    {
        var exact = await F.Anonymous().GetStringAsync("/duong-day-nong?q=" + Uri.EscapeDataString("Sở Tư pháp"));
        var folded = await F.Anonymous().GetStringAsync("/duong-day-nong?q=" + Uri.EscapeDataString("SO TU PHAP"));
        Assert.Contains("/co-quan/so-tu-phap", exact);
        Assert.Equal(AgencyLinks(exact), AgencyLinks(folded));
        Assert.Equal(HttpStatusCode.OK, (await F.Anonymous().GetAsync("/co-quan/so-tu-phap")).StatusCode);
    }

    private static List<string> AgencyLinks(string html) =>
        new HtmlParser().ParseDocument(html).QuerySelectorAll("main a[href^='/co-quan/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();

    [Fact]
    public async Task A_question_goes_from_submission_to_a_published_answer_found_by_its_code_in_any_case()
    {
        var started = await AnsweringCase.StartAsync(F);
        const string answer = "Ông/Bà nộp tờ khai tại Bộ phận Một cửa của Sở Tư pháp, thời hạn giải quyết 10 ngày làm việc.";
        Assert.Equal(HttpStatusCode.Redirect, (await started.ActAsync(started.Responder, new()
            { ["Input.Action"] = "SubmitForApproval", ["Input.DraftHtml"] = $"<p>{answer}</p>" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await started.ActAsync(started.Head, new() { ["Input.Action"] = "Approve" })).StatusCode);

        var published = await F.Anonymous().GetAsync($"/hoi-dap/cau-hoi/{started.Code}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Contains(answer, WebUtility.HtmlDecode(await published.Content.ReadAsStringAsync()));
        var tracked = await F.Anonymous().PostFormAsync("/hoi-dap/tra-cuu",
            new() { ["Code"] = " " + started.Code.ToLowerInvariant(), ["Secret"] = started.Secret.ToUpperInvariant() });
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Contains(answer, WebUtility.HtmlDecode(await tracked.Content.ReadAsStringAsync()));
        var answers = await F.Anonymous().GetStringAsync("/hoi-dap/da-tra-loi");
        Assert.Contains($"/hoi-dap/cau-hoi/{started.Code}", answers);
    }

    [Fact]
    public async Task A_published_post_reaches_search_through_the_change_feed_and_the_audit_log()
    {
        var editor = await F.EditorAsync();
        var categoryId = await WithDb(db => db.Categories.Select(c => c.Id).FirstAsync());
        var title = $"Hướng dẫn đăng ký hộ kinh doanh tại Ea Kar {Guid.NewGuid():N}"[..60];
        var save = await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Publish", new()
        {
            ["Input.Title"] = title, ["Input.Summary"] = "", ["Input.BodyHtml"] = "<p>Hồ sơ gồm giấy đề nghị và bản sao căn cước.</p>",
            ["Input.CategoryId"] = categoryId.ToString(), ["Input.Tags"] = "",
        }, "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        await F.WaitForSearchAsync(10);
        var found = JsonDocument.Parse(await F.Anonymous().GetStringAsync("/api/search?q=" + Uri.EscapeDataString("ho kinh doanh ea kar")));
        Assert.Contains(title, found.RootElement.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()));

        var entries = await WithDb(db => db.AuditEntries.Where(e => e.UserName == PortalFactory.EditorEmail).ToListAsync());
        Assert.NotEmpty(entries);
        var admin = await F.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var log = await admin.GetAsync("/quan-tri/nhat-ky?tai-khoan=" + Uri.EscapeDataString(PortalFactory.EditorEmail) + "&trang=1");
        Assert.Equal(HttpStatusCode.OK, log.StatusCode);
        Assert.Contains(PortalFactory.EditorEmail, await log.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Every_public_and_manager_page_reached_by_links_and_filter_forms_answers_without_a_server_error()
    {
        var failures = new List<string>();
        var pages = await CrawlAsync(F.Anonymous(), ["/", "/sitemap.xml", "/thu-tuc-hanh-chinh?sap-xep=Code&trang=2", "/hoi-dap/thong-ke"],
            url => !url.StartsWith("/quan-tri") && !url.StartsWith("/tai-khoan/dang-xuat"), failures);
        var admin = await F.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        pages += await CrawlAsync(admin, ["/quan-tri", "/quan-tri/hoi-dap?trang-thai=Received", "/quan-tri/thu-tuc?trang=3", "/quan-tri/nhat-ky?trang=2"],
            url => url.StartsWith("/quan-tri"), failures);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        Assert.True(pages > 60, $"only {pages} pages crawled");
    }

    /// <summary>Breadth first over links and GET forms, at most a few URLs per path shape, every answer below 500.</summary>
    private static async Task<int> CrawlAsync(HttpClient client, string[] start, Func<string, bool> follow, List<string> failures)
    {
        var queue = new Queue<string>(start);
        var seen = new HashSet<string>(start);
        var perShape = new Dictionary<string, int>();
        var pages = 0;
        while (queue.Count > 0 && pages < 100)
        {
            var url = queue.Dequeue();
            using var response = await client.GetAsync(url);
            pages++;
            if ((int)response.StatusCode >= 500) failures.Add($"{(int)response.StatusCode} {url}");
            var type = response.Content.Headers.ContentType?.MediaType;
            if (type is not ("text/html" or "application/xml" or "text/xml")) continue;
            var body = await response.Content.ReadAsStringAsync();
            foreach (var link in LinksOf(url, body, type == "text/html"))
            {
                if (!follow(link) || link.StartsWith("/media/") || link.StartsWith("/lib/") || link.Contains("/ban-in")) continue;
                var shape = Regex.Replace(link.Split('?')[0], @"/[^/]*\d[^/]*", "/#") + "?" + string.Join('&',
                    (link.Split('?').ElementAtOrDefault(1) ?? "").Split('&').Select(p => p.Split('=')[0]).Order());
                if (perShape.GetValueOrDefault(shape) >= 3 || !seen.Add(link)) continue;
                perShape[shape] = perShape.GetValueOrDefault(shape) + 1;
                queue.Enqueue(link);
            }
        }
        return pages;
    }

    private static IEnumerable<string> LinksOf(string url, string body, bool html)
    {
        if (!html)
        {
            foreach (Match m in Regex.Matches(body, "<loc>([^<]+)</loc>"))
                if (Uri.TryCreate(m.Groups[1].Value, UriKind.Absolute, out var abs)) yield return abs.PathAndQuery;
            yield break;
        }
        var document = new HtmlParser().ParseDocument(body);
        foreach (var a in document.QuerySelectorAll("a[href^='/']"))
            if (a.GetAttribute("href") is { } href && !href.StartsWith("//")) yield return WebUtility.HtmlDecode(href.Split('#')[0]);
        foreach (var form in document.QuerySelectorAll("form:not([method]), form[method=get], form[method=GET]"))
        {
            var action = form.GetAttribute("action") is { Length: > 0 } a2 ? a2 : url.Split('?')[0];
            var fields = form.QuerySelectorAll("input[name]:not([type=submit]), select[name]")
                .Select(e => e.GetAttribute("name")! + "=" + Uri.EscapeDataString(e is AngleSharp.Html.Dom.IHtmlSelectElement s
                    ? s.Options.Skip(1).FirstOrDefault()?.Value ?? "" : e.GetAttribute("value") ?? ""));
            yield return action + "?" + string.Join('&', fields);
        }
    }
}

public sealed class OnSqliteTests(OnSqliteTests.SqliteFixture fixture) : OnBothProvidersTests(fixture), IClassFixture<OnSqliteTests.SqliteFixture>
{
    public sealed class SqliteFixture() : Fixture(TestDatabase.Sqlite);
}

public sealed class OnPostgreSqlTests(OnPostgreSqlTests.PostgreSqlFixture fixture) : OnBothProvidersTests(fixture), IClassFixture<OnPostgreSqlTests.PostgreSqlFixture>
{
    public sealed class PostgreSqlFixture() : Fixture(TestDatabase.PostgreSql);
}
