using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.HostileInput;

/// <summary>Every stored field has a server-side maximum: refused with 422, a Vietnamese message, the text kept, nothing stored.</summary>
public sealed class FieldLengthLimitTests
{
    private static readonly string HundredThousand = string.Concat(Enumerable.Repeat("Lê Văn Tám ", 10_000))[..100_000];

    private static Dictionary<string, string> Question() => new()
    {
        ["Input.Kind"] = "Question", ["Input.Title"] = "Hỏi về thủ tục đăng ký khai sinh cho con",
        ["Input.Content"] = "Con tôi sinh ở bệnh viện tỉnh, tôi có thể đăng ký khai sinh trực tuyến không và cần giấy tờ gì?",
        ["Input.Name"] = "Nguyễn Thị Bình Minh", ["Input.Phone"] = "0912 345 678", ["Input.Email"] = "binhminh@example.vn",
        ["Input.Area"] = "Phường Buôn Ma Thuột", ["Input.ConsentToPublish"] = "true",
    };

    [Theory]
    [InlineData("Input.Name", "Họ tên không được dài quá 200 ký tự.")]
    [InlineData("Input.Field", "Lĩnh vực không được dài quá 200 ký tự.")]
    [InlineData("Input.Area", "Địa chỉ không được dài quá 200 ký tự.")]
    [InlineData("Input.Email", "Thư điện tử không được dài quá 254 ký tự.")]
    [InlineData("Input.Phone", "Số điện thoại không được dài quá 30 ký tự.")]
    public async Task An_over_long_field_of_the_question_form_is_refused_with_the_text_kept(string field, string message)
    {
        using var factory = new PortalFactory();
        var form = Question();
        form[field] = HundredThousand;
        var response = await factory.Anonymous().PostQuestionAsync(form);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, html);
        Assert.Contains(HundredThousand, html);
        Assert.Contains("Con tôi sinh ở bệnh viện tỉnh", html);
        using var scope = factory.Services.CreateScope();
        Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.CountAsync());
    }

    [Fact]
    public async Task An_over_long_static_page_or_agency_address_is_refused_and_the_stored_one_kept()
    {
        using var factory = new PortalFactory();
        var editor = await factory.EditorAsync();
        int pageId, agencyId, levelId;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            pageId = (await db.StaticPages.SingleAsync(p => p.Slug == "gioi-thieu")).Id;
            agencyId = (await db.Agencies.SingleAsync(a => a.Slug == "so-tu-phap")).Id;
            levelId = (await db.AdministrativeLevels.SingleAsync(l => l.Code == "tinh")).Id;
        }

        var page = await editor.PostFormAsync($"/quan-tri/trang/{pageId}", new()
            { ["Input.Title"] = "Giới thiệu", ["Input.BodyHtml"] = "<p>" + string.Concat(Enumerable.Repeat(HundredThousand, 3)) + "</p>", ["Input.ShowInFooter"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
        Assert.Contains("Nội dung trang không được dài quá 200.000 ký tự.", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));

        var agency = await editor.PostFormAsync($"/quan-tri/co-quan/sua/{agencyId}", new()
        {
            ["Input.Name"] = "Sở Tư pháp tỉnh Đắk Lắk", ["Input.Slug"] = "so-tu-phap", ["Input.LevelId"] = levelId.ToString(),
            ["Input.Kind"] = "Department", ["Input.IsActive"] = "true", ["Input.Address"] = HundredThousand,
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, agency.StatusCode);
        var html = WebUtility.HtmlDecode(await agency.Content.ReadAsStringAsync());
        Assert.Contains("Địa chỉ không được dài quá 500 ký tự.", html);
        Assert.Contains(HundredThousand, html);

        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.True((await db.StaticPages.SingleAsync(p => p.Id == pageId)).BodyHtml.Length < 100_000);
            Assert.True((await db.Agencies.SingleAsync(a => a.Id == agencyId)).Address.Length < 500);
        }
    }

    [Fact]
    public async Task Over_long_added_information_on_the_tracking_page_is_refused_with_the_text_kept()
    {
        using var factory = new PortalFactory();
        var citizen = factory.Anonymous();
        var page = await (await citizen.PostQuestionAsync(Question())).Content.ReadAsStringAsync();
        var code = Regex.Match(page, @"HD-\d{4}-\d{6}").Value;
        var secret = Regex.Match(page, @"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>").Groups[1].Value;
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            (await db.QuestionCases.SingleAsync()).Status = CaseStatus.NeedsInformation;
            await db.SaveChangesAsync();
        }

        var text = HundredThousand[..10_001];
        var refused = await citizen.PostFormAsync("/hoi-dap/tra-cuu?handler=Provide", new() { ["Code"] = code, ["Secret"] = secret, ["Text"] = text }, "/hoi-dap/tra-cuu");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Thông tin bổ sung không được dài quá 10.000 ký tự.", html);
        Assert.Contains(text, html);
        using (var scope = factory.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync();
            Assert.Equal(CaseStatus.NeedsInformation, stored.Status);
            Assert.DoesNotContain("Lê Văn Tám", stored.Content);
        }
    }

    [Fact]
    public async Task An_over_long_index_description_is_refused_with_the_text_kept()
    {
        using var factory = new PortalFactory();
        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var body = "<p>" + string.Concat(Enumerable.Repeat(HundredThousand, 3)) + "</p>";
        var response = await admin.PostFormAsync("/quan-tri/chi-so/PAR_INDEX", new() { ["DescriptionHtml"] = body });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nội dung giới thiệu không được dài quá 200.000 ký tự.", html);
        Assert.Contains(HundredThousand, html);
    }

    [Fact]
    public async Task An_over_long_moderation_note_or_job_title_is_refused_and_the_case_stays_where_it_was()
    {
        using var factory = new PortalFactory();
        var submitted = await factory.Anonymous().PostQuestionAsync(Question());
        var code = Regex.Match(await submitted.Content.ReadAsStringAsync(), @"HD-\d{4}-\d{6}").Value;
        await factory.EnsureUserAsync("kiemduyet@test.local", "Staff!Passw0rd#2026", PortalRoles.Moderator);
        var moderator = await factory.SignedInAsync("kiemduyet@test.local", "Staff!Passw0rd#2026");
        int caseId;
        using (var scope = factory.Services.CreateScope())
            caseId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == code)).Id;

        var note = string.Concat(Enumerable.Repeat("lý do ", 1000));
        var refused = await moderator.PostFormAsync($"/quan-tri/hoi-dap/{caseId}", new() { ["Input.Action"] = "Accept", ["Input.Note"] = note });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Ghi chú, lý do không được dài quá 4.000 ký tự.", html);
        Assert.Contains(note, html);
        using (var scope = factory.Services.CreateScope())
            Assert.Equal(CaseStatus.Submitted, (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Id == caseId)).Status);

        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        string userId;
        using (var scope = factory.Services.CreateScope())
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("kiemduyet@test.local"))!.Id;
        var title = HundredThousand[..300];
        var profile = await admin.PostFormAsync($"/quan-tri/nguoi-dung/{userId}?handler=Profile", new() { ["JobTitle"] = title });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, profile.StatusCode);
        var profileHtml = WebUtility.HtmlDecode(await profile.Content.ReadAsStringAsync());
        Assert.Contains("Chức vụ không được dài quá 200 ký tự.", profileHtml);
        Assert.Contains(title, profileHtml);
    }
}
