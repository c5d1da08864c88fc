using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public class MediaLibraryTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private static async Task<HttpResponseMessage> PostFileAsync(HttpClient client, string url, string tokenPage, string fileName, byte[] content, Dictionary<string, string>? fields = null)
    {
        using var form = new MultipartFormDataContent { { new StringContent(await client.AntiforgeryTokenAsync(tokenPage)), "__RequestVerificationToken" } };
        foreach (var (k, v) in fields ?? []) form.Add(new StringContent(v), k);
        form.Add(new ByteArrayContent(content), "Upload", fileName);
        return await client.PostAsync(url, form);
    }

    [Fact]
    public async Task Editors_upload_search_replace_and_cannot_delete_a_file_in_use()
    {
        var editor = await _factory.EditorAsync();

        var noAlt = await PostFileAsync(editor, "/quan-tri/thu-vien", "/quan-tri/thu-vien", "hoi-nghi.jpg", TestImages.Jpeg(800, 600));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAlt.StatusCode);
        Assert.Contains("Vui lòng nhập văn bản thay thế", WebUtility.HtmlDecode(await noAlt.Content.ReadAsStringAsync()));

        var fake = await PostFileAsync(editor, "/quan-tri/thu-vien", "/quan-tri/thu-vien", "anh.jpg", Encoding.UTF8.GetBytes("không phải ảnh"), new() { ["AltText"] = "Ảnh" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.StatusCode);
        Assert.Contains("không phải là ảnh", WebUtility.HtmlDecode(await fake.Content.ReadAsStringAsync()));

        var uploaded = await PostFileAsync(editor, "/quan-tri/thu-vien", "/quan-tri/thu-vien", "hoi-nghi.jpg", TestImages.Jpeg(800, 600),
            new() { ["AltText"] = "Hội nghị triển khai cải cách hành chính", ["Title"] = "Hội nghị tháng 11" });
        Assert.Equal(HttpStatusCode.Redirect, uploaded.StatusCode);
        var editUrl = uploaded.Headers.Location!.OriginalString;
        var id = int.Parse(Regex.Match(editUrl, @"\d+$").Value);

        Assert.Contains("hoi-nghi.jpg", await editor.GetStringAsync("/quan-tri/thu-vien?q=cai+cach"));
        Assert.Contains("hoi-nghi.jpg", await editor.GetStringAsync("/quan-tri/thu-vien?q=cải+cách&loai=Image"));
        Assert.DoesNotContain("hoi-nghi.jpg", await editor.GetStringAsync("/quan-tri/thu-vien?q=dat+dai"));
        Assert.DoesNotContain("hoi-nghi.jpg", await editor.GetStringAsync("/quan-tri/thu-vien?loai=Document"));

        string url;
        using (var scope = _factory.Services.CreateScope())
            url = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().MediaItems.SingleAsync(m => m.Id == id)).Url;

        // A post uses it in its body.
        int categoryId;
        using (var scope = _factory.Services.CreateScope())
            categoryId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.FirstAsync()).Id;
        var save = await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Save", new()
        {
            ["Input.Title"] = "Tin dùng ảnh thư viện", ["Input.BodyHtml"] = $"<p>Ảnh:</p><p><img src=\"{url}\" alt=\"Hội nghị\"></p>",
            ["Input.CategoryId"] = categoryId.ToString(),
        }, "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);

        var refused = await editor.PostFormAsync($"{editUrl}?handler=Delete", new(), editUrl);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var refusedHtml = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("tệp đang được dùng ở 1 nơi", refusedHtml);
        Assert.Contains("Tin dùng ảnh thư viện", refusedHtml);
        Assert.Equal(HttpStatusCode.OK, (await _factory.Anonymous().GetAsync(url)).StatusCode);

        // Replacing moves the post to the new file and removes the old one.
        var wrongKind = await PostFileAsync(editor, $"{editUrl}?handler=Replace", editUrl, "mau.pdf", Unit.MediaSanitizerTests.PdfWithAuthor("A"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, wrongKind.StatusCode);
        var replaced = await PostFileAsync(editor, $"{editUrl}?handler=Replace", editUrl, "hoi-nghi-moi.png", TestImages.PngWithGps());
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        using (var scope = _factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            var item = await db.MediaItems.SingleAsync(m => m.Id == id);
            Assert.NotEqual(url, item.Url);
            Assert.EndsWith(".png", item.Url);
            Assert.Equal((40, 30), (item.Width!.Value, item.Height!.Value));
            var post = await db.Posts.SingleAsync(p => p.Title == "Tin dùng ảnh thư viện");
            Assert.Contains(item.Url, post.BodyHtml);
            Assert.DoesNotContain(url, post.BodyHtml);
            Assert.Equal(HttpStatusCode.NotFound, (await _factory.Anonymous().GetAsync(url)).StatusCode);
            Assert.False(TestImages.HasGps(await _factory.Anonymous().GetByteArrayAsync(item.Url)));
        }

        // Unused files are deleted.
        var doc = await PostFileAsync(editor, "/quan-tri/thu-vien", "/quan-tri/thu-vien", "ke-hoach.pdf", Unit.MediaSanitizerTests.PdfWithAuthor("B"));
        Assert.Equal(HttpStatusCode.Redirect, doc.StatusCode);
        var docUrl = doc.Headers.Location!.OriginalString;
        Assert.Contains("ke-hoach.pdf", await editor.GetStringAsync("/quan-tri/thu-vien?loai=Document"));
        var deleted = await editor.PostFormAsync($"{docUrl}?handler=Delete", new(), docUrl);
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain("ke-hoach.pdf", await editor.GetStringAsync("/quan-tri/thu-vien"));
    }

    [Fact]
    public async Task The_library_is_for_editors_only()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await _factory.Anonymous().GetAsync("/quan-tri/thu-vien")).StatusCode);
    }
}
