using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search.Vocabulary;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.Search;

/// <summary>The citizen vocabulary managed at /quan-tri/cai-dat/tu-dong-nghia: seeded, guarded, validated, applied to searches at once.</summary>
public class SearchVocabularyTests : IDisposable
{
    private const string Page = "/quan-tri/cai-dat/tu-dong-nghia";
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private static async Task<List<string>> TitlesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/search?q=" + Uri.EscapeDataString(query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("items").EnumerateArray()
            .Select(i => i.GetProperty("title").GetString()!).ToList();
    }

    private async Task<List<SearchVocabularyEntry>> StoredAsync()
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SearchVocabularyEntries.AsNoTracking().OrderBy(e => e.Id).ToListAsync();
    }

    private static Dictionary<string, string> Entry(string key, string official, VocabularyKind kind = VocabularyKind.Equivalent, string group = "") => new()
    {
        ["Input.Key"] = key, ["Input.Official"] = official, ["Input.Kind"] = kind.ToString(), ["Input.Group"] = group, ["Input.Enabled"] = "true",
    };

    [Fact]
    public async Task The_seed_file_is_imported_once_with_its_groups()
    {
        var stored = await StoredAsync();
        Assert.True(stored.Count >= 150, $"{stored.Count} entries seeded");
        Assert.Equal(["hoi-dap", "thong-dung", "thu-tuc"], stored.Select(e => e.Group).Distinct().Order());
        Assert.Contains(stored, e => e.Key == "sang tên sổ đỏ" && e.Official == "đăng ký biến động" && e.Kind == VocabularyKind.Equivalent && e.Enabled);
    }

    [Fact]
    public async Task An_administrator_adds_an_everyday_word_and_a_search_that_found_nothing_finds_at_once_without_reindexing()
    {
        await _factory.WaitForSearchAsync();
        var anonymous = _factory.Anonymous();
        Assert.Empty(await TitlesAsync(anonymous, "zxqv"));
        var admin = await _factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);

        var added = await admin.PostFormAsync(Page + "?handler=Add", Entry("ZXQV", "Trà Bồng"));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var entry = Assert.Single(await StoredAsync(), e => e.Key == "zxqv");
        Assert.Equal(("trà bồng", SearchVocabularyEntry.ManagerGroup), (entry.Official, entry.Group));
        // The plan of Trà Bồng (a seeded document) is found by the new word: the index was not touched.
        Assert.Contains(await TitlesAsync(anonymous, "zxqv"), t => t.Contains("Trà Bồng", StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{Page}?handler=Toggle&id={entry.Id}&enabled=false", new())).StatusCode);
        Assert.Empty(await TitlesAsync(anonymous, "zxqv"));
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostFormAsync($"{Page}?handler=Delete&id={entry.Id}", new())).StatusCode);
        Assert.DoesNotContain(await StoredAsync(), e => e.Key == "zxqv");

        using var scope = _factory.Services.CreateScope();
        var audit = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.Target == $"SearchVocabularyEntry:{entry.Id}").Select(a => a.Summary).ToListAsync();
        Assert.Equal(3, audit.Count);
        Assert.Contains(audit, s => s.StartsWith("Thêm từ điển tìm kiếm “zxqv”", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("", "căn cước", "Vui lòng nhập cách nói của người dân")]
    [InlineData("abc", "", "Vui lòng nhập cách gọi chính thức")]
    [InlineData("căn cước", "Căn Cước", "phải khác cách nói")]
    [InlineData("cmnd", "giấy chứng nhận", "Cách nói \"cmnd\" đã có trong từ điển")]
    [InlineData("thẻ xanh", "căn cước; hộ chiếu", "chỉ có một cách gọi chính thức")]
    [InlineData("thẻ xanh", "<script>alert(1)</script>" + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "không được dài quá 300 ký tự")]
    public async Task Bad_input_keeps_the_stored_entries_and_says_why(string key, string official, string message)
    {
        var before = await StoredAsync();
        var admin = await _factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var response = await admin.PostFormAsync(Page + "?handler=Add", Entry(key, official));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(message, WebUtility.HtmlDecode(html));
        Assert.DoesNotContain("<script>alert(1)", html);

        var sodo = before.Single(e => e.Key == "sổ đỏ");
        var edit = await admin.PostFormAsync($"{Page}?handler=Update&id={sodo.Id}", Entry(key, official), Page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, edit.StatusCode);
        Assert.Equal(before.Select(e => (e.Key, e.Official, e.Kind, e.Enabled)), (await StoredAsync()).Select(e => (e.Key, e.Official, e.Kind, e.Enabled)));
    }

    [Fact]
    public async Task Export_then_import_round_trips_and_a_file_with_a_bad_line_changes_nothing()
    {
        var admin = await _factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var exported = await admin.GetStringAsync(Page + "?handler=Export");
        Assert.StartsWith(VocabularyTsv.Header + "\n", exported);
        Assert.Contains("sổ đỏ\tgiấy chứng nhận quyền sử dụng đất\tequivalent\tthong-dung\n", exported);
        var before = await StoredAsync();

        var bad = await ImportAsync(admin, exported + "thẻ xanh\tcăn cước\tsynonym\tx\n");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bad.StatusCode);
        Assert.Contains($"Dòng {exported.Split('\n').Length}: Loại \"synonym\" không hợp lệ", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        Assert.Equal(before.Count, (await StoredAsync()).Count);

        var good = await ImportAsync(admin, exported + "thẻ xanh\tcăn cước\tequivalent\tnhap-thu\n");
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var after = await StoredAsync();
        Assert.Equal(before.Count + 1, after.Count);
        Assert.Contains(after, e => e.Key == "thẻ xanh" && e.Group == "nhap-thu");
    }

    [Fact]
    public async Task Only_administrators_reach_the_page()
    {
        var anonymous = await _factory.Anonymous().GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/tai-khoan/dang-nhap", anonymous.Headers.Location!.OriginalString);
        var editor = await (await _factory.EditorAsync()).GetAsync(Page);
        Assert.True(editor.StatusCode is HttpStatusCode.Forbidden
            || editor.Headers.Location?.OriginalString.StartsWith("/tai-khoan/khong-co-quyen", StringComparison.Ordinal) == true, $"editor got {editor.StatusCode}");
        var admin = await (await _factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword)).GetStringAsync(Page + "?q=s%E1%BB%95+%C4%91%E1%BB%8F");
        Assert.Contains("giấy chứng nhận quyền sử dụng đất", WebUtility.HtmlDecode(admin));
    }

    private static async Task<HttpResponseMessage> ImportAsync(HttpClient client, string tsv)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(await client.AntiforgeryTokenAsync(Page)), "__RequestVerificationToken");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(tsv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/tab-separated-values");
        form.Add(file, "file", "tu-dien.tsv");
        return await client.PostAsync(Page + "?handler=Import", form);
    }
}
