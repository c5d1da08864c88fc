using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Documents;
using CchcPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>The documents library's manager (/quan-tri/van-ban) through the real app: forms, files, replacement, relations.</summary>
public class DocumentManagerTests(DocumentManagerTests.Fixture fixture) : IClassFixture<DocumentManagerTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private const string Manage = "/quan-tri/van-ban";
    private const string NewForm = Manage + "/sua";
    private PortalFactory Factory => fixture.Factory;

    private static Dictionary<string, string> Valid(string number, string summary, string issuer = "UBND tỉnh Quảng Ngãi", string type = "Quyết định") => new()
    {
        ["Input.Number"] = number, ["Input.DocType"] = type, ["Input.Issuer"] = issuer, ["Input.IssuedOn"] = "2026-11-20",
        ["Input.EffectiveOn"] = "2026-12-01", ["Input.Signer"] = "Chủ tịch Nguyễn Văn Thử", ["Input.Summary"] = summary,
        ["Input.Field"] = "Cải cách hành chính", ["Input.Status"] = "InForce", ["Input.BodyHtml"] = "<p>Điều 1.</p><script>alert(1)</script>",
    };

    /// <summary>Creates and publishes a document through the form; returns its id.</summary>
    private async Task<int> CreateAsync(HttpClient editor, Dictionary<string, string> fields)
    {
        var response = await editor.PostFormAsync(NewForm + "?handler=SavePublish", fields, NewForm);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(Regex.Match(response.Headers.Location!.OriginalString, @"/sua/(\d+)").Groups[1].Value);
    }

    private async Task<LegalDocument> LoadAsync(int id)
    {
        using var scope = Factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Documents.AsNoTracking().Include(d => d.Files).SingleAsync(d => d.Id == id);
    }

    private async Task<string> PublicAsync(int id) =>
        WebUtility.HtmlDecode(await Factory.Anonymous().GetStringAsync("/van-ban/" + (await LoadAsync(id)).Slug));

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string fileName, byte[] content)
    {
        var page = $"{NewForm}/{id}";
        using var form = new MultipartFormDataContent { { new StringContent(await client.AntiforgeryTokenAsync(page)), "__RequestVerificationToken" } };
        form.Add(new ByteArrayContent(content), "Upload", fileName);
        return await client.PostAsync(page + "?handler=Attach", form);
    }

    private static byte[] Docx()
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in new[] { "[Content_Types].xml", "word/document.xml" })
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write("<?xml version=\"1.0\"?><x/>");
            }
        }
        return buffer.ToArray();
    }

    [Fact]
    public async Task A_valid_document_is_saved_with_its_canonical_number_and_its_public_page_shows_the_metadata()
    {
        var editor = await Factory.EditorAsync();
        var id = await CreateAsync(editor, Valid("Số: 224 /qd-ubnd", "Về việc ban hành Kế hoạch cải cách hành chính năm 2027"));

        var saved = await LoadAsync(id);
        Assert.Equal("224/QĐ-UBND", saved.Number);
        Assert.Equal(DocumentNumber.Parse("224/QĐ-UBND").Key, saved.NumberKey);
        Assert.StartsWith("quyet-dinh-224-qd-ubnd-ve-viec-ban-hanh", saved.Slug);
        Assert.DoesNotContain("<script", saved.BodyHtml);
        Assert.True(saved.IsPublished);

        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await Factory.Anonymous().GetStringAsync("/van-ban/" + saved.Slug));
        var rows = doc.QuerySelectorAll("table.metadata-table tr").ToDictionary(r => r.QuerySelector("th")!.TextContent.Trim(), r => r.QuerySelector("td")!.TextContent.Trim());
        Assert.Equal("224/QĐ-UBND", rows["Số ký hiệu"]);
        Assert.Equal("Quyết định", rows["Loại văn bản"]);
        Assert.Equal("UBND tỉnh Quảng Ngãi", rows["Cơ quan ban hành"]);
        Assert.Equal("20/11/2026", rows["Ngày ban hành"]);
        Assert.Equal("01/12/2026", rows["Ngày hiệu lực"]);
        Assert.Equal("Chủ tịch Nguyễn Văn Thử", rows["Người ký"]);
        Assert.Equal("Cải cách hành chính", rows["Lĩnh vực"]);
        Assert.Equal("Còn hiệu lực", rows["Hiệu lực"]);
        Assert.Contains("Điều 1.", doc.QuerySelector(".article-body")!.TextContent);

        // The change feed has the document, for search and citations.
        using (var scope = Factory.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().ContentChanges.AnyAsync(c => c.Kind == DocumentText.Kind && c.EntityId == id));

        // The manager list finds it by number typed without diacritics and by words of the summary; filters apply.
        Assert.Contains("224/QĐ-UBND", await editor.GetStringAsync(Manage + "?q=224%2Fqd-ubnd"));
        Assert.Contains("224/QĐ-UBND", await editor.GetStringAsync(Manage + "?q=cai+cach+2027&cong-bo=da-dang"));
        Assert.DoesNotContain("224/QĐ-UBND", await editor.GetStringAsync(Manage + "?q=cai+cach+2027&cong-bo=chua-dang"));
        Assert.DoesNotContain("224/QĐ-UBND", await editor.GetStringAsync(Manage + "?q=cai+cach+2027&hieu-luc=Expired"));

        // Unpublished, the public page is gone.
        var unpublish = await editor.PostFormAsync($"{NewForm}/{id}?handler=Unpublish", new(), $"{NewForm}/{id}");
        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.Anonymous().GetAsync("/van-ban/" + saved.Slug)).StatusCode);
    }

    [Fact]
    public async Task An_invalid_number_is_refused_with_a_Vietnamese_message_and_the_typed_values_are_kept()
    {
        var editor = await Factory.EditorAsync();
        var fields = Valid("37KH-UBND", "Trích yếu gõ dở của biên tập viên");
        fields["Input.EffectiveOn"] = "2026-11-01";
        var response = await editor.PostFormAsync(NewForm + "?handler=Save", fields, NewForm);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var doc = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        var summary = doc.QuerySelector(".error-summary")!.TextContent;
        Assert.Contains("Số ký hiệu: thiếu dấu “/” giữa số thứ tự và ký hiệu", summary);
        Assert.Contains("Ngày hiệu lực không được trước ngày ban hành (20/11/2026).", summary);
        Assert.Equal("37KH-UBND", doc.QuerySelector("#Input_Number")!.GetAttribute("value"));
        Assert.Equal("UBND tỉnh Quảng Ngãi", doc.QuerySelector("#Input_Issuer")!.GetAttribute("value"));
        Assert.Equal("Trích yếu gõ dở của biên tập viên", doc.QuerySelector("#Input_Summary")!.TextContent.Trim());

        // A blank number is only allowed for a document marked as not numbered yet, and then the date may wait too.
        var blank = Valid("", "Dự thảo kế hoạch tuyên truyền", type: "Kế hoạch");
        var refused = await editor.PostFormAsync(NewForm + "?handler=Save", blank, NewForm);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("đánh dấu “Văn bản chưa có số”", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        blank["Input.Unnumbered"] = "true";
        blank["Input.IssuedOn"] = "";
        blank["Input.EffectiveOn"] = "";
        var draft = await LoadAsync(await CreateAsync(editor, blank));
        Assert.Equal("", draft.Number);
        Assert.Null(draft.IssuedOn);

        // Other fields: the type must match the number's code, dates stay within a month from today (26/11/2026).
        var mismatch = Valid("12/KH-UBND", "Kế hoạch nhập nhầm loại");
        mismatch["Input.IssuedOn"] = "2027-01-15";
        var wrong = WebUtility.HtmlDecode(await (await editor.PostFormAsync(NewForm + "?handler=Save", mismatch, NewForm)).Content.ReadAsStringAsync());
        Assert.Contains("Loại văn bản “Quyết định” không khớp với số ký hiệu 12/KH-UBND: ký hiệu KH là Kế hoạch.", wrong);
        Assert.Contains("Ngày ban hành phải từ 01/01/1945 đến 26/12/2026.", wrong);
    }

    [Fact]
    public async Task A_duplicate_number_from_the_same_issuer_is_refused_with_a_link_to_the_existing_document()
    {
        var editor = await Factory.EditorAsync();
        var first = await CreateAsync(editor, Valid("501/QĐ-UBND", "Về việc công bố danh mục thủ tục hành chính"));

        var again = await editor.PostFormAsync(NewForm + "?handler=Save", Valid("501/qd-ubnd", "Nhập lại lần hai", issuer: "UBND Tỉnh Quảng Ngãi"), NewForm);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, again.StatusCode);
        var html = WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync());
        Assert.Contains("Số ký hiệu 501/QĐ-UBND của UBND tỉnh Quảng Ngãi đã có trong thư viện", html);
        Assert.Contains($"href=\"/quan-tri/van-ban/sua/{first}\"", html);

        // The same number from another issuer is another document.
        var other = await CreateAsync(editor, Valid("501/QĐ-UBND", "Quyết định của huyện", issuer: "UBND huyện Trà Bồng"));
        Assert.NotEqual(first, other);
    }

    [Fact]
    public async Task Files_are_checked_by_content_and_a_real_PDF_shows_on_the_public_page_with_its_size_and_type()
    {
        var editor = await Factory.EditorAsync();
        var id = await CreateAsync(editor, Valid("77/QĐ-UBND", "Về việc ban hành quy chế một cửa"));

        var fake = await UploadAsync(editor, id, "quyet-dinh.pdf", Encoding.UTF8.GetBytes("Đây không phải tệp PDF"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.StatusCode);
        Assert.Contains("“quyet-dinh.pdf” có đuôi .pdf nhưng nội dung không phải là tệp PDF hợp lệ", WebUtility.HtmlDecode(await fake.Content.ReadAsStringAsync()));
        var renamed = await UploadAsync(editor, id, "phu-luc.pdf", Docx());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, renamed.StatusCode);
        Assert.Contains("nội dung là tệp Word (DOCX)", WebUtility.HtmlDecode(await renamed.Content.ReadAsStringAsync()));
        Assert.Empty((await LoadAsync(id)).Files);

        var pdf = Unit.MediaSanitizerTests.PdfWithAuthor("Văn thư");
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(editor, id, "quyet-dinh-77.pdf", pdf)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await UploadAsync(editor, id, "phu-luc.docx", Docx())).StatusCode);

        var files = (await LoadAsync(id)).Files.OrderBy(f => f.SortOrder).ToList();
        Assert.Equal(["quyet-dinh-77.pdf", "phu-luc.docx"], files.Select(f => f.FileName));
        var page = await PublicAsync(id);
        Assert.Contains($"quyet-dinh-77.pdf</a> (PDF, {Core.Common.VnFormat.FileSize(pdf.Length)})", page);
        Assert.Contains("phu-luc.docx</a> (Word (DOCX),", page);
        Assert.Contains($"src=\"{files[0].Url}\"", page); // the inline PDF view
        Assert.Equal(pdf, await Factory.Anonymous().GetByteArrayAsync(files[0].Url));
        // Registered in the media library, and in use there (so it cannot be deleted from under the document).
        Assert.Contains("quyet-dinh-77.pdf", await editor.GetStringAsync("/quan-tri/thu-vien?loai=Document"));

        // Reorder, then detach.
        var down = await editor.PostFormAsync($"{NewForm}/{id}?handler=MoveFile", new() { ["fileId"] = files[0].Id.ToString(), ["up"] = "false" }, $"{NewForm}/{id}");
        Assert.Equal(HttpStatusCode.Redirect, down.StatusCode);
        Assert.Equal(["phu-luc.docx", "quyet-dinh-77.pdf"], (await LoadAsync(id)).Files.OrderBy(f => f.SortOrder).Select(f => f.FileName));
        var remove = await editor.PostFormAsync($"{NewForm}/{id}?handler=RemoveFile", new() { ["fileId"] = files[1].Id.ToString() }, $"{NewForm}/{id}");
        Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.Equal(["quyet-dinh-77.pdf"], (await LoadAsync(id)).Files.Select(f => f.FileName));
        Assert.DoesNotContain("phu-luc.docx", await PublicAsync(id));
    }

    [Fact]
    public async Task A_replaced_document_shows_its_replacement_and_the_relation_both_ways()
    {
        var editor = await Factory.EditorAsync();
        var old = await CreateAsync(editor, Valid("10/QĐ-UBND", "Quy chế cũ về tiếp nhận hồ sơ"));
        var replacement = await CreateAsync(editor, Valid("11/QĐ-UBND", "Quy chế mới về tiếp nhận hồ sơ"));

        var form = Valid("10/QĐ-UBND", "Quy chế cũ về tiếp nhận hồ sơ");
        form["Input.Status"] = "Replaced";
        var noNumber = await editor.PostFormAsync($"{NewForm}/{old}?handler=Save", new(form), $"{NewForm}/{old}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noNumber.StatusCode);
        Assert.Contains("vui lòng nhập số ký hiệu của văn bản thay thế", WebUtility.HtmlDecode(await noNumber.Content.ReadAsStringAsync()));
        form["Input.ReplacedByNumber"] = "999/QĐ-UBND";
        var unknown = await editor.PostFormAsync($"{NewForm}/{old}?handler=Save", new(form), $"{NewForm}/{old}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("không tìm thấy văn bản số 999/QĐ-UBND trong thư viện", WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()));
        form["Input.ReplacedByNumber"] = "10/qd-ubnd";
        Assert.Contains("là của chính văn bản này", WebUtility.HtmlDecode(await (await editor.PostFormAsync($"{NewForm}/{old}?handler=Save", new(form), $"{NewForm}/{old}")).Content.ReadAsStringAsync()));

        form["Input.ReplacedByNumber"] = "11/qd-ubnd";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{NewForm}/{old}?handler=Save", form, $"{NewForm}/{old}")).StatusCode);
        Assert.Equal(replacement, (await LoadAsync(old)).ReplacedById);

        var oldPage = await PublicAsync(old);
        var newSlug = (await LoadAsync(replacement)).Slug;
        var notice = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(oldPage).QuerySelector("p.notice")!;
        Assert.StartsWith("Văn bản này đã bị thay thế:", notice.TextContent.Trim());
        Assert.Equal("/van-ban/" + newSlug, notice.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Quyết định số 11/QĐ-UBND", notice.QuerySelector("a")!.TextContent);
        Assert.Contains($"Bị thay thế bởi: <a href=\"/van-ban/{newSlug}\">Quyết định số 11/QĐ-UBND</a>", oldPage);
        Assert.Contains("<td>Bị thay thế</td>", oldPage);
        var newPage = await PublicAsync(replacement);
        Assert.Contains($"Thay thế: <a href=\"/van-ban/{(await LoadAsync(old)).Slug}\">Quyết định số 10/QĐ-UBND</a>", newPage);

        // The relation that records the status cannot be removed alone, and the replacement cannot be deleted.
        var editPage = WebUtility.HtmlDecode(await editor.GetStringAsync($"{NewForm}/{replacement}"));
        var relationId = Regex.Match(editPage, "name=\"relationId\" value=\"(\\d+)\"").Groups[1].Value;
        var unlink = await editor.PostFormAsync($"{NewForm}/{replacement}?handler=RemoveRelation", new() { ["relationId"] = relationId }, $"{NewForm}/{replacement}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unlink.StatusCode);
        Assert.Contains("đang có tình trạng “Bị thay thế” bởi văn bản này", WebUtility.HtmlDecode(await unlink.Content.ReadAsStringAsync()));
        var delete = await editor.PostFormAsync($"{NewForm}/{replacement}?handler=Delete", new() { ["ConfirmDelete"] = "true" }, $"{NewForm}/{replacement}");
        Assert.Equal(HttpStatusCode.Conflict, delete.StatusCode);
        var refusal = WebUtility.HtmlDecode(await delete.Content.ReadAsStringAsync());
        Assert.Contains("Không thể xóa: văn bản này đang là văn bản thay thế của 1 văn bản (Quyết định số 10/QĐ-UBND)", refusal);
        Assert.Contains($"href=\"/quan-tri/van-ban/sua/{old}\"", refusal);

        // Back in force: the status and its relation go together; then deleting is allowed.
        form["Input.Status"] = "InForce";
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{NewForm}/{old}?handler=Save", form, $"{NewForm}/{old}")).StatusCode);
        Assert.DoesNotContain("Thay thế:", await PublicAsync(replacement));
        var deleted = await editor.PostFormAsync($"{NewForm}/{replacement}?handler=Delete", new() { ["ConfirmDelete"] = "true" }, $"{NewForm}/{replacement}");
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Factory.Anonymous().GetAsync("/van-ban/" + newSlug)).StatusCode);
    }

    [Fact]
    public async Task Relations_are_added_by_typed_number_and_shown_both_ways_and_a_new_number_moves_the_address()
    {
        var editor = await Factory.EditorAsync();
        var resolution = await CreateAsync(editor, Valid("76/NQ-CP", "Ban hành Chương trình tổng thể cải cách hành chính nhà nước", issuer: "Chính phủ", type: "Nghị quyết"));
        var plan = await CreateAsync(editor, Valid("37/KH-UBND", "Kế hoạch triển khai Nghị quyết 76", issuer: "UBND huyện Thử Nghiệm", type: "Kế hoạch"));

        var missing = await editor.PostFormAsync($"{NewForm}/{plan}?handler=AddRelation", new() { ["RelationKind"] = "Implements", ["RelationNumber"] = "5/NQ-CP" }, $"{NewForm}/{plan}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Contains("Văn bản liên quan: không tìm thấy văn bản số 5/NQ-CP trong thư viện", WebUtility.HtmlDecode(await missing.Content.ReadAsStringAsync()));
        var added = await editor.PostFormAsync($"{NewForm}/{plan}?handler=AddRelation", new() { ["RelationKind"] = "Implements", ["RelationNumber"] = "76/nq-cp" }, $"{NewForm}/{plan}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        Assert.Contains("Triển khai thực hiện: <a href=\"/van-ban/", await PublicAsync(plan));
        Assert.Contains("Được triển khai bởi: <a href=\"/van-ban/", await PublicAsync(resolution));

        // A corrected number gives a new address; the old one answers 301.
        var oldSlug = (await LoadAsync(plan)).Slug;
        var fields = Valid("38/KH-UBND", "Kế hoạch triển khai Nghị quyết 76", issuer: "UBND huyện Thử Nghiệm", type: "Kế hoạch");
        Assert.Equal(HttpStatusCode.Redirect, (await editor.PostFormAsync($"{NewForm}/{plan}?handler=Save", fields, $"{NewForm}/{plan}")).StatusCode);
        var newSlug = (await LoadAsync(plan)).Slug;
        Assert.StartsWith("ke-hoach-38-kh-ubnd", newSlug);
        var moved = await Factory.Anonymous().GetAsync("/van-ban/" + oldSlug);
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/van-ban/" + newSlug, moved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_manager_needs_an_editor_and_every_form_needs_its_antiforgery_token()
    {
        var anonymous = Factory.Anonymous();
        var denied = await anonymous.GetAsync(Manage);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/tai-khoan/dang-nhap", denied.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(NewForm)).StatusCode);

        await Factory.EnsureUserAsync("kiemduyet-vb@test.local", "Staff!Passw0rd#2026", PortalRoles.Moderator);
        var moderator = await Factory.SignedInAsync("kiemduyet-vb@test.local", "Staff!Passw0rd#2026");
        Assert.Contains("/tai-khoan/khong-co-quyen", (await moderator.GetAsync(Manage)).Headers.Location!.ToString());

        var editor = await Factory.EditorAsync();
        var list = await editor.GetAsync(Manage);
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("href=\"/quan-tri/van-ban\" aria-current=\"page\"", await list.Content.ReadAsStringAsync());

        var noToken = await editor.PostAsync(NewForm + "?handler=Save", new FormUrlEncodedContent(Valid("600/QĐ-UBND", "Không có mã chống giả mạo")));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        using var scope = Factory.Services.CreateScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Documents.AnyAsync(d => d.Number == "600/QĐ-UBND"));
    }
}
