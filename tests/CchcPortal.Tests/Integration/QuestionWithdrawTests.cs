using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>Withdrawing from the tracking page: a confirmation first, the reason in the history, the status as a badge.</summary>
public class QuestionWithdrawTests
{
    private const string Track = "/hoi-dap/tra-cuu";

    private static async Task<(string Code, string Secret, int Id)> SubmitAsync(PortalFactory factory, HttpClient citizen)
    {
        var html = await (await citizen.PostQuestionAsync(new()
        {
            ["Input.Kind"] = "Question", ["Input.Title"] = "Hỏi về thời hạn cấp lại giấy phép lái xe",
            ["Input.Content"] = "Xin hỏi giấy phép lái xe hết hạn hai tháng thì thủ tục cấp lại cần những giấy tờ gì?",
            ["Input.Name"] = "Lê Thị Hoa", ["Input.Email"] = "hoa@example.vn",
        })).Content.ReadAsStringAsync();
        var code = Regex.Match(html, @"HD-\d{4}-\d{6}").Value;
        var secret = Regex.Match(html, @"Mã bí mật: <strong class=""big-number"">([0-9a-f]{16})</strong>").Groups[1].Value;
        using var scope = factory.Services.CreateScope();
        return (code, secret, (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == code)).Id);
    }

    private static async Task<QuestionCase> StoredAsync(PortalFactory factory, int id)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.Include(c => c.Events).AsNoTracking().SingleAsync(c => c.Id == id);
    }

    private static async Task<HttpClient> ModeratorAsync(PortalFactory factory)
    {
        await factory.EnsureUserAsync("kd.rut@test.local", "Staff!Passw0rd#2026", PortalRoles.Moderator);
        return await factory.SignedInAsync("kd.rut@test.local", "Staff!Passw0rd#2026");
    }

    [Fact]
    public async Task Rut_ho_so_first_asks_for_confirmation_and_changes_nothing()
    {
        using var factory = new PortalFactory();
        var citizen = factory.Anonymous();
        var (code, secret, id) = await SubmitAsync(factory, citizen);

        var response = await citizen.PostFormAsync($"{Track}?handler=Withdraw", new() { ["Code"] = code, ["Secret"] = secret }, Track);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var form = page.QuerySelector("form.confirm-box")!;
        Assert.Contains("handler=ConfirmWithdraw", form.GetAttribute("action"));
        Assert.NotNull(form.QuerySelector("textarea[name=Text][maxlength]"));
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        Assert.Equal(["Xác nhận rút hồ sơ", "Không rút"], form.QuerySelectorAll("button").Select(b => b.TextContent.Trim()));
        var stored = await StoredAsync(factory, id);
        Assert.Equal(CaseStatus.Submitted, stored.Status);
        Assert.DoesNotContain(stored.Events, e => e.ToStatus == CaseStatus.Withdrawn);
    }

    [Fact]
    public async Task Confirming_with_a_reason_withdraws_and_the_reason_shows_in_both_histories()
    {
        using var factory = new PortalFactory();
        var citizen = factory.Anonymous();
        var (code, secret, id) = await SubmitAsync(factory, citizen);
        var moderator = await ModeratorAsync(factory);
        await moderator.PostFormAsync($"/quan-tri/hoi-dap/{id}", new() { ["Input.Action"] = "Accept" }, "/quan-tri/doi-mat-khau");
        Assert.Equal(CaseStatus.Accepted, (await StoredAsync(factory, id)).Status);

        var response = await citizen.PostFormAsync($"{Track}?handler=ConfirmWithdraw",
            new() { ["Code"] = code, ["Secret"] = secret, ["Text"] = "Tôi đã được <b>giải đáp</b> trực tiếp tại bộ phận một cửa." }, Track);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("&lt;b&gt;", raw);
        Assert.DoesNotContain("<b>", raw);
        var page = new HtmlParser().ParseDocument(raw);
        var steps = page.QuerySelectorAll("ol.case-history li").Select(li => Regex.Replace(li.TextContent, @"\s+", " ").Trim()).ToList();
        Assert.Collection(steps,
            s => Assert.EndsWith("· Người gửi · Gửi → Đã gửi, chờ tiếp nhận", s),
            s => Assert.EndsWith("· Bộ phận tiếp nhận · Tiếp nhận → Đã tiếp nhận", s),
            s => Assert.EndsWith("· Người gửi · Rút hồ sơ → Người gửi đã rút: Tôi đã được <b>giải đáp</b> trực tiếp tại bộ phận một cửa.", s));
        Assert.DoesNotContain("Biên tập viên Thử nghiệm", page.Body!.TextContent); // the moderator's own name stays internal
        var badge = page.QuerySelector("span.badge-status")!;
        Assert.Contains("badge-withdrawn", badge.ClassList);
        Assert.Equal("Người gửi đã rút", badge.TextContent);
        Assert.Null(page.QuerySelector("form.confirm-box"));

        var stored = await StoredAsync(factory, id);
        Assert.Equal(CaseStatus.Withdrawn, stored.Status);
        Assert.Equal("Tôi đã được <b>giải đáp</b> trực tiếp tại bộ phận một cửa.", stored.Events.Single(e => e.ToStatus == CaseStatus.Withdrawn).Note);
        var staff = new HtmlParser().ParseDocument(await moderator.GetStringAsync($"/quan-tri/hoi-dap/{id}"));
        Assert.Contains(staff.QuerySelectorAll("ol.case-history li"), li => li.TextContent.Contains("Người gửi · Rút hồ sơ → Người gửi đã rút: Tôi đã được <b>giải đáp</b>"));
        Assert.Contains("badge-withdrawn", staff.QuerySelector("span.badge-status")!.ClassList);
    }

    [Fact]
    public async Task A_wrong_secret_on_the_confirming_post_is_refused()
    {
        using var factory = new PortalFactory();
        var citizen = factory.Anonymous();
        var (code, _, id) = await SubmitAsync(factory, citizen);

        var response = await citizen.PostFormAsync($"{Track}?handler=ConfirmWithdraw", new() { ["Code"] = code, ["Secret"] = "0123456789abcdef", ["Text"] = "Rút" }, Track);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Mã hồ sơ hoặc mã bí mật không đúng", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
        Assert.Equal(CaseStatus.Submitted, (await StoredAsync(factory, id)).Status);
    }

    [Fact]
    public async Task A_too_long_reason_asks_again_and_keeps_what_was_typed()
    {
        using var factory = new PortalFactory();
        var citizen = factory.Anonymous();
        var (code, secret, id) = await SubmitAsync(factory, citizen);
        var reason = string.Concat(Enumerable.Repeat("Lý do rút ", 150));

        var response = await citizen.PostFormAsync($"{Track}?handler=ConfirmWithdraw", new() { ["Code"] = code, ["Secret"] = secret, ["Text"] = reason }, Track);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Contains("Lý do rút không được dài quá", page.Body!.TextContent);
        Assert.Equal(reason.Trim(), page.QuerySelector("form.confirm-box textarea[name=Text]")!.TextContent.Trim());
        Assert.Equal(CaseStatus.Submitted, (await StoredAsync(factory, id)).Status);
    }
}
