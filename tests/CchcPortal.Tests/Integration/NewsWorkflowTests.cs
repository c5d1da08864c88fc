using System.Net;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

/// <summary>An editor writes, publishes, edits, schedules and unpublishes; the public side follows each step.</summary>
public class NewsWorkflowTests : IDisposable
{
    private readonly PortalFactory _factory = new();
    public void Dispose() => _factory.Dispose();

    private async Task<int> CategoryIdAsync(string slug)
    {
        using var scope = _factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Categories.SingleAsync(c => c.Slug == slug)).Id;
    }

    private async Task<Post> PostByTitleAsync(string title)
    {
        using var scope = _factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.AsNoTracking().SingleAsync(p => p.Title == title);
    }

    private static Dictionary<string, string> Fields(string title, string body, int categoryId, string tags = "") => new()
    {
        ["Input.Title"] = title,
        ["Input.Summary"] = "",
        ["Input.BodyHtml"] = body,
        ["Input.CategoryId"] = categoryId.ToString(),
        ["Input.Tags"] = tags,
    };

    [Fact]
    public async Task Draft_publish_edit_unpublish_round_trip()
    {
        var editor = await _factory.EditorAsync();
        var anonymous = _factory.Anonymous();
        var categoryId = await CategoryIdAsync("tin-hoat-dong-cchc");
        const string title = "Đăng ký khai sinh trực tuyến tại xã Ea Tu";

        // Draft: saved, not public.
        var save = await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Save",
            Fields(title, "<p>Người dân đăng ký khai sinh qua Cổng dịch vụ công.</p><script>alert('x')</script>", categoryId, "khai sinh, dịch vụ công"),
            "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        var post = await PostByTitleAsync(title);
        Assert.Equal("dang-ky-khai-sinh-truc-tuyen-tai-xa-ea-tu", post.Slug);
        Assert.Equal(PublicationStatus.Draft, post.Status);
        Assert.DoesNotContain("<script", post.BodyHtml);
        Assert.Contains("Cổng dịch vụ công", post.BodyHtml);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/tin-tuc/{post.Slug}")).StatusCode);
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/tin-tuc"));

        // Publish: on the list, the article, RSS and sitemap.
        var editUrl = $"/quan-tri/bai-viet/sua/{post.Id}";
        var publish = await editor.PostFormAsync($"{editUrl}?handler=Publish",
            Fields(title, "<p>Người dân đăng ký khai sinh qua Cổng dịch vụ công.</p>", categoryId, "khai sinh"), editUrl);
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Contains(title, await anonymous.GetStringAsync("/tin-tuc"));
        Assert.Contains(title, await anonymous.GetStringAsync("/"));
        Assert.Contains(title, await anonymous.GetStringAsync("/rss.xml"));
        Assert.Contains($"/tin-tuc/{post.Slug}", await anonymous.GetStringAsync("/sitemap.xml"));
        var article = await anonymous.GetStringAsync($"/tin-tuc/{post.Slug}");
        Assert.Contains("Người dân đăng ký khai sinh", article);
        Assert.Contains("/tin-tuc/the/khai-sinh", article);

        // Edit: the cached article shows the new text at once.
        var edit = await editor.PostFormAsync($"{editUrl}?handler=Publish",
            Fields(title, "<p>Đã sửa: thời gian giải quyết rút xuống còn 1 ngày làm việc.</p>", categoryId), editUrl);
        Assert.Equal(HttpStatusCode.Redirect, edit.StatusCode);
        var edited = await anonymous.GetStringAsync($"/tin-tuc/{post.Slug}");
        Assert.Contains("rút xuống còn 1 ngày làm việc", edited);
        Assert.DoesNotContain("qua Cổng dịch vụ công", edited);

        // Revisions: three saves, three revisions; restoring the first brings its text back.
        using (var scope = _factory.Services.CreateScope())
        {
            var revisions = await scope.ServiceProvider.GetRequiredService<PostManagerQueries>().RevisionsAsync(post.Id);
            Assert.Equal(3, revisions.Count);
            var first = revisions.Last();
            var restore = await editor.PostFormAsync($"/quan-tri/bai-viet/{post.Id}/phien-ban?handler=Restore",
                new() { ["revisionId"] = first.Id.ToString() }, $"/quan-tri/bai-viet/{post.Id}/phien-ban");
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        }
        Assert.Contains("qua Cổng dịch vụ công", await anonymous.GetStringAsync($"/tin-tuc/{post.Slug}"));

        // Unpublish: gone again.
        var unpublish = await editor.PostFormAsync($"{editUrl}?handler=Unpublish", new(), editUrl);
        Assert.Equal(HttpStatusCode.Redirect, unpublish.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/tin-tuc/{post.Slug}")).StatusCode);
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/tin-tuc"));
        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/rss.xml"));
    }

    [Fact]
    public async Task Preview_shows_a_draft_to_staff_only()
    {
        var editor = await _factory.EditorAsync();
        var categoryId = await CategoryIdAsync("guong-dien-hinh");
        await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Save", Fields("Gương sáng cán bộ một cửa", "<p>Tận tụy.</p>", categoryId), "/quan-tri/bai-viet/sua");
        var post = await PostByTitleAsync("Gương sáng cán bộ một cửa");
        var preview = await editor.GetStringAsync($"/quan-tri/bai-viet/{post.Id}/xem-truoc");
        Assert.Contains("BẢN XEM TRƯỚC", preview);
        Assert.Contains("Tận tụy.", preview);
        var anonymous = await _factory.Anonymous().GetAsync($"/quan-tri/bai-viet/{post.Id}/xem-truoc");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    [Fact]
    public async Task Scheduled_post_appears_only_after_its_time()
    {
        var editor = await _factory.EditorAsync();
        var anonymous = _factory.Anonymous();
        var categoryId = await CategoryIdAsync("tin-hoat-dong-cchc");
        const string title = "Hội nghị triển khai kế hoạch CCHC năm 2027";
        var localNow = _factory.Clock.GetUtcNow().UtcDateTime.AddHours(7);
        var fields = Fields(title, "<p>Sáng mai, UBND tỉnh tổ chức hội nghị.</p>", categoryId);
        fields["PublishAt"] = localNow.AddHours(2).ToString("yyyy-MM-ddTHH:mm");
        var schedule = await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Schedule", fields, "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.Redirect, schedule.StatusCode);
        var post = await PostByTitleAsync(title);
        Assert.Equal(PublicationStatus.Scheduled, post.Status);

        Assert.DoesNotContain(title, await anonymous.GetStringAsync("/tin-tuc"));
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/tin-tuc/{post.Slug}")).StatusCode);

        _factory.Clock.Advance(TimeSpan.FromHours(3));
        // The publishing service ticks on the fake clock; give it a moment to run and evict the cache.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await PostByTitleAsync(title)).Status != PublicationStatus.Published && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(PublicationStatus.Published, (await PostByTitleAsync(title)).Status);
        Assert.Contains(title, await anonymous.GetStringAsync("/tin-tuc"));
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/tin-tuc/{post.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Schedule_in_the_past_is_refused_with_a_message_and_the_text_is_kept()
    {
        var editor = await _factory.EditorAsync();
        var fields = Fields("Tin hẹn giờ sai", "<p>Nội dung giữ lại.</p>", await CategoryIdAsync("tin-hoat-dong-cchc"));
        fields["PublishAt"] = _factory.Clock.GetUtcNow().UtcDateTime.AddHours(7).AddDays(-1).ToString("yyyy-MM-ddTHH:mm");
        var response = await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Schedule", fields, "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Thời điểm hẹn giờ đăng phải ở tương lai.", html);
        Assert.Contains("Nội dung giữ lại.", System.Net.WebUtility.HtmlDecode(html));
    }

    [Fact]
    public async Task Invalid_input_gets_vietnamese_messages_and_keeps_what_was_typed()
    {
        var editor = await _factory.EditorAsync();
        var fields = Fields("", "<p>Bài chưa có tiêu đề</p>", 0);
        var response = await editor.PostFormAsync("/quan-tri/bai-viet/sua?handler=Save", fields, "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập tiêu đề bài viết.", html);
        Assert.Contains("Vui lòng chọn chuyên mục.", html);
        Assert.Contains("Bài chưa có tiêu đề", html);
    }

    [Fact]
    public async Task Upload_that_is_not_an_image_is_refused_by_content()
    {
        var editor = await _factory.EditorAsync();
        var token = await editor.AntiforgeryTokenAsync("/quan-tri/bai-viet/sua");
        using var content = new MultipartFormDataContent
        {
            { new StringContent("Ảnh giả mạo"), "Input.Title" },
            { new StringContent((await CategoryIdAsync("tin-hoat-dong-cchc")).ToString()), "Input.CategoryId" },
            { new StringContent("mô tả"), "Input.FeaturedImageAlt" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        var fake = new ByteArrayContent("<?php echo 'not an image'; ?>"u8.ToArray());
        fake.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        content.Add(fake, "FeaturedImageFile", "anh.jpg");
        var response = await editor.PostAsync("/quan-tri/bai-viet/sua?handler=Save", content);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("không phải là ảnh", System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Real_image_upload_is_stored_and_served()
    {
        var editor = await _factory.EditorAsync();
        var token = await editor.AntiforgeryTokenAsync("/quan-tri/bai-viet/sua");
        // A 1x1 PNG.
        var png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
        using var content = new MultipartFormDataContent
        {
            { new StringContent("Tin có ảnh"), "Input.Title" },
            { new StringContent((await CategoryIdAsync("tin-hoat-dong-cchc")).ToString()), "Input.CategoryId" },
            { new StringContent("Quang cảnh hội nghị"), "Input.FeaturedImageAlt" },
            { new StringContent(token), "__RequestVerificationToken" },
        };
        content.Add(new ByteArrayContent(png), "FeaturedImageFile", "ten-gi-cung-duoc.txt");
        var response = await editor.PostAsync("/quan-tri/bai-viet/sua?handler=Save", content);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var post = await PostByTitleAsync("Tin có ảnh");
        Assert.NotNull(post.FeaturedImage);
        Assert.EndsWith(".png", post.FeaturedImage);
        var image = await _factory.Anonymous().GetAsync(post.FeaturedImage);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
    }
}
