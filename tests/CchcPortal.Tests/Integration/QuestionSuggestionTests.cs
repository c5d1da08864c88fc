using System.Net;
using System.Text.Json.Nodes;
using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public class QuestionSuggestionTests
{
    private static async Task SeedAsync(PortalFactory factory)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        var agency = await db.Agencies.SingleAsync(a => a.Slug == "so-tu-phap");
        var at = new DateTime(2026, 10, 5, 2, 0, 0, DateTimeKind.Utc);
        QuestionCase Case(string code, string title, string question, bool published, int days) => new()
        {
            Code = code, SecretHash = "x", Kind = CaseKind.Question, AgencyId = agency.Id, Title = title, Content = question,
            PublicContent = question, SubmitterName = "Hoàng Thị Riêng Tư", SubmitterPhone = "0977 123 456",
            SubmitterEmail = "riengtu@example.vn", SubmitterArea = "Xã Ea Kao", Status = CaseStatus.Answered, IsPublished = published,
            SubmittedAt = at.AddDays(-days - 5), AnsweredAt = at.AddDays(-days), ModerationDue = DateOnly.FromDateTime(at),
            AnswerHtml = "<p>Trả lời.</p>", SignedBy = "Giám đốc",
        };
        db.QuestionCases.AddRange(
            Case("HD-2026-000101", "Đăng ký khai sinh cho con sinh ở bệnh viện", "Cần mang giấy chứng sinh không?", true, 3),
            Case("HD-2026-000102", "Cấp lại giấy khai sinh bị mất", "Bản chính bị thất lạc.", true, 10),
            Case("HD-2026-000103", "Lệ phí cấp phép xây dựng", "Tôi muốn hỏi khai sinh cho con sau khi chuyển nhà.", true, 1),
            Case("HD-2026-000104", "Khai sinh cho con chưa công bố", "Chưa công bố nên không được gợi ý.", false, 2));
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Suggestions_match_with_or_without_diacritics_rank_titles_first_and_carry_no_personal_data()
    {
        using var factory = new PortalFactory();
        await SeedAsync(factory);
        var client = factory.Anonymous();

        var withMarks = await client.GetStringAsync("/hoi-dap/goi-y?q=" + Uri.EscapeDataString("Đăng ký khai sinh cho con"));
        var withoutMarks = await client.GetStringAsync("/hoi-dap/goi-y?q=dang+ky+khai+sinh+cho+con");
        Assert.Equal(withMarks, withoutMarks);
        var items = JsonNode.Parse(withMarks)!.AsArray();
        Assert.Equal(["HD-2026-000101", "HD-2026-000102", "HD-2026-000103"], items.Select(i => ((string)i!["url"]!).Split('/')[^1]));
        var first = items[0]!.AsObject();
        Assert.Equal(["title", "url", "answeredAt", "agency"], first.Select(p => p.Key));
        Assert.Equal("Đăng ký khai sinh cho con sinh ở bệnh viện", (string)first["title"]!);
        Assert.Equal("/hoi-dap/cau-hoi/HD-2026-000101", (string)first["url"]!);
        Assert.Equal("02/10/2026", (string)first["answeredAt"]!);
        Assert.Equal("Sở Tư pháp tỉnh Đắk Lắk", (string)first["agency"]!);
        var values = string.Join(" | ", items.SelectMany(i => i!.AsObject().Select(p => (string)p.Value!)));
        foreach (var personal in new[] { "Riêng Tư", "0977", "riengtu@", "Ea Kao", "chưa công bố", "Cần mang giấy" })
            Assert.DoesNotContain(personal, values, StringComparison.OrdinalIgnoreCase);

        Assert.Equal("[]", await client.GetStringAsync("/hoi-dap/goi-y?q=ab"));
        Assert.Equal("[]", await client.GetStringAsync("/hoi-dap/goi-y?q=" + Uri.EscapeDataString("đổi bằng lái xe máy")));
    }

    [Fact]
    public async Task The_suggestion_endpoint_is_rate_limited_per_address()
    {
        using var factory = new PortalFactory();
        var client = factory.Anonymous();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 61; i++) last = await client.GetAsync($"/hoi-dap/goi-y?q=khai+sinh+{i}");
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.Contains("quá nhiều yêu cầu", (string)JsonNode.Parse(await last.Content.ReadAsStringAsync())!["error"]!);
    }
}
