using System.Net;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Surveys;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Tests.Integration.Surveys;

/// <summary>A comment is in no public response until a moderator approves it; the ratings count at once.</summary>
public class SurveyCommentPrivacyTests
{
    [Fact]
    public async Task An_unapproved_comment_is_in_no_public_response_and_an_approved_one_is_shown_redacted()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string> { ["Portal:SurveyMinimumResponses"] = "1" });
        var agencyId = await factory.AgencyIdAsync("so-noi-vu");
        const string marker = "Góp ý riêng XKCD42 gọi 0912345678";
        Assert.Equal(HttpStatusCode.SeeOther, (await factory.Anonymous().PostSurveyAsync(SurveyTestClient.Answers(agencyId, rating: 4, comment: marker))).StatusCode);
        var rejectedMarker = "Góp ý không duyệt QWERTY77";
        Assert.Equal(HttpStatusCode.SeeOther, (await factory.Anonymous().PostSurveyAsync(SurveyTestClient.Answers(agencyId, rating: 2, comment: rejectedMarker))).StatusCode);

        string[] publicUrls =
        [
            "/danh-gia-hai-long", "/danh-gia-hai-long/co-quan/so-noi-vu", "/danh-gia-hai-long/cam-on?co-quan=so-noi-vu",
            "/api/danh-gia-hai-long", "/danh-gia-hai-long/xuat?dinh-dang=csv", "/danh-gia-hai-long/ma-qr/so-noi-vu",
        ];
        async Task<string> AllPublicAsync()
        {
            var citizen = factory.Anonymous();
            var texts = new List<string>();
            foreach (var url in publicUrls)
            {
                var response = await citizen.GetAsync(url);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                texts.Add(WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
            }
            return string.Join("\n", texts);
        }
        var before = await AllPublicAsync();
        Assert.DoesNotContain("XKCD42", before);
        Assert.DoesNotContain("QWERTY77", before);
        // The ratings count at once: two responses, one satisfied.
        Assert.Contains("<strong>2</strong> phiếu được tính", before);

        var moderator = await factory.StaffAsync("mod@test.local", PortalRoles.Moderator);
        var queue = WebUtility.HtmlDecode(await moderator.GetStringAsync("/quan-tri/danh-gia-hai-long"));
        Assert.Contains("Góp ý chờ duyệt (2)", queue);
        // The moderator sees the comment as it would be published: the phone number already masked.
        Assert.Contains("Góp ý riêng XKCD42 gọi [đã ẩn số điện thoại]", queue);
        var ids = (await factory.ResponsesAsync(agencyId)).Select(r => r.Id).ToList();
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostFormAsync($"/quan-tri/danh-gia-hai-long?handler=Comment&id={ids[0]}", new() { ["approve"] = "true" })).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await moderator.PostFormAsync($"/quan-tri/danh-gia-hai-long?handler=Comment&id={ids[1]}", new() { ["approve"] = "false" })).StatusCode);
        // A decision taken is not taken twice.
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostFormAsync($"/quan-tri/danh-gia-hai-long?handler=Comment&id={ids[1]}", new() { ["approve"] = "true" })).StatusCode);

        var after = await AllPublicAsync();
        Assert.Contains("Góp ý riêng XKCD42 gọi [đã ẩn số điện thoại]", after);
        Assert.DoesNotContain("0912345678", after);
        Assert.DoesNotContain("QWERTY77", after);
        var audit = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == AuditActions.SurveyCommentReviewed).Select(a => a.UserName).ToListAsync());
        Assert.Equal(["mod@test.local", "mod@test.local"], audit);
    }

    [Fact]
    public async Task Results_export_as_csv_xlsx_and_json_with_not_enough_data_below_the_minimum()
    {
        using var factory = new PortalFactory(settings: new Dictionary<string, string> { ["Portal:SurveyMinimumResponses"] = "2" });
        var enough = await factory.AgencyIdAsync("so-tu-phap");
        var few = await factory.AgencyIdAsync("so-noi-vu");
        foreach (var (agency, rating) in new[] { (enough, 5), (enough, 2), (few, 5) })
            Assert.Equal(HttpStatusCode.SeeOther, (await factory.Anonymous().PostSurveyAsync(SurveyTestClient.Answers(agency, rating))).StatusCode);
        var citizen = factory.Anonymous();

        var csv = (await citizen.GetStringAsync("/danh-gia-hai-long/xuat?nam=2026&dinh-dang=csv")).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Trim()).ToList();
        Assert.StartsWith("ma_don_vi,ten_don_vi,so_phieu,du_du_lieu,ti_le_hai_long,sai_so_95,tiep-can-dich-vu,", csv[0].TrimStart('\uFEFF'));
        // One of two satisfied: 50 %, margin 1.96 × √(0.25/2) = 69.3 points.
        Assert.Equal("so-tu-phap,Sở Tư pháp tỉnh Đắk Lắk,2,có,50,69.3,50,50,50,50,50", csv[1]);
        Assert.Equal("so-noi-vu,Sở Nội vụ tỉnh Đắk Lắk,1,chưa đủ dữ liệu,,,,,,,", csv[2]);

        var xlsx = await citizen.GetAsync("/danh-gia-hai-long/xuat?nam=2026&dinh-dang=xlsx");
        var table = Core.Common.TabularFile.Read(await xlsx.Content.ReadAsByteArrayAsync(), ["ma_don_vi"]).Table!;
        Assert.Equal(["so-tu-phap", "so-noi-vu"], table.Rows.Select(r => r["ma_don_vi"]));
        Assert.Equal("50", table.Rows[0]["ti_le_hai_long"]);

        var json = System.Text.Json.JsonDocument.Parse(await citizen.GetStringAsync("/api/danh-gia-hai-long?nam=2026")).RootElement;
        Assert.Equal(2, json.GetProperty("minimumResponses").GetInt32());
        var agencies = json.GetProperty("agencies").EnumerateArray().ToList();
        Assert.Equal(50, agencies[0].GetProperty("satisfied").GetDouble());
        Assert.Equal(50, agencies[0].GetProperty("dimensions").GetProperty("CONG-CHUC-TRUC-TIEP-GIAI-QUYET").GetDouble());
        Assert.False(agencies[1].GetProperty("enoughData").GetBoolean());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, agencies[1].GetProperty("satisfied").ValueKind);

        var page = WebUtility.HtmlDecode(await citizen.GetStringAsync("/danh-gia-hai-long"));
        Assert.Contains("chưa đủ dữ liệu", page);
        Assert.Contains("50,0%", page);
        Assert.Contains("±69,3", page);
    }
}
