using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Questions;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>The programme "Dân hỏi – Thủ trưởng trả lời": episodes in the manager, on the public pages, and the cases answered on air.</summary>
public class ProgrammeEpisodeTests
{
    private const string Manage = "/quan-tri/hoi-dap/chuong-trinh";

    private static async Task<HttpClient> AdminAsync(PortalFactory f) => await f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

    private static async Task<int> CreateAsync(HttpClient admin, string topic, string participants = "", string video = "", string date = "2026-11-20")
    {
        var response = await admin.PostFormAsync($"{Manage}/sua?handler=Save", new()
        {
            ["Input.AiredOn"] = date, ["Input.Topic"] = topic, ["Input.Participants"] = participants, ["Input.VideoUrl"] = video,
            ["Input.SummaryHtml"] = "<p>Trao đổi về thủ tục đất đai.</p><script>alert(1)</script>",
        }, $"{Manage}/sua");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(Regex.Match(response.Headers.Location!.ToString(), @"/sua/(\d+)").Groups[1].Value);
    }

    private static async Task<HttpResponseMessage> ActAsync(HttpClient admin, int id, string handler, Dictionary<string, string>? fields = null) =>
        await admin.PostFormAsync($"{Manage}/sua/{id}?handler={handler}", fields ?? new(), $"{Manage}/sua/{id}");

    private static async Task<string> PublicAsync(HttpClient client, string url) => WebUtility.HtmlDecode(await client.GetStringAsync(url));

    /// <summary>An answered case straight in the database, with the submitter's personal data.</summary>
    private static async Task AnsweredCaseAsync(PortalFactory f, string code, string title, bool published, string name, string phone, string email,
        CaseStatus status = CaseStatus.Answered)
    {
        using var scope = f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var agency = await db.Agencies.FirstAsync(a => a.Slug == "so-tu-phap");
        db.QuestionCases.Add(new QuestionCase
        {
            Code = code, SecretHash = "x", Kind = CaseKind.Question, AgencyId = agency.Id, Title = title, Content = $"Tôi là {name}, điện thoại {phone}.",
            PublicContent = "Xin hỏi về thủ tục.", SubmitterName = name, SubmitterPhone = phone, SubmitterEmail = email, SubmitterArea = "Phường Tân Lập",
            ConsentToPublish = published, IsPublished = published, Channel = "tv-program", Status = status,
            SubmittedAt = new DateTime(2026, 11, 10, 2, 0, 0, DateTimeKind.Utc), ModerationDue = new DateOnly(2026, 11, 11),
            AnsweredAt = status == CaseStatus.Answered ? new DateTime(2026, 11, 20, 13, 0, 0, DateTimeKind.Utc) : null,
            AnswerHtml = "<p>Trả lời trên sóng truyền hình.</p>", SignedBy = "Giám đốc Trần Văn Giám, Sở Tư pháp tỉnh Đắk Lắk",
        });
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Created_in_the_manager_then_published_the_episode_is_listed_publicly_with_its_participants()
    {
        using var factory = new PortalFactory();
        var admin = await AdminAsync(factory);
        var visitor = factory.Anonymous();
        Assert.Contains("Chưa có số chương trình nào", await PublicAsync(visitor, "/hoi-dap/chuong-trinh"));

        var id = await CreateAsync(admin, "Cấp giấy chứng nhận quyền sử dụng đất lần đầu",
            "Giám đốc Sở Nông nghiệp và Môi trường Nguyễn Văn Bình\n\n  Chủ tịch UBND phường Tân Lập   Lê Thị Hoa ", "https://www.youtube.com/watch?v=dQw4w9WgXcQ");
        var path = $"/hoi-dap/chuong-trinh/{id}/cap-giay-chung-nhan-quyen-su-dung-dat-lan-dau";

        // Not yet published: not listed, and its page does not exist for the public.
        Assert.DoesNotContain("Cấp giấy chứng nhận quyền sử dụng đất", await PublicAsync(visitor, "/hoi-dap/chuong-trinh"));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path)).StatusCode);
        Assert.Contains("Chưa công bố", await PublicAsync(admin, Manage));

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Publish")).StatusCode);
        var list = await PublicAsync(visitor, "/hoi-dap/chuong-trinh");
        Assert.Contains($"href=\"{path}\"", list);
        Assert.Contains("Phát sóng ngày 20/11/2026", list);
        Assert.Contains("Giám đốc Sở Nông nghiệp và Môi trường Nguyễn Văn Bình; Chủ tịch UBND phường Tân Lập Lê Thị Hoa", list);

        var page = await PublicAsync(visitor, path);
        Assert.Contains("<li>Chủ tịch UBND phường Tân Lập Lê Thị Hoa</li>", page);
        Assert.Contains("href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\"", page);
        Assert.Contains("Trao đổi về thủ tục đất đai.", page);
        Assert.DoesNotContain("alert(1)", page);
        // A wrong or missing slug redirects to the one address of the episode.
        var moved = await visitor.GetAsync($"/hoi-dap/chuong-trinh/{id}/sai");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal(path, moved.Headers.Location!.ToString());
        Assert.Contains(path, await visitor.GetStringAsync("/sitemap.xml"));

        // Withdrawn again: the cached pages are evicted and the episode is gone.
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Unpublish")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path)).StatusCode);
        Assert.DoesNotContain(path, await PublicAsync(visitor, "/hoi-dap/chuong-trinh"));
        Assert.DoesNotContain(path, await visitor.GetStringAsync("/sitemap.xml"));

        using var scope = factory.Services.CreateScope();
        var changes = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ContentChanges.CountAsync(c => c.Kind == ContentKinds.Episode && c.EntityId == id);
        Assert.Equal(3, changes); // created, published, unpublished
    }

    [Fact]
    public async Task Invalid_input_is_refused_in_Vietnamese_with_the_text_kept()
    {
        using var factory = new PortalFactory();
        var admin = await AdminAsync(factory);
        var response = await admin.PostFormAsync($"{Manage}/sua?handler=Save", new()
        {
            ["Input.AiredOn"] = "1985-01-01", ["Input.Topic"] = "Thủ tục hộ tịch", ["Input.VideoUrl"] = "javascript:alert(1)",
        }, $"{Manage}/sua");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Ngày phát sóng phải từ 01/01/2000", html);
        Assert.Contains("Đường dẫn video phải là địa chỉ web đầy đủ", html);
        Assert.Contains("value=\"Thủ tục hộ tịch\"", html);

        var unreadable = await admin.PostFormAsync($"{Manage}/sua?handler=Save", new() { ["Input.AiredOn"] = "hôm qua", ["Input.Topic"] = "Thủ tục" }, $"{Manage}/sua");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unreadable.StatusCode);
        Assert.Contains("Ngày phát sóng không hợp lệ.", WebUtility.HtmlDecode(await unreadable.Content.ReadAsStringAsync()));

        using var scope = factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ProgrammeEpisodes.AnyAsync());
    }

    [Fact]
    public async Task Only_published_answers_of_linked_cases_appear_and_never_the_submitters_personal_data()
    {
        using var factory = new PortalFactory();
        var admin = await AdminAsync(factory);
        var visitor = factory.Anonymous();
        await AnsweredCaseAsync(factory, "HD-2026-000901", "Làm lại căn cước khi đổi tên phường", true, "Đoàn Thị Mai", "0905 111 222", "mai.doan@example.vn");
        await AnsweredCaseAsync(factory, "HD-2026-000902", "Hồ sơ riêng không đồng ý công khai", false, "Võ Văn Kiệt Riêng", "0912 333 444", "kietrieng@example.vn");
        await AnsweredCaseAsync(factory, "HD-2026-000903", "Câu hỏi đang soạn trả lời", false, "Hà Văn Soạn", "0987 000 111", "soan@example.vn", CaseStatus.Drafting);
        var id = await CreateAsync(admin, "Hộ tịch và căn cước sau sắp xếp đơn vị hành chính", "Giám đốc Sở Tư pháp Trần Văn Giám");
        await ActAsync(admin, id, "Publish");

        foreach (var code in new[] { "HD-2026-000901", "hd-2026-000902 ", "HD-2026-000903" })
            Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Link", new() { ["LinkCode"] = code })).StatusCode);
        var unknown = await ActAsync(admin, id, "Link", new() { ["LinkCode"] = "HD-2026-999999" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("Không có hồ sơ mã HD-2026-999999.", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        var twice = await ActAsync(admin, id, "Link", new() { ["LinkCode"] = "HD-2026-000901" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, twice.StatusCode);

        // The manager sees all three, the private ones marked as not shown.
        var managed = await PublicAsync(admin, $"{Manage}/sua/{id}");
        Assert.Contains("Hồ sơ riêng không đồng ý công khai", managed);
        Assert.Equal(2, Regex.Matches(managed, "<td>Không hiện</td>").Count);

        var path = $"/hoi-dap/chuong-trinh/{id}/ho-tich-va-can-cuoc-sau-sap-xep-don-vi-hanh-chinh";
        var page = await PublicAsync(visitor, path);
        Assert.Contains("href=\"/hoi-dap/cau-hoi/HD-2026-000901\"", page);
        Assert.Contains("Làm lại căn cước khi đổi tên phường", page);
        Assert.DoesNotContain("HD-2026-000902", page);
        Assert.DoesNotContain("Hồ sơ riêng không đồng ý công khai", page);
        Assert.DoesNotContain("HD-2026-000903", page);

        var answer = await PublicAsync(visitor, "/hoi-dap/cau-hoi/HD-2026-000901");
        Assert.Contains("Trả lời trong chương trình", answer);
        Assert.Contains("ngày 20/11/2026: Hộ tịch và căn cước sau sắp xếp đơn vị hành chính", answer);
        Assert.Contains($"href=\"{path}\"", answer);

        var list = await PublicAsync(visitor, "/hoi-dap/chuong-trinh");
        foreach (var text in new[] { page, answer, list, await visitor.GetStringAsync("/sitemap.xml") })
            foreach (var secret in new[] { "Đoàn Thị Mai", "0905 111 222", "mai.doan@example.vn", "Võ Văn Kiệt Riêng", "0912 333 444", "kietrieng@example.vn", "Hà Văn Soạn", "soan@example.vn" })
                Assert.DoesNotContain(secret, text);

        // Unlinking takes the answer off the episode page, and the answer page no longer names the episode.
        int caseId;
        using (var scope = factory.Services.CreateScope())
            caseId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == "HD-2026-000901")).Id;
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Unlink", new() { ["caseId"] = caseId.ToString() })).StatusCode);
        Assert.DoesNotContain("HD-2026-000901", await PublicAsync(visitor, path));
        Assert.DoesNotContain("Trả lời trong chương trình", await PublicAsync(visitor, "/hoi-dap/cau-hoi/HD-2026-000901"));
    }

    [Fact]
    public async Task Deleting_needs_confirmation_and_keeps_the_linked_cases()
    {
        using var factory = new PortalFactory();
        var admin = await AdminAsync(factory);
        await AnsweredCaseAsync(factory, "HD-2026-000911", "Câu hỏi về chứng thực", true, "Ngô Thị Lan", "0905 000 999", "lan@example.vn");
        var id = await CreateAsync(admin, "Chứng thực bản sao điện tử");
        await ActAsync(admin, id, "Link", new() { ["LinkCode"] = "HD-2026-000911" });

        var unconfirmed = await ActAsync(admin, id, "Delete");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unconfirmed.StatusCode);
        Assert.Contains("Hãy đánh dấu ô xác nhận trước khi xóa.", WebUtility.HtmlDecode(await unconfirmed.Content.ReadAsStringAsync()));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(admin, id, "Delete", new() { ["ConfirmDelete"] = "true" })).StatusCode);

        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        Assert.False(await db.ProgrammeEpisodes.AnyAsync(e => e.Id == id));
        var kept = await db.QuestionCases.SingleAsync(c => c.Code == "HD-2026-000911");
        Assert.Null(kept.EpisodeId);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Manage}/sua/{id}")).StatusCode);
    }

    [Fact]
    public async Task Staff_entering_a_case_from_the_programme_attach_it_to_the_episode()
    {
        using var factory = new PortalFactory();
        var admin = await AdminAsync(factory);
        var id = await CreateAsync(admin, "Đăng ký kinh doanh hộ gia đình");
        Assert.Contains("20/11/2026 – Đăng ký kinh doanh hộ gia đình", await PublicAsync(admin, "/quan-tri/hoi-dap/nhap-ho-so"));

        async Task<QuestionCase> EnterAsync(string channel)
        {
            var response = await admin.PostFormAsync("/quan-tri/hoi-dap/nhap-ho-so", new()
            {
                ["Channel"] = channel, ["EpisodeId"] = id.ToString(), ["Input.Kind"] = "Question", ["Input.Title"] = "Hộ kinh doanh có phải khắc dấu không?",
                ["Input.Content"] = "Khán giả gọi vào chương trình hỏi hộ kinh doanh có bắt buộc khắc con dấu không.", ["Input.Name"] = "Khán giả", ["Input.Phone"] = "0905 123 456",
            });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var code = Regex.Match(await response.Content.ReadAsStringAsync(), @"HD-\d{4}-\d{6}").Value;
            using var scope = factory.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.SingleAsync(c => c.Code == code);
        }

        Assert.Equal(id, (await EnterAsync("tv-program")).EpisodeId);
        Assert.Null((await EnterAsync("phone")).EpisodeId); // the select is ignored for other channels
        var gone = await admin.PostFormAsync("/quan-tri/hoi-dap/nhap-ho-so", new()
        {
            ["Channel"] = "tv-program", ["EpisodeId"] = "99999", ["Input.Kind"] = "Question", ["Input.Title"] = "Câu hỏi thử",
            ["Input.Content"] = "Nội dung câu hỏi đủ dài để hợp lệ.", ["Input.Name"] = "Khán giả", ["Input.Phone"] = "0905 123 456",
        });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, gone.StatusCode);
        Assert.Contains("Chương trình đã chọn không còn trong danh sách.", WebUtility.HtmlDecode(await gone.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task The_programme_hotline_is_a_tel_link_or_says_it_is_not_published()
    {
        using var factory = new PortalFactory();
        var visitor = factory.Anonymous();
        // The seed carries the real number from the Đắk Lắk 2021 plan.
        Assert.Contains("<a class=\"big-number\" href=\"tel:+842628552255\">0262.8552255</a>", await PublicAsync(visitor, "/hoi-dap/chuong-trinh"));
        Assert.Contains("href=\"/hoi-dap/chuong-trinh\"", await visitor.GetStringAsync("/hoi-dap"));

        var admin = await AdminAsync(factory);
        var form = await admin.BrowserFormAsync("/quan-tri/cai-dat", "main form[method=post]");
        var bad = await admin.PostAsync("/quan-tri/cai-dat", new FormUrlEncodedContent(form.With("Input.ProgrammeHotline", "gọi Đài")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains("Đường dây nóng của chương trình:", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));

        form = await admin.BrowserFormAsync("/quan-tri/cai-dat", "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/quan-tri/cai-dat", new FormUrlEncodedContent(form.With("Input.ProgrammeHotline", "1900 5678")))).StatusCode);
        Assert.Contains("href=\"tel:19005678\"", await visitor.GetStringAsync("/hoi-dap/chuong-trinh"));

        form = await admin.BrowserFormAsync("/quan-tri/cai-dat", "main form[method=post]");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/quan-tri/cai-dat", new FormUrlEncodedContent(form.With("Input.ProgrammeHotline", "")))).StatusCode);
        var page = await PublicAsync(visitor, "/hoi-dap/chuong-trinh");
        Assert.Contains("Số đường dây nóng của chương trình: chưa công bố.", page);
        Assert.DoesNotContain("tel:19005678", page);
    }

    [Fact]
    public async Task Manager_forms_need_the_antiforgery_token_and_the_right_role()
    {
        using var factory = new PortalFactory();
        var admin = await AdminAsync(factory);
        var noToken = await admin.PostAsync($"{Manage}/sua?handler=Save", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.AiredOn"] = "2026-11-20", ["Input.Topic"] = "Không có token",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var id = await CreateAsync(admin, "Có token");
        var publishWithoutToken = await admin.PostAsync($"{Manage}/sua/{id}?handler=Publish", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.Equal(HttpStatusCode.BadRequest, publishWithoutToken.StatusCode);
        using (var scope = factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.False(await db.ProgrammeEpisodes.AnyAsync(e => e.Topic == "Không có token"));
            Assert.False((await db.ProgrammeEpisodes.SingleAsync(e => e.Id == id)).IsPublished);
        }

        // An agency responder handles its agency's cases but not the province-wide programme; an editor neither.
        await factory.EnsureUserAsync("canbo@test.local", "Staff!Passw0rd#2026", PortalRoles.AgencyResponder);
        var responder = await factory.SignedInAsync("canbo@test.local", "Staff!Passw0rd#2026");
        var denied = await responder.GetAsync(Manage);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/tai-khoan/khong-co-quyen", denied.Headers.Location!.ToString());
        var editor = await factory.EditorAsync();
        Assert.Contains("/tai-khoan/khong-co-quyen", (await editor.GetAsync($"{Manage}/sua/{id}")).Headers.Location!.ToString());
        await factory.EnsureUserAsync("kiemduyet@test.local", "Staff!Passw0rd#2026", PortalRoles.Moderator);
        var moderator = await factory.SignedInAsync("kiemduyet@test.local", "Staff!Passw0rd#2026");
        Assert.Equal(HttpStatusCode.OK, (await moderator.GetAsync(Manage)).StatusCode);
    }
}
