using System.Net;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>Creating an account sets its agency and title in the same form; the user list shows both.</summary>
public class UserCreationTests
{
    private const string Create = "/quan-tri/nguoi-dung/tao-moi";

    [Fact]
    public async Task A_responder_needs_an_agency_and_is_created_with_agency_and_title_in_one_form()
    {
        using var f = new PortalFactory();
        int tuPhap;
        string agencyName;
        using (var scope = f.Services.CreateScope())
        {
            var agency = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.SingleAsync(a => a.Slug == "so-tu-phap");
            (tuPhap, agencyName) = (agency.Id, agency.Name);
        }
        var admin = await f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        Assert.Contains($"<option value=\"{tuPhap}\">{agencyName}</option>", WebUtility.HtmlDecode(await admin.GetStringAsync(Create)));

        Dictionary<string, string> Form(string agencyId) => new()
        {
            ["Email"] = "canbo.tp@test.local", ["FullName"] = "Lê Thị Mai", ["Password"] = "L3!Thi#Mai2026x",
            ["Roles"] = PortalRoles.AgencyResponder, ["AgencyId"] = agencyId, ["JobTitle"] = "Phó Chánh Văn phòng",
        };

        var refused = await admin.PostFormAsync(Create, Form(""));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Cán bộ trả lời và thủ trưởng cơ quan phải thuộc một cơ quan: vui lòng chọn cơ quan.", html);
        Assert.Contains("value=\"Lê Thị Mai\"", html);
        Assert.Contains("value=\"Phó Chánh Văn phòng\"", html);
        Assert.Contains($"value=\"{PortalRoles.AgencyResponder}\" checked=\"checked\"", html);

        var unknown = await admin.PostFormAsync(Create, Form("999999"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Cơ quan đã chọn không có trong danh sách", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync(Create, Form(tuPhap.ToString()))).StatusCode);
        using (var scope = f.Services.CreateScope())
        {
            var user = await scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>().FindByEmailAsync("canbo.tp@test.local");
            Assert.Equal(tuPhap, user!.AgencyId);
            Assert.Equal("Phó Chánh Văn phòng", user.JobTitle);
        }
        var list = WebUtility.HtmlDecode(await admin.GetStringAsync("/quan-tri/nguoi-dung"));
        Assert.Contains($"<td data-label=\"Cơ quan\">{agencyName}</td>", list);
        Assert.Contains("<td data-label=\"Chức vụ\">Phó Chánh Văn phòng</td>", list);
    }

    [Fact]
    public async Task Editing_never_leaves_a_responder_or_head_without_an_agency()
    {
        using var f = new PortalFactory();
        int tuPhap;
        using (var scope = f.Services.CreateScope())
            tuPhap = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.SingleAsync(a => a.Slug == "so-tu-phap")).Id;
        await f.EnsureUserAsync("tp@test.local", "Tp!Staff#2026x", PortalRoles.AgencyResponder);
        await f.EnsureUserAsync("bt@test.local", "Bt!Staff#2026x", PortalRoles.Editor);
        string responderId, editorId;
        using (var scope = f.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            var responder = (await users.FindByEmailAsync("tp@test.local"))!;
            responder.AgencyId = tuPhap;
            await users.UpdateAsync(responder);
            (responderId, editorId) = (responder.Id, (await users.FindByEmailAsync("bt@test.local"))!.Id);
        }
        var admin = await f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var cleared = await admin.PostFormAsync($"/quan-tri/nguoi-dung/{responderId}?handler=Profile",
            new() { ["AgencyId"] = "", ["JobTitle"] = "Chuyên viên" }, $"/quan-tri/nguoi-dung/{responderId}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, cleared.StatusCode);
        Assert.Contains("Cán bộ trả lời và thủ trưởng cơ quan phải thuộc một cơ quan", WebUtility.HtmlDecode(await cleared.Content.ReadAsStringAsync()));

        var promoted = await admin.PostFormAsync($"/quan-tri/nguoi-dung/{editorId}?handler=Roles",
            new() { ["Roles"] = PortalRoles.AgencyHead }, $"/quan-tri/nguoi-dung/{editorId}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, promoted.StatusCode);
        Assert.Contains("Lưu cơ quan trước, rồi giao vai trò.", WebUtility.HtmlDecode(await promoted.Content.ReadAsStringAsync()));

        using (var scope = f.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.Equal(tuPhap, (await users.FindByEmailAsync("tp@test.local"))!.AgencyId);
            var editor = (await users.FindByEmailAsync("bt@test.local"))!;
            Assert.Equal([PortalRoles.Editor], await users.GetRolesAsync(editor));
        }
    }
}
