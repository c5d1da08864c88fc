using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using CchcPortal.Core.Data;
using CchcPortal.Media.Images;
using CchcPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public class ImageVariantTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private async Task<HttpResponseMessage> PublishWithImageAsync(string title, string fileName, byte[] image)
    {
        var editor = await _factory.EditorAsync();
        int categoryId;
        using (var scope = _factory.Services.CreateScope())
            categoryId = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.FirstAsync(c => c.Slug == "tin-hoat-dong-cchc")).Id;
        using var content = new MultipartFormDataContent
        {
            { new StringContent(title), "Input.Title" },
            { new StringContent("<p>Hội nghị triển khai kế hoạch cải cách hành chính năm 2026.</p>"), "Input.BodyHtml" },
            { new StringContent(categoryId.ToString()), "Input.CategoryId" },
            { new StringContent("Quang cảnh hội nghị"), "Input.FeaturedImageAlt" },
            { new StringContent(await editor.AntiforgeryTokenAsync("/quan-tri/bai-viet/sua")), "__RequestVerificationToken" },
        };
        var part = new ByteArrayContent(image);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "FeaturedImageFile", fileName);
        return await editor.PostAsync("/quan-tri/bai-viet/sua?handler=Publish", content);
    }

    private async Task<string> FeaturedImageAsync(string title)
    {
        using var scope = _factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.SingleAsync(p => p.Title == title)).FeaturedImage!;
    }

    [Fact]
    public async Task Uploaded_images_lose_their_gps_and_bombs_are_refused()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PublishWithImageAsync("Ảnh có tọa độ", "ten-bat-ky.bin", TestImages.PngWithGps())).StatusCode);
        var stored = await _factory.Anonymous().GetByteArrayAsync(await FeaturedImageAsync("Ảnh có tọa độ"));
        Assert.False(TestImages.HasGps(stored));

        var bomb = await PublishWithImageAsync("Ảnh quá lớn", "bom.png", TestImages.PngDeclaring(30_000, 30_000));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bomb.StatusCode);
        Assert.Contains("30000 × 30000", WebUtility.HtmlDecode(await bomb.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Variants_are_made_at_preset_widths_only_once_and_revalidate_with_their_etag()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await PublishWithImageAsync("Hội nghị CCHC có ảnh lớn", "hoi-nghi.jpg", TestImages.Jpeg(1500, 1000))).StatusCode);
        var original = await FeaturedImageAsync("Hội nghị CCHC có ảnh lớn");
        var client = _factory.Anonymous();

        string slug;
        using (var scope = _factory.Services.CreateScope())
            slug = (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.SingleAsync(p => p.Title == "Hội nghị CCHC có ảnh lớn")).Slug;
        var article = await client.GetStringAsync($"/tin-tuc/{slug}");
        var picture = Regex.Match(article, "<picture>.*?</picture>", RegexOptions.Singleline).Value;
        Assert.Contains("type=\"image/webp\"", picture);
        Assert.Contains("width=\"1500\"", picture);
        Assert.Contains("height=\"1000\"", picture);
        Assert.Contains(" 1280w", picture);
        Assert.DoesNotContain(" 1920w", picture); // never larger than the original

        var relative = original["/media/".Length..];
        var variants = _factory.Services.GetRequiredService<ImageVariants>();
        var before = variants.Made;
        var url = $"/media/v/640/{relative}.webp";
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.GetAsync(url)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before + 1, variants.Made);

        var first = responses[0];
        Assert.Equal("image/webp", first.Content.Headers.ContentType?.MediaType);
        Assert.Contains("immutable", first.Headers.CacheControl?.ToString());
        using (var made = NetVips.Image.NewFromBuffer(await first.Content.ReadAsByteArrayAsync()))
            Assert.Equal((640, 427), (made.Width, made.Height));
        var etag = first.Headers.ETag!;
        var again = await client.GetAsync(url);
        Assert.Equal(etag, again.Headers.ETag);
        using var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/media/v/320/{relative}.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/v/500/{relative}.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/v/640/{relative}.gif")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/v/640/images/../../cchcportal.db.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/media/v/640/images/2026/11/khong-co.jpg.webp")).StatusCode);
    }
}
