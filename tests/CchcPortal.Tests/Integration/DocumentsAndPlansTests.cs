using System.Net;
using System.Text.Json;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public class DocumentsAndPlansTests(DocumentsAndPlansTests.Fixture fixture) : IClassFixture<DocumentsAndPlansTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private HttpClient Client => fixture.Factory.Anonymous();

    [Fact]
    public async Task The_five_plans_are_documents_with_their_numbers_and_blank_drafts_stay_blank()
    {
        var html = WebUtility.HtmlDecode(await Client.GetStringAsync("/van-ban"));
        Assert.Contains("<strong>5</strong> văn bản", html);
        Assert.Contains("37/KH-UBND", html);
        Assert.Contains("Chưa có số", html);
        Assert.Contains("Kế hoạch (4)", html);
        Assert.Contains("Quyết định (1)", html);

        var filtered = WebUtility.HtmlDecode(await Client.GetStringAsync("/van-ban?loai=Quy%E1%BA%BFt+%C4%91%E1%BB%8Bnh"));
        Assert.Contains("<strong>1</strong> văn bản", filtered);
        Assert.Contains("<strong>1</strong> văn bản", WebUtility.HtmlDecode(await Client.GetStringAsync("/van-ban?q=37%2Fkh-ubnd")));
        Assert.Contains("<strong>1</strong> văn bản", WebUtility.HtmlDecode(await Client.GetStringAsync("/van-ban?nam=2019")));

        using var scope = fixture.Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var quangNgai = await db.Documents.SingleAsync(d => d.Number == "37/KH-UBND");
        Assert.Equal(DocumentNumber.Parse("37/kh-ubnd").Key, quangNgai.NumberKey);
        var page = WebUtility.HtmlDecode(await Client.GetStringAsync($"/van-ban/{quangNgai.Slug}"));
        Assert.Contains("Kế hoạch số 37/KH-UBND", page);
        Assert.Contains("22/03/2019", page);
        Assert.Contains("UBND thành phố Quảng Ngãi", page);
        Assert.Contains("Còn hiệu lực", page);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/van-ban/khong-co-van-ban-nay")).StatusCode);
    }

    [Fact]
    public async Task The_plan_page_lists_each_seeded_activity_with_its_lead_agency()
    {
        var root = await Client.GetAsync("/ke-hoach-tuyen-truyen");
        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/ke-hoach-tuyen-truyen/2024", root.Headers.Location!.OriginalString);

        var seedPath = Path.Combine(AppContext.BaseDirectory, "seed", "plans", "activities", "bac-kan-2024.json");
        var rows = JsonDocument.Parse(await File.ReadAllTextAsync(seedPath)).RootElement.EnumerateArray().ToList();
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await Client.GetStringAsync("/ke-hoach-tuyen-truyen/2024"));
        var body = doc.QuerySelectorAll("table.plan-table tbody tr");
        Assert.Equal(11, body.Length);
        Assert.Equal(rows.Count, body.Length);
        for (var i = 0; i < rows.Count; i++)
        {
            var cells = body[i].Children;
            Assert.Equal(rows[i].GetProperty("section").GetString(), cells[0].TextContent.Trim());
            Assert.Equal(rows[i].GetProperty("lead").GetString(), cells[3].TextContent.Trim());
        }
        Assert.Contains("Quý I", (await Client.GetStringAsync("/ke-hoach-tuyen-truyen/2022")));
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync("/ke-hoach-tuyen-truyen/1990")).StatusCode);
    }

    [Fact]
    public async Task A_replaced_document_shows_its_replacement_and_a_moved_url_redirects()
    {
        // Its own portal: the documents added here must not change the counts the other tests check.
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var now = DateTime.UtcNow;
            var newer = new LegalDocument { Slug = "qd-moi-thay-the", Number = "15/2025/QĐ-UBND", NumberKey = "15/2025/QD-UBND", DocType = "Quyết định", Issuer = "UBND tỉnh", Summary = "Quy chế mới về tiếp nhận phản ánh, kiến nghị", IsPublished = true, CreatedAt = now, UpdatedAt = now };
            db.Documents.Add(newer);
            await db.SaveChangesAsync();
            db.Documents.Add(new LegalDocument { Slug = "qd-cu-bi-thay-the", Number = "3/2019/QĐ-UBND", NumberKey = "3/2019/QD-UBND", DocType = "Quyết định", Issuer = "UBND tỉnh", Summary = "Quy chế cũ về tiếp nhận phản ánh, kiến nghị", Status = DocumentStatus.Replaced, ReplacedById = newer.Id, IsPublished = true, CreatedAt = now, UpdatedAt = now });
            db.PathRedirects.Add(new PathRedirect { FromPath = "/tin-tuc/bai-cu-da-chuyen", ToPath = "/van-ban/qd-moi-thay-the" });
            await db.SaveChangesAsync();
        }
        var old = WebUtility.HtmlDecode(await client.GetStringAsync("/van-ban/qd-cu-bi-thay-the"));
        Assert.Contains("Văn bản này đã bị thay thế", old);
        Assert.Contains("href=\"/van-ban/qd-moi-thay-the\"", old);
        Assert.Contains("Bị thay thế", WebUtility.HtmlDecode(await client.GetStringAsync("/van-ban?hieu-luc=Replaced")));

        var moved = await client.GetAsync("/tin-tuc/bai-cu-da-chuyen");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/van-ban/qd-moi-thay-the", moved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/tin-tuc/khong-he-co")).StatusCode);
    }

    [Fact]
    public async Task A_post_tagged_with_an_activity_is_listed_under_it_on_the_plan_page()
    {
        using var factory = new PortalFactory();
        var editor = await factory.EditorAsync();
        int categoryId, activityId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            categoryId = (await db.Categories.FirstAsync()).Id;
            activityId = await (from a in db.PlanActivities join p in db.PropagandaPlans on a.PlanId equals p.Id where p.Year == 2024 && a.Section == "3" select a.Id).SingleAsync();
        }
        Assert.Contains($"value=\"{activityId}\"", await editor.GetStringAsync("/quan-tri/bai-viet/sua"));
        var fields = new List<KeyValuePair<string, string>>
        {
            new("Input.Title", "Bắc Kạn công khai đường dây nóng tiếp nhận phản ánh"), new("Input.BodyHtml", "<p>Các số đường dây nóng đã được công khai tại trụ sở.</p>"),
            new("Input.CategoryId", categoryId.ToString()), new("ActivityIds", activityId.ToString()), new("ActivityIds", "999999"),
            new("__RequestVerificationToken", await editor.AntiforgeryTokenAsync("/quan-tri/bai-viet/sua")),
        };
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostAsync("/quan-tri/bai-viet/sua?handler=Publish", new FormUrlEncodedContent(fields))).StatusCode);

        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await factory.Anonymous().GetStringAsync("/ke-hoach-tuyen-truyen/2024"));
        var row = doc.QuerySelectorAll("table.plan-table tbody tr").Single(r => r.Children[0].TextContent.Trim() == "3");
        Assert.Contains("Bắc Kạn công khai đường dây nóng tiếp nhận phản ánh", row.Children[6].TextContent);
        Assert.Contains("26/11/2026", row.Children[6].TextContent);
        var other = doc.QuerySelectorAll("table.plan-table tbody tr").First(r => r.Children[0].TextContent.Trim() == "1");
        Assert.Contains("Chưa có tin, văn bản", other.Children[6].TextContent);
    }
}
