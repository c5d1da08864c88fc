using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Data;
using CchcPortal.Core.Procedures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

// The summary at the top of a procedure page and the online facet, on the same seeded catalogue (issue 20).
public partial class ProcedurePagesTests
{
    private static string Text(AngleSharp.Dom.IElement? e) => Regex.Replace(e?.TextContent ?? "(missing)", @"\s+", " ").Trim();

    [Fact]
    public async Task The_online_facet_counts_the_procedures_whose_channels_list_online_submission()
    {
        var html = await Client.GetStringAsync("/thu-tuc-hanh-chinh");
        var online = new HtmlParser().ParseDocument(html).QuerySelectorAll("#tthc-online option")
            .Select(o => (Value: o.GetAttribute("value") ?? "", Match: OptionText().Match(o.TextContent.Trim())))
            .Where(x => x.Match.Success).ToDictionary(x => x.Value, x => int.Parse(x.Match.Groups["count"].Value));
        Assert.Equal(1601, online.Values.Sum());
        // 1,352 of the 1,601 records list "Trực tuyến"; 23 name themselves toàn trình or một phần.
        Assert.InRange(online.GetValueOrDefault("Available"), 1000, 1352);
        Assert.True(online.GetValueOrDefault("Full") > 0 && online.GetValueOrDefault("Partial") > 0, string.Join(", ", online));
        var listed = new HtmlParser().ParseDocument(await Client.GetStringAsync("/thu-tuc-hanh-chinh?truc-tuyen=Available"));
        Assert.Equal(online["Available"], int.Parse(listed.QuerySelector(".result-count strong")!.TextContent.Replace(".", "")));
        Assert.Equal("Nộp được trực tuyến", Text(listed.QuerySelector(".procedure-item .badge-ok")));
    }

    [Fact]
    public async Task Birth_registration_summary_says_only_what_the_record_says()
    {
        var page = new HtmlParser().ParseDocument(await Client.GetStringAsync("/thu-tuc-hanh-chinh/thu-tuc-dang-ky-khai-sinh-1-001193"));
        var summary = page.QuerySelector(".procedure-summary")!;
        // The channels give "1" with no unit: no bare number, a link to the channels table.
        Assert.Equal("Xem chi tiết", Text(summary.QuerySelector(".summary-time")));
        Assert.Equal("#cach-thuc", summary.QuerySelector(".summary-time a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#cach-thuc table"));
        Assert.Equal("miễn phí", Text(summary.QuerySelector(".summary-fee")));
        Assert.Matches(@"^\d+ giấy tờ, thêm giấy tờ khác tùy trường hợp — xem danh sách$", Text(summary.QuerySelector(".summary-dossier")));
        Assert.Equal("#thanh-phan-ho-so", summary.QuerySelector(".summary-dossier a")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#thanh-phan-ho-so .checklist"));
        Assert.StartsWith("Có thể nộp hồ sơ trực tuyến", Text(summary.QuerySelector(".summary-online")));
        Assert.Equal("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/019d2bfd-3fe0-70ac-b9d6-5e9e20d6eef7",
            summary.QuerySelector(".summary-online a.button")!.GetAttribute("href"));
        Assert.DoesNotContain("không ghi đơn vị", summary.TextContent);
        Assert.DoesNotContain("Chưa có dịch vụ công trực tuyến", summary.TextContent);

        var description = page.QuerySelector("meta[name=description]")!.GetAttribute("content")!;
        Assert.Contains("Thủ tục đăng ký khai sinh", description);
        Assert.Contains("Hộ tịch", description);
        Assert.Contains("cấp xã", description);
    }

    [Fact]
    public async Task Construction_permit_summary_gives_the_time_per_channel_and_the_cases()
    {
        var redirect = await Client.GetAsync("/tthc/1.013225");
        var page = new HtmlParser().ParseDocument(await Client.GetStringAsync(redirect.Headers.Location!.ToString()));
        var summary = page.QuerySelector(".procedure-summary")!;
        Assert.Equal("Trực tiếp: 15 ngày; Trực tuyến: 20 ngày; Dịch vụ bưu chính: 20 ngày", Text(summary.QuerySelector(".summary-time")));
        Assert.Equal("Xem chi tiết", Text(summary.QuerySelector(".summary-fee")));
        Assert.Matches(@"(?i)tùy trường hợp \(\d+ trường hợp\)", Text(summary.QuerySelector(".summary-dossier")));
        Assert.StartsWith("Một trong các trường hợp sau", Text(page.QuerySelector("#thanh-phan-ho-so .dossier-cases")));
    }

    [Fact]
    public async Task Rederivation_fills_an_old_database_and_keeps_a_managers_choice()
    {
        // The manager turns the online service of 1.004884 off through the edit form.
        var editor = await Factory.EditorAsync();
        const string url = "/quan-tri/thu-tuc/1.004884";
        var form = await editor.BrowserFormAsync(url, "#procedure-form");
        var saved = await editor.PostAsync(url, new FormUrlEncodedContent(form.With("Input.OnlineLevel", "None").With("Input.OnlineServiceUrl", "")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var scope = Factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        // A database imported before the rule: the level still at its default.
        Assert.Equal(1, await db.Procedures.Where(p => p.Code == "1.000894")
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.OnlineLevel, OnlineLevel.None).SetProperty(p => p.OnlineServiceUrl, "")));

        var importer = scope.ServiceProvider.GetRequiredService<ProcedureImporter>();
        Assert.Equal(1, await importer.RederiveOnlineAsync());
        Assert.Equal(0, await importer.RederiveOnlineAsync());
        var levels = await db.Procedures.AsNoTracking().Where(p => p.Code == "1.000894" || p.Code == "1.004884")
            .ToDictionaryAsync(p => p.Code, p => (p.OnlineLevel, p.OnlineServiceUrl));
        Assert.Equal(OnlineLevel.Available, levels["1.000894"].OnlineLevel);
        Assert.StartsWith("https://dichvucong.gov.vn/thu-tuc-hanh-chinh/", levels["1.000894"].OnlineServiceUrl);
        Assert.Equal((OnlineLevel.None, ""), levels["1.004884"]);
    }
}
