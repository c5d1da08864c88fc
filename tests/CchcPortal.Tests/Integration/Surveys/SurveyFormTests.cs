using System.Net;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Procedures;
using CchcPortal.Core.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Tests.Integration.Surveys;

/// <summary>The public survey form: links that carry the agency, validation, CSRF, one response per device and day, bursts.</summary>
public class SurveyFormTests(SurveyFormTests.SurveyPortal portal) : IClassFixture<SurveyFormTests.SurveyPortal>
{
    public sealed class SurveyPortal : IDisposable
    {
        public PortalFactory Factory { get; } = new(settings: new Dictionary<string, string>
        {
            ["Portal:RateLimits:PublicPostsPerMinute"] = "1000",
            ["Portal:SurveyMinimumResponses"] = "3",
            ["Portal:SurveyBurstMinimum"] = "4",
        });
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory F => portal.Factory;

    [Fact]
    public async Task Procedure_and_agency_pages_link_to_the_form_which_starts_with_their_agency_and_procedure()
    {
        const string code = "1.009999.000.00.00.H19";
        var agencyId = await F.AgencyIdAsync("so-tu-phap");
        await F.WithDbAsync(async db =>
        {
            var p = new Procedure { Code = code, Name = "Thủ tục cấp phiếu lý lịch tư pháp thử nghiệm", Slug = "cap-phieu-ly-lich-tu-phap-thu", Field = "Lý lịch tư pháp", UpdatedAt = DateTime.UtcNow };
            p.AgencyLinks.Add(new ProcedureAgencyLink { AgencyId = agencyId });
            db.Procedures.Add(p);
            return await db.SaveChangesAsync();
        });
        var citizen = F.Anonymous();
        var link = $"/danh-gia-hai-long/gui?co-quan=so-tu-phap&amp;thu-tuc={Uri.EscapeDataString(code)}";
        Assert.Contains($"href=\"{link}\"", await citizen.GetStringAsync("/thu-tuc-hanh-chinh/cap-phieu-ly-lich-tu-phap-thu"));
        Assert.Contains("href=\"/danh-gia-hai-long/gui?co-quan=so-noi-vu\"", await citizen.GetStringAsync("/co-quan/so-noi-vu"));

        var form = WebUtility.HtmlDecode(await citizen.GetStringAsync(WebUtility.HtmlDecode(link)));
        Assert.Matches($"<option value=\"{agencyId}\" selected", form);
        Assert.Contains("Thủ tục: Thủ tục cấp phiếu lý lịch tư pháp thử nghiệm (mã " + code + ")", form);
        Assert.Contains("<option value=\"Thủ tục cấp phiếu lý lịch tư pháp thử nghiệm\">", form);
        foreach (var level in new[] { "Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng" }) Assert.Contains(level, form);

        // A part of the name, without marks, picks the procedure on the server.
        Assert.Equal(HttpStatusCode.SeeOther, (await F.Anonymous().PostSurveyAsync(new(SurveyTestClient.Answers(agencyId)) { ["Input.Procedure"] = "ly lich tu phap thu nghiem" })).StatusCode);
        var procedureId = await F.WithDbAsync(db => db.Procedures.Where(p => p.Code == code).Select(p => p.Id).SingleAsync());
        Assert.Equal(procedureId, (await F.ResponsesAsync(agencyId)).Last().ProcedureId);
    }

    [Fact]
    public async Task Missing_and_out_of_range_ratings_are_refused_with_422_Vietnamese_messages_and_the_choices_kept()
    {
        var agencyId = await F.AgencyIdAsync("so-thong-tin-va-truyen-thong");
        var fields = SurveyTestClient.Answers(agencyId, comment: "Cán bộ <b>nhiệt tình</b>");
        fields.Remove("Input.AccessRating");
        fields["Input.ResultRating"] = "7";
        fields["Input.FeedbackRating"] = "abc";
        var response = await F.Anonymous().PostSurveyAsync(fields);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var text = WebUtility.HtmlDecode(html);
        Assert.Contains("Vui lòng chọn mức hài lòng về tiếp cận dịch vụ", text);
        Assert.Contains("Vui lòng chọn mức hài lòng về kết quả giải quyết", text);
        Assert.Contains("Vui lòng chọn mức hài lòng về tiếp nhận, xử lý góp ý", text);
        Assert.DoesNotContain("is not valid", text);
        // What was chosen and typed is kept, and the typed text is encoded.
        Assert.Matches("name=\"Input.ProcedureRating\" value=\"5\" checked", html);
        Assert.Contains("Cán bộ &lt;b&gt;nhiệt tình&lt;/b&gt;", html);
        Assert.Empty(await F.ResponsesAsync(agencyId));

        var tooLong = SurveyTestClient.Answers(agencyId, comment: new string('a', SurveyResponse.MaxComment + 1));
        var refused = await F.Anonymous().PostSurveyAsync(tooLong);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Góp ý không được dài quá 1.000 ký tự.", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_or_the_proof_of_work_saves_nothing()
    {
        var agencyId = await F.AgencyIdAsync("bao-dak-lak");
        var client = F.Anonymous();
        var fields = SurveyTestClient.Answers(agencyId);
        fields["altcha"] = await client.SolvedAltchaAsync();
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(SurveyTestClient.Form, new FormUrlEncodedContent(fields))).StatusCode);

        var unproven = await client.PostFormAsync(SurveyTestClient.Form, SurveyTestClient.Answers(agencyId));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unproven.StatusCode);
        Assert.Contains("Chưa xác minh chống thư rác", WebUtility.HtmlDecode(await unproven.Content.ReadAsStringAsync()));
        Assert.Empty(await F.ResponsesAsync(agencyId));
    }

    [Fact]
    public async Task One_response_per_device_per_agency_per_day()
    {
        var first = await F.AgencyIdAsync("so-khoa-hoc-va-cong-nghe");
        var second = await F.AgencyIdAsync("dai-phat-thanh-va-truyen-hinh-tinh");
        var device = F.Anonymous();
        var saved = await device.PostSurveyAsync(SurveyTestClient.Answers(first));
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal("/danh-gia-hai-long/cam-on?co-quan=so-khoa-hoc-va-cong-nghe", saved.Headers.Location!.OriginalString);
        var thanks = WebUtility.HtmlDecode(await device.GetStringAsync(saved.Headers.Location));
        Assert.Contains("Cảm ơn bạn đã đánh giá", thanks);

        var again = await device.PostSurveyAsync(SurveyTestClient.Answers(first, rating: 1));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("Thiết bị này đã gửi đánh giá về cơ quan này hôm nay", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));
        Assert.Single(await F.ResponsesAsync(first));

        // Another agency the same day, and the same agency from another device, are taken.
        Assert.Equal(HttpStatusCode.SeeOther, (await device.PostSurveyAsync(SurveyTestClient.Answers(second))).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await F.Anonymous().PostSurveyAsync(SurveyTestClient.Answers(first))).StatusCode);
        Assert.Equal(2, (await F.ResponsesAsync(first)).Count);
        Assert.All(await F.ResponsesAsync(first), r => Assert.Equal(SurveyResponseStatus.Counted, r.Status));
    }

    [Fact]
    public async Task A_burst_for_one_agency_is_flagged_and_counts_only_once_a_moderator_accepts_it()
    {
        var agencyId = await F.AgencyIdAsync("trung-tam-giam-sat-dieu-hanh-do-thi-thong-minh");
        for (var i = 0; i < 6; i++)
            Assert.Equal(HttpStatusCode.SeeOther, (await F.Anonymous().PostSurveyAsync(SurveyTestClient.Answers(agencyId, rating: 1))).StatusCode);
        var responses = await F.ResponsesAsync(agencyId);
        Assert.Equal([.. Enumerable.Repeat(SurveyResponseStatus.Counted, 4), SurveyResponseStatus.Flagged, SurveyResponseStatus.Flagged], responses.Select(r => r.Status));
        string Count(string page) => System.Text.RegularExpressions.Regex.Match(WebUtility.HtmlDecode(page), @"<strong>(\d+)</strong> phiếu được tính").Groups[1].Value;
        Assert.Equal("4", Count(await F.Anonymous().GetStringAsync("/danh-gia-hai-long/co-quan/trung-tam-giam-sat-dieu-hanh-do-thi-thong-minh")));

        var moderator = await F.StaffAsync("survey-moderator@test.local", PortalRoles.Moderator);
        var queue = WebUtility.HtmlDecode(await moderator.GetStringAsync("/quan-tri/danh-gia-hai-long"));
        Assert.Contains("Phiếu bị gắn cờ (2)", queue);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostFormAsync($"/quan-tri/danh-gia-hai-long?handler=Flagged&id={responses[4].Id}", new() { ["accept"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostFormAsync($"/quan-tri/danh-gia-hai-long?handler=Flagged&id={responses[5].Id}", new() { ["accept"] = "false" })).StatusCode);
        Assert.Equal("5", Count(await F.Anonymous().GetStringAsync("/danh-gia-hai-long/co-quan/trung-tam-giam-sat-dieu-hanh-do-thi-thong-minh")));
        Assert.Equal(2, await F.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.SurveyFlagReviewed)));

        // An editor is not a moderator.
        var editor = await F.EditorAsync();
        Assert.NotEqual(HttpStatusCode.OK, (await editor.GetAsync("/quan-tri/danh-gia-hai-long")).StatusCode);
    }

    [Theory]
    [InlineData("/danh-gia-hai-long?nam=")]
    [InlineData("/danh-gia-hai-long/co-quan/so-noi-vu?nam=")]
    [InlineData("/danh-gia-hai-long/xuat?dinh-dang=xlsx&nam=")]
    [InlineData("/api/danh-gia-hai-long?nam=")]
    public async Task A_year_typed_by_hand_is_a_page_or_a_404_never_a_server_error(string url)
    {
        var client = F.Anonymous();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(url + "2026")).StatusCode);
        foreach (var year in new[] { "0", "-5", "2147483647", "99999999999", "1.5" })
        {
            var status = (await client.GetAsync(url + year)).StatusCode;
            Assert.True(status is HttpStatusCode.NotFound or HttpStatusCode.BadRequest or HttpStatusCode.OK, $"{url}{year}: {(int)status}");
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url + "2147483647")).StatusCode);
    }
}
