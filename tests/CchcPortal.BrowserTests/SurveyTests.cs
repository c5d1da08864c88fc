using CchcPortal.BrowserTests.Support;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Procedures;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace CchcPortal.BrowserTests;

/// <summary>
/// On a phone: a citizen goes from a procedure page to the survey, rates the agency with a comment and is thanked; the
/// agency's results count the response but not the comment until a moderator approves it in the manager.
/// </summary>
[Collection(BrowserCollection.Name)]
public class SurveyTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_citizen_rates_an_agency_from_a_procedure_page_and_the_comment_shows_after_moderation()
    {
        var (agencyId, agencyName) = await fixture.AgencyAsync("trung-tam-phuc-vu-hanh-chinh-cong-tinh");
        using (var scope = fixture.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var procedure = new Procedure { Code = "1.008888.000.00.00.H19", Name = "Cấp bản sao trích lục hộ tịch (khảo sát)", Slug = "cap-ban-sao-trich-luc-ho-tich-khao-sat", Field = "Hộ tịch", UpdatedAt = DateTime.UtcNow };
            procedure.AgencyLinks.Add(new ProcedureAgencyLink { AgencyId = agencyId });
            db.Procedures.Add(procedure);
            await db.SaveChangesAsync();
        }
        const string comment = "Cán bộ hướng dẫn tận tình, chờ hơi lâu";
        var page = await fixture.NewPageAsync(390, 844);
        await page.GotoAsync("/thu-tuc-hanh-chinh/cap-ban-sao-trich-luc-ho-tich-khao-sat");
        await page.GetByRole(AriaRole.Link, new() { Name = "Đánh giá sự hài lòng" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Đánh giá sự hài lòng" }).WaitForAsync();
        Assert.Equal(agencyId.ToString(), await page.Locator("#Input_AgencyId").InputValueAsync());
        // Phone first: nothing wider than the screen.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));

        await page.GetByRole(AriaRole.Group, new() { Name = "Bạn đã thực hiện bằng cách nào?" }).GetByLabel("Trực tiếp").CheckAsync();
        foreach (var (group, level) in new[] { ("Tiếp cận dịch vụ", "Rất hài lòng"), ("Thủ tục hành chính", "Hài lòng"), ("Công chức trực tiếp giải quyết", "Rất hài lòng"), ("Kết quả giải quyết", "Hài lòng"), ("Tiếp nhận, xử lý góp ý", "Bình thường") })
            await page.Locator("fieldset", new() { Has = page.Locator("legend", new() { HasText = group }) }).GetByLabel(level, new() { Exact = true }).CheckAsync();
        await page.FillAsync("#Input_Comment", comment);
        await page.GetByRole(AriaRole.Button, new() { Name = "Gửi đánh giá" }).ClickAsync();
        await page.Locator("h1", new() { HasText = "Cảm ơn bạn đã đánh giá" }).WaitForAsync(new() { Timeout = 30_000 });

        await page.GetByRole(AriaRole.Link, new() { Name = $"Xem kết quả đánh giá của {agencyName}" }).ClickAsync();
        var results = page.Locator("main");
        Assert.Contains("1 phiếu được tính", await results.InnerTextAsync());
        Assert.DoesNotContain(comment, await results.InnerTextAsync());
        var resultsUrl = page.Url;

        var moderator = await fixture.EnsureStaffAsync(new StaffUser("survey-moderator@browser.local", PortalRoles.Moderator, "Kiểm duyệt viên Khảo sát"));
        var staff = await fixture.SignedInPageAsync(moderator);
        await staff.GotoAsync("/quan-tri/danh-gia-hai-long");
        await staff.Locator("tr", new() { HasText = comment }).GetByRole(AriaRole.Button, new() { Name = "Duyệt", Exact = true }).ClickAsync();
        await staff.Locator("text=Đã duyệt góp ý").WaitForAsync();

        await page.GotoAsync(resultsUrl);
        Assert.Contains(comment, await page.Locator("main").InnerTextAsync());
    }
}
