using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CchcPortal.Core.Contests;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Contests;

/// <summary>The organisers' side: the question bank import, the ranking and its tie-breaks, the public winners page.</summary>
public sealed class ContestOrganiserTests : IClassFixture<ContestOrganiserTests.Portal>
{
    public sealed class Portal : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private readonly PortalFactory _f;
    public ContestOrganiserTests(Portal portal) => _f = portal.Factory;

    private async Task<Contest> NewContestAsync(string slug, DateTime endsAt)
    {
        using var scope = _f.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var now = _f.Clock.GetUtcNow().UtcDateTime;
        var contest = new Contest
        {
            Title = "Cuộc thi kiểm thử " + slug, Slug = slug, StartsAt = now.AddDays(-10), EndsAt = endsAt, QuestionsPerAttempt = 10, TimeLimitMinutes = 10,
            IsPublished = true, RequirePhone = true, CreatedAt = now, UpdatedAt = now,
        };
        db.Add(contest);
        await db.SaveChangesAsync();
        return contest;
    }

    private static HttpContent Upload(string csv)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "Upload", "cau-hoi.csv" } };
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient admin, int contestId, string csv)
    {
        var page = $"/quan-tri/cuoc-thi/{contestId}/cau-hoi";
        var content = (MultipartFormDataContent)Upload(csv);
        content.Add(new StringContent(await admin.AntiforgeryTokenAsync(page)), "__RequestVerificationToken");
        return await admin.PostAsync(page + "?handler=Import", content);
    }

    [Fact]
    public async Task An_import_with_a_bad_row_changes_nothing_and_lists_the_rows_then_a_good_file_adds_every_question()
    {
        var contest = await NewContestAsync("nhap-cau-hoi", _f.Clock.GetUtcNow().UtcDateTime.AddDays(5));
        var admin = await _f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        const string header = "Câu hỏi,Phương án A,Phương án B,Phương án C,Phương án D,Đáp án đúng,Căn cứ pháp lý\n";
        const string good = "Nghị định nào quy định về cơ chế một cửa?,Nghị định 61/2018/NĐ-CP,Nghị định 63/2010/NĐ-CP,Nghị định 20/2008/NĐ-CP,Nghị định 45/2020/NĐ-CP,A,Nghị định 61/2018/NĐ-CP\n";
        var bad = header + good +
            "Câu thiếu phương án,Một,Hai,,Bốn,B,Nguồn\n" +
            "Câu có đáp án lạ,Một,Hai,Ba,Bốn,E,Nguồn\n";
        var refused = await ImportAsync(admin, contest.Id, bad);
        var html = await refused.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("chưa có thay đổi nào được ghi", html);
        Assert.Contains("<td>3</td><td>Phương án C</td><td>Thiếu phương án c.</td>", html);
        Assert.Contains("<td>4</td><td>Đáp án đúng</td><td>Đáp án đúng phải là một trong A, B, C, D.</td>", html);
        Assert.Equal(0, await _f.WithDbAsync(db => db.Set<ContestQuestion>().CountAsync(q => q.ContestId == contest.Id)));

        var accepted = await ImportAsync(admin, contest.Id, header + good + good.Replace("cơ chế một cửa", "cơ chế một cửa liên thông"));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Contains("Đã nhập 2 câu hỏi.", await accepted.Content.ReadAsStringAsync());
        Assert.Equal(2, await _f.WithDbAsync(db => db.Set<ContestQuestion>().CountAsync(q => q.ContestId == contest.Id)));

        // The downloadable template is itself a valid file.
        var template = await admin.GetAsync($"/quan-tri/cuoc-thi/{contest.Id}/cau-hoi?handler=Template");
        Assert.Equal(HttpStatusCode.OK, template.StatusCode);
        using var scope = _f.Services.CreateScope();
        var report = await scope.ServiceProvider.GetRequiredService<ContestService>().ImportQuestionsAsync(contest.Id, await template.Content.ReadAsByteArrayAsync());
        Assert.True(report.Succeeded, report.FileError ?? string.Join("; ", report.Issues.Select(i => i.Message)));
        Assert.Equal(1, report.Added);
        // Citizens and other staff never reach the bank.
        Assert.Equal(HttpStatusCode.Redirect, (await _f.Anonymous().GetAsync($"/quan-tri/cuoc-thi/{contest.Id}/cau-hoi")).StatusCode);
        var editor = await _f.EditorAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await editor.GetAsync($"/quan-tri/cuoc-thi/{contest.Id}/cau-hoi")).StatusCode);
    }

    [Fact]
    public async Task The_ranking_orders_by_score_then_time_then_guess_distance_then_submission_and_the_winners_page_shows_no_phone()
    {
        var now = _f.Clock.GetUtcNow().UtcDateTime;
        var contest = await NewContestAsync("xep-hang", now.AddMinutes(30));
        // name, guess, score, seconds taken, submitted minutes ago. Four take part, so a guess of 4 is exact.
        var rows = new (string Name, int Guess, int Score, int Seconds, int Ago)[]
        {
            ("Lê Văn Chậm", 4, 9, 300, 50),      // 9 points but slower than Nhanh: 2nd
            ("Trần Thị Nhanh", 100, 9, 200, 40), // 9 points fastest: 1st
            ("Phạm Gần Đúng", 5, 7, 250, 30),    // 7 points, 250 s, guess off by 1: 3rd
            ("Hoàng Xa Hơn", 9, 7, 250, 60),     // same score and time, guess off by 5: 4th even though earlier
        };
        using (var scope = _f.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var n = 0;
            foreach (var r in rows)
            {
                var p = new ContestParticipant { ContestId = contest.Id, PersonKey = $"phone:09120009{n:00}", DeviceId = $"d{n}", Name = r.Name, Phone = $"09120009{n:00}", Unit = $"Đơn vị {r.Name}", Commune = "Xã Hòa Thắng", TieBreakGuess = r.Guess, RegisteredAt = now.AddHours(-2) };
                db.Add(p);
                await db.SaveChangesAsync();
                db.Add(new ContestAttempt { ContestId = contest.Id, ParticipantId = p.Id, Number = 1, Token = $"xephang{n++}", QuestionIds = "1,2,3,4,5,6,7,8,9,10", StartedAt = now.AddMinutes(-r.Ago).AddSeconds(-r.Seconds), Deadline = now.AddMinutes(-r.Ago + 5), SubmittedAt = now.AddMinutes(-r.Ago), Score = r.Score, TimeTakenMs = r.Seconds * 1000L });
                // A weaker second attempt never lowers the place.
                db.Add(new ContestAttempt { ContestId = contest.Id, ParticipantId = p.Id, Number = 2, Token = $"xephang{n++}", QuestionIds = "1,2", StartedAt = now.AddMinutes(-20), Deadline = now.AddMinutes(-10), SubmittedAt = now.AddMinutes(-15), Score = 1, TimeTakenMs = 10_000 });
                await db.SaveChangesAsync();
            }
        }
        var admin = await _f.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var page = await admin.GetStringAsync($"/quan-tri/cuoc-thi/{contest.Id}/ket-qua");
        var ranking = page[page.IndexOf("id=\"xep-hang\"", StringComparison.Ordinal)..];
        var order = new[] { "Trần Thị Nhanh", "Lê Văn Chậm", "Phạm Gần Đúng", "Hoàng Xa Hơn" }.Select(name => ranking.IndexOf(name, StringComparison.Ordinal)).ToList();
        Assert.All(order, i => Assert.True(i > 0));
        Assert.Equal(order.Order(), order);
        Assert.Equal(1, await _f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "contest.personal-data-viewed" && a.Target == $"contest:{contest.Id}")));

        // Before the end the public page names nobody; after it, name and unit, never phone or commune.
        var before = await _f.Anonymous().GetStringAsync($"/cuoc-thi/{contest.Slug}/xep-hang");
        Assert.DoesNotContain("Trần Thị Nhanh", before);
        _f.Clock.Advance(TimeSpan.FromMinutes(31));
        var winners = await _f.Anonymous().GetStringAsync($"/cuoc-thi/{contest.Slug}/xep-hang");
        Assert.Contains("Trần Thị Nhanh", winners);
        Assert.Contains("Đơn vị Trần Thị Nhanh", winners);
        Assert.True(winners.IndexOf("Trần Thị Nhanh", StringComparison.Ordinal) < winners.IndexOf("Hoàng Xa Hơn", StringComparison.Ordinal));
        Assert.DoesNotContain("0912000", winners);
        Assert.DoesNotContain("Hòa Thắng", winners);

        var export = await admin.GetAsync($"/quan-tri/cuoc-thi/{contest.Id}/ket-qua?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        using var book = new ClosedXML.Excel.XLWorkbook(new MemoryStream(await export.Content.ReadAsByteArrayAsync()));
        Assert.Equal("Trần Thị Nhanh", book.Worksheets.First().Cell(2, 2).GetString());
        Assert.Equal("0912000902", book.Worksheets.First().Cell(2, 3).GetString());
        Assert.Equal(1, await _f.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "export" && a.Target == $"contest:{contest.Id}")));
    }
}
