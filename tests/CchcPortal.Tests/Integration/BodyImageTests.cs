using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Tests.Support;
using CchcPortal.Web.Features.Media;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CchcPortal.Tests.Integration;

/// <summary>
/// Images inside articles (issue 22): the editor's picker endpoints, the check of body images on save (import or
/// refuse) and the responsive pictures of the public article. One portal for the class.
/// </summary>
public sealed class BodyImageTests(BodyImageTests.Portal portal, ITestOutputHelper output) : IClassFixture<BodyImageTests.Portal>
{
    public sealed class Portal : IDisposable
    {
        public PortalFactory Factory { get; } = new();
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory Factory => portal.Factory;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] content, string fileName, string? alt, bool withToken = true)
    {
        using var form = new MultipartFormDataContent();
        if (withToken) form.Add(new StringContent(await client.AntiforgeryTokenAsync("/quan-tri/bai-viet/sua")), "__RequestVerificationToken");
        if (alt is not null) form.Add(new StringContent(alt), "AltText");
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(part, "Upload", fileName);
        return await client.PostAsync(ImagePickerEndpoints.Path, form);
    }

    private async Task<ImagePickerEndpoints.PickerImage> UploadImageAsync(HttpClient client, byte[] content, string alt)
    {
        var response = await UploadAsync(client, content, "anh.jpg", alt);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<ImagePickerEndpoints.PickerImage>(Json))!;
    }

    private async Task<int> CategoryIdAsync()
    {
        using var scope = Factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.FirstAsync()).Id;
    }

    private async Task<HttpResponseMessage> SavePostAsync(HttpClient editor, string title, string body, string handler = "Save") =>
        await editor.PostFormAsync($"/quan-tri/bai-viet/sua?handler={handler}", new()
        {
            ["Input.Title"] = title, ["Input.BodyHtml"] = body, ["Input.CategoryId"] = (await CategoryIdAsync()).ToString(),
        }, "/quan-tri/bai-viet/sua");

    private T Db<T>(Func<PortalDbContext, T> read)
    {
        using var scope = Factory.Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<PortalDbContext>());
    }

    /// <summary>A photo-like 1,800 × 1,200 JPEG (blurred colour noise), the first noise level that brings it to about the 188 KB.</summary>
    private static byte[] PhotoLike()
    {
        byte[] jpeg = [];
        foreach (var sigma in new[] { 30, 24, 18, 14, 10, 7, 5, 3 })
        {
            using var noise = NetVips.Image.Gaussnoise(1800, 1200, mean: 128, sigma: sigma);
            using var blurred = noise.Gaussblur(1.5);
            using var rgb = blurred.Bandjoin(blurred.Flip(NetVips.Enums.Direction.Horizontal), blurred.Flip(NetVips.Enums.Direction.Vertical)).Cast(NetVips.Enums.BandFormat.Uchar);
            jpeg = rgb.JpegsaveBuffer(q: 80);
            if (jpeg.Length <= 200_000) break;
        }
        return jpeg;
    }

    [Fact]
    public async Task Picker_endpoints_are_for_article_writers_and_check_what_they_receive()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Factory.Anonymous().GetAsync(ImagePickerEndpoints.Path)).StatusCode);
        var moderator = await Factory.StaffAsync("picker-moderator@test.local", PortalRoles.Moderator);
        var denied = await moderator.GetAsync(ImagePickerEndpoints.Path);
        Assert.True(denied.StatusCode is HttpStatusCode.Forbidden || denied.Headers.Location?.OriginalString.StartsWith("/tai-khoan/khong-co-quyen") == true, $"{denied.StatusCode}");
        var deniedPost = await UploadAsync(moderator, TestImages.Jpeg(100, 80), "anh.jpg", "Ảnh", withToken: false);
        Assert.True(deniedPost.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{deniedPost.StatusCode}");

        var contributor = await Factory.StaffAsync("picker-contributor@test.local", PortalRoles.Contributor);
        var noToken = await UploadAsync(contributor, TestImages.Jpeg(100, 80), "anh.jpg", "Ảnh", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Contains("tải lại trang", await noToken.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var noAlt = await UploadAsync(contributor, TestImages.Jpeg(100, 80), "anh.jpg", "  ");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noAlt.StatusCode);
        Assert.Contains("Vui lòng nhập văn bản thay thế", await noAlt.Content.ReadAsStringAsync());
        var notImage = await UploadAsync(contributor, Encoding.UTF8.GetBytes("<svg onload=alert(1)>"), "anh.jpg", "Ảnh");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, notImage.StatusCode);
        Assert.Contains("không phải là ảnh", await notImage.Content.ReadAsStringAsync());
        var pdf = await UploadAsync(contributor, Unit.MediaSanitizerTests.PdfWithAuthor("A"), "mau.pdf", "Mẫu");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, pdf.StatusCode);
        Assert.Equal(0, Db(db => db.MediaItems.Count(m => m.UploadedBy == "picker-contributor@test.local")));

        var image = await UploadImageAsync(contributor, TestImages.Jpeg(900, 600), "Tổ một cửa tiếp nhận hồ sơ cải cách");
        Assert.StartsWith("/media/images/", image.Url);
        Assert.Equal((900, 600), (image.Width!.Value, image.Height!.Value));
        Assert.Equal(HttpStatusCode.OK, (await Factory.Anonymous().GetAsync(image.Thumbnail)).StatusCode);

        var found = await contributor.GetFromJsonAsync<ImagePickerEndpoints.PickerPage>($"{ImagePickerEndpoints.Path}?q=cai+cach", Json);
        Assert.Contains(found!.Items, i => i.Id == image.Id);
        var other = await contributor.GetFromJsonAsync<ImagePickerEndpoints.PickerPage>($"{ImagePickerEndpoints.Path}?q=dat+dai", Json);
        Assert.DoesNotContain(other!.Items, i => i.Id == image.Id);
    }

    [Fact]
    public async Task Saving_imports_pasted_and_stored_images_and_refuses_the_rest_with_a_message()
    {
        var editor = await Factory.EditorAsync();
        var library = await UploadImageAsync(editor, TestImages.Jpeg(800, 600), "Hội nghị giao ban");

        async Task Refused(string body, string message)
        {
            var title = "Bị từ chối " + Guid.NewGuid().ToString("N")[..6];
            var response = await SavePostAsync(editor, title, body);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
            var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, html);
            Assert.Equal(0, Db(db => db.Posts.Count(p => p.Title == title)));
        }
        await Refused("<p><img src=\"https://example.com/anh.jpg\" alt=\"Ảnh\"></p>", "không thuộc thư viện của cổng");
        await Refused("<p><img src=\"//example.com/anh.jpg\" alt=\"Ảnh\"></p>", "không thuộc thư viện của cổng");
        await Refused("<p><img data-media-id=\"999999\" src=\"/media/images/x.jpg\" alt=\"Ảnh\"></p>", "không có trong thư viện");
        await Refused("<p><img src=\"/media/images/2026/11/khong-co.jpg\" alt=\"Ảnh\"></p>", "không có trong thư viện");
        var png = Convert.ToBase64String(TestImages.PngWithGps());
        await Refused($"<p><img src=\"data:image/png;base64,{png}\"></p>", "chưa có văn bản thay thế");
        await Refused($"<p><img src=\"data:image/png;base64,{Convert.ToBase64String(Encoding.UTF8.GetBytes("không phải ảnh"))}\" alt=\"Ảnh\"></p>", "Ảnh dán vào bài không được nhận");

        // Accepted: a library reference without alt takes the library's, a decorative one stays empty, a pasted image
        // and an older /media path (registered from a featured image before the library) are imported.
        var before = Db(db => db.MediaItems.Count());
        var saved = await SavePostAsync(editor, "Tin có ảnh dán vào",
            $"<p><img data-media-id=\"{library.Id}\" src=\"{library.EditorSrc}\"></p><p><img src=\"{library.Url}\" alt=\"\"></p>" +
            $"<p><img src=\"data:image/png;base64,{png}\" alt=\"Biểu đồ hồ sơ trực tuyến\"></p>");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var body = Db(db => db.Posts.Single(p => p.Title == "Tin có ảnh dán vào").BodyHtml);
        Assert.Contains($"<img data-media-id=\"{library.Id}\" src=\"{library.Url}\" alt=\"Hội nghị giao ban\">", body);
        Assert.Contains($"<img src=\"{library.Url}\" alt=\"\" data-media-id=\"{library.Id}\">", body);
        Assert.DoesNotContain("data:", body);
        var imported = Db(db => db.MediaItems.OrderByDescending(m => m.Id).First());
        Assert.Equal(before + 1, Db(db => db.MediaItems.Count()));
        Assert.Equal("Biểu đồ hồ sơ trực tuyến", imported.AltText);
        Assert.Contains($"data-media-id=\"{imported.Id}\"", body);
        Assert.False(TestImages.HasGps(await Factory.Anonymous().GetByteArrayAsync(imported.Url)));

        // Static pages are checked the same way.
        var pageId = Db(db => db.StaticPages.First().Id);
        var page = await editor.PostFormAsync($"/quan-tri/trang/{pageId}", new()
            { ["Input.Title"] = "Giới thiệu", ["Input.BodyHtml"] = "<p><img src=\"http://10.0.0.1/anh.jpg\" alt=\"Ảnh\"></p>", ["Input.ShowInFooter"] = "true" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, page.StatusCode);
        Assert.Contains("không thuộc thư viện của cổng", WebUtility.HtmlDecode(await page.Content.ReadAsStringAsync()));
        page = await editor.PostFormAsync($"/quan-tri/trang/{pageId}", new()
            { ["Input.Title"] = "Giới thiệu", ["Input.BodyHtml"] = $"<p><img data-media-id=\"{library.Id}\" src=\"{library.EditorSrc}\" alt=\"Trụ sở\"></p>", ["Input.ShowInFooter"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        // The library counts both uses and will not delete the file.
        using var scope = Factory.Services.CreateScope();
        var media = scope.ServiceProvider.GetRequiredService<MediaLibrary>();
        var (deleted, uses) = await media.DeleteAsync(library.Id);
        Assert.False(deleted);
        Assert.Equal(["Bài viết", "Trang"], uses.Select(u => u.Kind).Order().ToArray());
    }

    [Fact]
    public async Task The_public_article_shows_body_images_as_responsive_pictures_with_their_caption()
    {
        var editor = await Factory.EditorAsync();
        var photo = PhotoLike();
        var image = await UploadImageAsync(editor, photo, "Người dân nộp hồ sơ tại bộ phận một cửa");
        var published = await SavePostAsync(editor, "Một cửa hiện đại",
            $"<p>Mở đầu.</p><figure><img data-media-id=\"{image.Id}\" src=\"{image.EditorSrc}\" alt=\"Người dân nộp hồ sơ\"><figcaption>Bộ phận một cửa phường</figcaption></figure>", "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var legacy = await SavePostAsync(editor, "Tin cũ có ảnh", "<p>Tạm.</p>", "Publish");
        Assert.Equal(HttpStatusCode.Redirect, legacy.StatusCode);
        // A post written before the picker: a bare path, no reference (stored directly, as old rows are).
        Db(db => db.Posts.Where(p => p.Title == "Tin cũ có ảnh")
            .ExecuteUpdate(s => s.SetProperty(p => p.BodyHtml, $"<p><img src=\"{image.Url}\" alt=\"Ảnh cũ\"></p>")));

        var client = Factory.Anonymous();
        var html = await client.GetStringAsync("/tin-tuc/" + Db(db => db.Posts.Single(p => p.Title == "Một cửa hiện đại").Slug));
        var figure = Regex.Match(html, "<figure><picture>.*?</figure>", RegexOptions.Singleline).Value;
        Assert.NotEmpty(figure);
        Assert.Contains("type=\"image/webp\"", figure);
        Assert.Contains("<figcaption>Bộ phận một cửa phường</figcaption>", figure);
        Assert.Contains("width=\"1800\"", figure);
        Assert.Contains("height=\"1200\"", figure);
        Assert.Contains("loading=\"lazy\"", figure);
        Assert.Contains("decoding=\"async\"", figure);
        Assert.Contains("alt=\"Người dân nộp hồ sơ\"", figure);
        Assert.Contains($"sizes=\"{ResponsivePicture.ArticleColumn}\"", figure);
        Assert.DoesNotContain("data-media-id", figure);
        var webp = Regex.Match(figure, "srcset=\"([^\" ]+\\.webp) 320w, ([^\" ]+\\.webp) 640w").Groups;
        Assert.True(webp[2].Success, figure);
        var jpeg = Regex.Match(figure, "<img[^>]* srcset=\"([^\" ]+\\.jpg) 320w").Groups;
        Assert.True(jpeg[1].Success, figure);

        var small = await client.GetAsync(webp[2].Value);
        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal("image/webp", small.Content.Headers.ContentType?.MediaType);
        var jpg = await client.GetAsync(jpeg[1].Value);
        Assert.Equal(HttpStatusCode.OK, jpg.StatusCode);
        Assert.Equal("image/jpeg", jpg.Content.Headers.ContentType?.MediaType);
        var at390 = (await small.Content.ReadAsByteArrayAsync()).Length;
        var at390Dpr3 = (await client.GetByteArrayAsync(ImageVariantEndpoints.Url(image.Url, 1280, CchcPortal.Media.Images.VariantFormat.Webp))).Length;
        var original = (await client.GetByteArrayAsync(image.Url)).Length;
        output.WriteLine($"original {original} B; 390 px screen: 640w WebP {at390} B (DPR 1), 1280w WebP {at390Dpr3} B (DPR 3)");
        Assert.True(at390 * 4 < original, $"{at390} vs {original}");

        var old = await client.GetStringAsync("/tin-tuc/" + Db(db => db.Posts.Single(p => p.Title == "Tin cũ có ảnh").Slug));
        var oldPicture = Regex.Match(old, "<picture>.*?</picture>", RegexOptions.Singleline).Value;
        Assert.Contains("type=\"image/webp\"", oldPicture);
        Assert.Contains("alt=\"Ảnh cũ\"", oldPicture);
        Assert.Contains("width=\"1800\"", oldPicture);
    }
}
