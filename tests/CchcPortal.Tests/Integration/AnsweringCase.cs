using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>A submitted question taken to Drafting at Sở Tư pháp, with its responder and head signed in.</summary>
public sealed record AnsweringCase(int Id, string Code, string Secret, HttpClient Responder, HttpClient Head)
{
    public static async Task<AnsweringCase> StartAsync(PortalFactory f, Dictionary<string, string>? extraFields = null)
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Hồ sơ cấp phiếu lý lịch tư pháp cần những gì",
            ["Input.Content"] = "Xin hỏi làm phiếu lý lịch tư pháp số 1 cần giấy tờ gì và nộp ở đâu, mất bao lâu?",
            ["Input.Name"] = "Nguyễn Thị Lan", ["Input.Email"] = "lan@example.vn", ["Input.ConsentToPublish"] = "true",
        };
        foreach (var (key, value) in extraFields ?? []) fields[key] = value;
        var html = await (await f.Anonymous().PostQuestionAsync(fields)).Content.ReadAsStringAsync();
        var code = Regex.Match(html, @"HD-\d{4}-\d{6}").Value;
        var secret = Regex.Match(html, @"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>").Groups[1].Value;
        int caseId, tuPhap;
        using (var scope = f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            caseId = (await db.QuestionCases.SingleAsync(c => c.Code == code)).Id;
            tuPhap = (await db.Agencies.SingleAsync(a => a.Slug == "so-tu-phap")).Id;
        }
        var moderator = await f.StaffAsync("kd@test.local", PortalRoles.Moderator);
        var responder = await f.StaffAsync("cb@test.local", PortalRoles.AgencyResponder, tuPhap);
        var head = await f.StaffAsync("gd@test.local", PortalRoles.AgencyHead, tuPhap);
        var started = new AnsweringCase(caseId, code, secret, responder, head);
        Assert.Equal(HttpStatusCode.Redirect, (await started.ActAsync(moderator, new() { ["Input.Action"] = "Accept" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await started.ActAsync(moderator, new() { ["Input.Action"] = "Assign", ["Input.AgencyId"] = tuPhap.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await started.ActAsync(responder, new() { ["Input.Action"] = "StartDrafting" })).StatusCode);
        return started;
    }

    public string Page => $"/quan-tri/hoi-dap/{Id}";

    // The token comes from a page that always has a form (a finished case page has no action forms left).
    public Task<HttpResponseMessage> ActAsync(HttpClient client, Dictionary<string, string> fields) =>
        client.PostFormAsync(Page, fields, "/quan-tri/doi-mat-khau");
}
