using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public class DirectoryTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private async Task<(int Count, string NoiVuName)> SnapshotAsync()
    {
        using var scope = _factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
        return (await db.Agencies.CountAsync(), (await db.Agencies.SingleAsync(a => a.Slug == "so-noi-vu")).Name);
    }

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] file, string name)
    {
        var token = await client.AntiforgeryTokenAsync("/quan-tri/co-quan/nhap");
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        content.Add(part, "Upload", name);
        return await client.PostAsync("/quan-tri/co-quan/nhap", content);
    }

    [Fact]
    public async Task Hotline_board_renders_without_js_and_every_number_is_a_tel_link()
    {
        var html = await _factory.Anonymous().GetStringAsync("/duong-day-nong");
        var doc = new HtmlParser().ParseDocument(html);
        var cards = doc.QuerySelectorAll(".hotline-board a.hotline-card");
        // Only sourced numbers are seeded (issue 20): the province's 1022 line and the programme's line.
        Assert.True(cards.Length >= 2);
        Assert.All(cards, c => Assert.DoesNotContain("Dữ liệu mẫu", c.TextContent));
        Assert.All(cards, c => Assert.Matches("^tel:(\\+84\\d{7,10}|1\\d{2,9})$", c.GetAttribute("href")));
        var real = cards.Single(c => c.TextContent.Contains("0262.8552255"));
        Assert.Equal("tel:+842628552255", real.GetAttribute("href"));
        Assert.Contains("Dân hỏi – Thủ trưởng cơ quan hành chính trả lời", real.TextContent);
        Assert.DoesNotContain("Dữ liệu mẫu", real.TextContent);
        var directoryNumbers = doc.QuerySelectorAll(".contact-list a[href^='tel:']");
        Assert.NotEmpty(directoryNumbers);
        Assert.Empty(doc.QuerySelectorAll(".contact-list a[href='#']"));
        // Grouped by level, dissolved units not listed.
        Assert.Contains("Cấp tỉnh", html);
        Assert.Contains("Cấp xã", html);
        Assert.DoesNotContain("Sở Thông tin và Truyền thông", html);
    }

    [Fact]
    public async Task The_site_hotline_is_the_number_the_board_shows_as_the_administrative_procedures_hotline()
    {
        string hotline, programme;
        using (var scope = _factory.Services.CreateScope())
        {
            var settings = await scope.ServiceProvider.GetRequiredService<CchcPortal.Core.Settings.SiteSettingsService>().GetAsync();
            (hotline, programme) = (settings.Hotline, settings.ProgrammeHotline);
        }
        var doc = new HtmlParser().ParseDocument(await _factory.Anonymous().GetStringAsync("/duong-day-nong"));
        var cchc = doc.QuerySelectorAll(".hotline-board a.hotline-card")
            .Single(c => c.QuerySelector(".hotline-card-purpose")!.TextContent.Contains("thủ tục hành chính"));
        Assert.Equal(hotline, cchc.QuerySelector(".hotline-card-number")!.TextContent.Trim());
        Assert.Equal("0262.1022", hotline);
        Assert.Equal("tel:+842621022", cchc.GetAttribute("href"));
        Assert.NotEqual(programme, hotline);
        Assert.Contains(doc.QuerySelectorAll(".hotline-card-number"), n => n.TextContent.Trim() == programme);
    }

    [Fact]
    public async Task Filter_works_on_the_server_without_diacritics()
    {
        var doc = new HtmlParser().ParseDocument(await _factory.Anonymous().GetStringAsync("/duong-day-nong?q=tu+phap"));
        var names = doc.QuerySelectorAll("#directory-list .agency-name").Select(e => e.TextContent.Trim()).ToList();
        Assert.Equal(["Sở Tư pháp tỉnh Đắk Lắk"], names);
    }

    [Fact]
    public async Task Dissolved_agency_redirects_to_its_successor()
    {
        var client = _factory.Anonymous();
        var response = await client.GetAsync("/co-quan/so-thong-tin-va-truyen-thong");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        var target = response.Headers.Location!.ToString();
        Assert.StartsWith("/co-quan/so-khoa-hoc-va-cong-nghe", target.Replace("http://localhost", ""));
        var page = await client.GetStringAsync(target);
        Assert.Contains("Sở Thông tin và Truyền thông tỉnh Đắk Lắk đã ngừng hoạt động", page);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/co-quan/khong-co")).StatusCode);
    }

    [Fact]
    public async Task Json_api_is_valid_and_lists_active_agencies()
    {
        var client = _factory.Anonymous();
        using var doc = JsonDocument.Parse(await client.GetStringAsync("/api/agencies"));
        var items = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(11, items.Count);
        Assert.All(items, i => Assert.True(i.GetProperty("active").GetBoolean()));
        var dai = items.Single(i => i.GetProperty("slug").GetString() == "dai-phat-thanh-va-truyen-hinh-tinh");
        Assert.Equal("+842628552255", dai.GetProperty("hotlines")[0].GetProperty("tel").GetString());
        Assert.False(dai.GetProperty("sampleData").GetBoolean());
        using var all = JsonDocument.Parse(await client.GetStringAsync("/api/agencies?includeInactive=true"));
        Assert.Equal(13, all.RootElement.GetArrayLength());
        using var one = JsonDocument.Parse(await client.GetStringAsync("/api/agencies/so-thong-tin-va-truyen-thong"));
        Assert.Equal("so-khoa-hoc-va-cong-nghe", one.RootElement.GetProperty("successor").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/agencies/khong-co")).StatusCode);
    }

    [Fact]
    public async Task VCard_download_is_valid()
    {
        var response = await _factory.Anonymous().GetAsync("/co-quan/trung-tam-giam-sat-dieu-hanh-do-thi-thong-minh/vcard");
        Assert.Equal("text/vcard", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("trung-tam-giam-sat-dieu-hanh-do-thi-thong-minh.vcf", response.Content.Headers.ContentDisposition?.ToString());
        var card = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("BEGIN:VCARD\r\nVERSION:3.0\r\n", card);
        Assert.EndsWith("END:VCARD\r\n", card);
        Assert.Contains("TEL;TYPE=WORK,VOICE,PREF:+842621022", card);
    }

    [Fact]
    public async Task English_contacts_page()
    {
        var html = await _factory.Anonymous().GetStringAsync("/en/contacts");
        Assert.Contains("<div lang=\"en\">", html);
        Assert.Contains("Department of Home Affairs", html);
        Assert.Contains("Dak Lak Smart City Operations Centre", html);
        Assert.Contains("+842621022", html);
    }

    [Fact]
    public async Task Import_with_one_bad_row_rejects_the_whole_file_and_names_the_row()
    {
        var editor = await _factory.EditorAsync();
        var before = await SnapshotAsync();
        var csv = "ma,ten,cap,loai,dien_thoai,duong_day_nong\n" +
                  "so-noi-vu,Sở Nội vụ (đổi tên),tinh,so-ban-nganh,0262.3852260,\n" +
                  "so-moi,Sở Mới,tinh,so-ban-nganh,0262.38522,\n" +
                  "so-moi-2,Sở Mới 2,tinh,so-ban-nganh,,*Đường dây nóng: 0262.3852299\n";
        var response = await UploadAsync(editor, Encoding.UTF8.GetBytes(csv), "danh-ba.csv");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var rows = doc.QuerySelectorAll(".error-summary tbody tr").Select(r => r.QuerySelectorAll("td").Select(td => td.TextContent).ToArray()).ToList();
        var issue = Assert.Single(rows);
        Assert.Equal("3", issue[0]);
        Assert.Equal("dien_thoai", issue[1]);
        Assert.Contains("0262.38522", issue[2]);
        Assert.Contains("chưa có thay đổi nào được ghi", doc.Body!.TextContent);
        Assert.Equal(before, await SnapshotAsync());
    }

    [Fact]
    public async Task Export_then_import_round_trips_and_updates_by_slug()
    {
        var editor = await _factory.EditorAsync();
        var xlsx = await editor.GetByteArrayAsync("/quan-tri/co-quan?handler=Export&format=xlsx");
        var again = await UploadAsync(editor, xlsx, "ten-bat-ky.bin");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("thêm 0, cập nhật 0, không đổi 13", await again.Content.ReadAsStringAsync());

        var csv = Encoding.UTF8.GetString(await editor.GetByteArrayAsync("/quan-tri/co-quan?handler=Export&format=csv")).TrimStart('\uFEFF');
        csv = csv.Replace("Sở Tư pháp tỉnh Đắk Lắk,", "Sở Tư pháp tỉnh Đắk Lắk (cập nhật),")
              + "so-xay-dung,Sở Xây dựng tỉnh Đắk Lắk,,,tinh,so-ban-nganh,ubnd-tinh,,,,0262.3852320,*Cấp phép xây dựng: 0262.3852321,,,,,,,có,,,có\n";
        var response = await UploadAsync(editor, Encoding.UTF8.GetBytes(csv), "danh-ba.csv");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("thêm 1, cập nhật 1, không đổi 12", await response.Content.ReadAsStringAsync());

        var anonymous = _factory.Anonymous();
        var board = await anonymous.GetStringAsync("/duong-day-nong");
        Assert.Contains("Cấp phép xây dựng", board);
        Assert.Contains("Sở Tư pháp tỉnh Đắk Lắk (cập nhật)", board);
        var page = await anonymous.GetStringAsync("/co-quan/so-xay-dung");
        Assert.Contains("Trực thuộc <a href=\"/co-quan/ubnd-tinh\">", page);
    }

    [Fact]
    public async Task Manager_edit_validates_phone_numbers_in_vietnamese_and_keeps_input()
    {
        var editor = await _factory.EditorAsync();
        using (var scope = _factory.Services.CreateScope())
        {
            var id = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Agencies.SingleAsync(a => a.Slug == "so-tu-phap")).Id;
            var levelId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AdministrativeLevels.SingleAsync(l => l.Code == "tinh")).Id;
            var url = $"/quan-tri/co-quan/sua/{id}";
            var bad = await editor.PostFormAsync(url, new()
            {
                ["Input.Name"] = "Sở Tư pháp tỉnh Đắk Lắk", ["Input.LevelId"] = levelId.ToString(), ["Input.Kind"] = "Department",
                ["Input.Phone"] = "0262.385", ["Input.IsActive"] = "true", ["Input.Hotlines[0].Purpose"] = "Hộ tịch", ["Input.Hotlines[0].Number"] = "abc",
            });
            Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
            var html = WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync());
            Assert.Contains("Số điện thoại \"0262.385\" không đúng định dạng Việt Nam", html);
            Assert.Contains("Đường dây nóng thứ 1: Số điện thoại \"abc\" có ký tự không hợp lệ", html);
            Assert.Contains("value=\"0262.385\"", html);

            var good = await editor.PostFormAsync(url, new()
            {
                ["Input.Name"] = "Sở Tư pháp tỉnh Đắk Lắk", ["Input.Slug"] = "so-tu-phap", ["Input.LevelId"] = levelId.ToString(), ["Input.Kind"] = "Department",
                ["Input.Phone"] = "0262 3 852 280", ["Input.IsActive"] = "true", ["Input.Hotlines[0].Purpose"] = "Hộ tịch", ["Input.Hotlines[0].Number"] = "0262.3852281",
                ["Input.Hotlines[0].IsFeatured"] = "true",
            });
            Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        }
        var board = await _factory.Anonymous().GetStringAsync("/duong-day-nong");
        Assert.Contains("href=\"tel:+842623852281\"", board);
        Assert.Contains("0262 3 852 280", board);
    }
}
