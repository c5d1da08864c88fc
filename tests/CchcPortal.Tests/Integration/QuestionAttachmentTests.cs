using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CchcPortal.Core.Data;
using CchcPortal.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration;

public class QuestionAttachmentTests
{
    private static Task<HttpResponseMessage> SubmitWithFilesAsync(HttpClient client, params (string Name, byte[] Content)[] files) =>
        SubmitWithFilesAsync(client, "Phản ánh ổ gà trước bộ phận một cửa xã", files);

    private static async Task<HttpResponseMessage> SubmitWithFilesAsync(HttpClient client, string title, params (string Name, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(await client.AntiforgeryTokenAsync("/hoi-dap/gui-cau-hoi")), "__RequestVerificationToken" },
            { new StringContent(await client.SolvedAltchaAsync()), "altcha" },
            { new StringContent("Question"), "Input.Kind" },
            { new StringContent(title), "Input.Title" },
            { new StringContent("Trước cửa bộ phận tiếp nhận và trả kết quả có ổ gà lớn, người dân đi làm thủ tục rất nguy hiểm."), "Input.Content" },
            { new StringContent("Trần Văn Ảnh"), "Input.Name" },
            { new StringContent("0905 111 222"), "Input.Phone" },
        };
        foreach (var (name, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg"); // what the browser claims does not matter
            form.Add(part, "Attachments", name);
        }
        return await client.FollowReceiptAsync(await client.PostAsync("/hoi-dap/gui-cau-hoi", form));
    }

    [Fact]
    public async Task Attachments_are_checked_by_content_cleaned_of_gps_and_shown_only_to_case_handlers()
    {
        using var factory = new PortalFactory();
        var citizen = factory.Anonymous();

        var fake = await SubmitWithFilesAsync(citizen, ("anh-chup.jpg", Encoding.UTF8.GetBytes("chỉ là chữ, không phải ảnh")));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.StatusCode);
        var fakeHtml = WebUtility.HtmlDecode(await fake.Content.ReadAsStringAsync());
        Assert.Contains("Tệp “anh-chup.jpg”", fakeHtml);
        Assert.Contains("Vui lòng chọn lại tệp đính kèm", fakeHtml);
        Assert.Contains("có ổ gà lớn", fakeHtml); // the citizen's text is kept

        var bomb = await SubmitWithFilesAsync(citizen, ("lon.png", TestImages.PngDeclaring(30_000, 30_000)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, bomb.StatusCode);
        Assert.Contains("30000 × 30000", WebUtility.HtmlDecode(await bomb.Content.ReadAsStringAsync()));

        var tooMany = await SubmitWithFilesAsync(citizen, ("1.jpg", TestImages.SmallJpeg()), ("2.jpg", TestImages.SmallJpeg()), ("3.jpg", TestImages.SmallJpeg()), ("4.jpg", TestImages.SmallJpeg()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooMany.StatusCode);
        Assert.Contains("tối đa 3 tệp", WebUtility.HtmlDecode(await tooMany.Content.ReadAsStringAsync()));

        using (var scope = factory.Services.CreateScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.CountAsync());

        var ok = await SubmitWithFilesAsync(citizen, ("o-ga.png", TestImages.PngWithGps()), ("don.pdf", Unit.MediaSanitizerTests.PdfWithAuthor("Trần Văn Ảnh")));
        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        int caseId, imageId;
        using (var scope = factory.Services.CreateScope())
        {
            var saved = await scope.ServiceProvider.GetRequiredService<PortalDbContext>().QuestionCases.Include(c => c.Attachments).SingleAsync();
            caseId = saved.Id;
            Assert.Equal(["don.pdf", "o-ga.png"], saved.Attachments.Select(a => a.FileName).Order());
            imageId = saved.Attachments.Single(a => a.FileName == "o-ga.png").Id;
        }

        var moderator = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var casePage = await moderator.GetStringAsync($"/quan-tri/hoi-dap/{caseId}");
        Assert.Contains("o-ga.png", casePage);
        var download = await moderator.GetAsync($"/quan-tri/hoi-dap/{caseId}?handler=Attachment&attachmentId={imageId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("image/png", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.False(TestImages.HasGps(await download.Content.ReadAsByteArrayAsync()));

        // Not for the public, not for anonymous users, not as a static file.
        var anonymous = await citizen.GetAsync($"/quan-tri/hoi-dap/{caseId}?handler=Attachment&attachmentId={imageId}");
        Assert.NotEqual(HttpStatusCode.OK, anonymous.StatusCode);
        var dataRoot = factory.Services.GetRequiredService<CchcPortal.Web.Infrastructure.PortalPaths>().DataPath;
        var stored = Directory.GetFiles(Path.Combine(dataRoot, "private", "attachments"), "*", SearchOption.AllDirectories);
        Assert.Equal(2, stored.Length);
        Assert.DoesNotContain(stored, f => f.Contains("o-ga") || f.Contains("don")); // stored under random names
    }

    [Fact]
    public async Task A_form_refused_for_its_text_writes_none_of_its_good_files()
    {
        using var factory = new PortalFactory();
        var refused = await SubmitWithFilesAsync(factory.Anonymous(), "Ổ gà", ("o-ga.jpg", TestImages.SmallJpeg()), ("don.pdf", TestPdfs.Benign()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Vui lòng nhập tiêu đề", html);
        Assert.Contains("có ổ gà lớn", html);
        // Checked before anything is written: not even the folder of the month exists.
        Assert.False(Directory.Exists(Path.Combine(factory.DataPath, "private", "attachments")));
    }

    [Fact]
    public async Task Files_no_case_references_are_deleted_at_start_up_once_older_than_an_hour()
    {
        var dataPath = Path.Combine(Path.GetTempPath(), "cchc-tests", Guid.NewGuid().ToString("N"));
        var root = Path.Combine(dataPath, "private", "attachments");
        try
        {
            string referenced;
            DateTime now;
            using (var first = new PortalFactory(dataPath))
            {
                Assert.Equal(HttpStatusCode.OK, (await SubmitWithFilesAsync(first.Anonymous(), ("o-ga.png", TestImages.PngWithGps()))).StatusCode);
                referenced = Assert.Single(Directory.GetFiles(root, "*", SearchOption.AllDirectories));
                now = first.Clock.GetUtcNow().UtcDateTime;
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

            // What a process killed between writing the files and saving the case leaves behind.
            string Write(string relative, TimeSpan age)
            {
                var full = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllBytes(full, TestImages.SmallJpeg());
                File.SetLastWriteTimeUtc(full, now - age);
                return full;
            }
            var orphans = new[] { Write("2026/11/" + Guid.NewGuid().ToString("N") + ".jpg", TimeSpan.FromHours(2)), Write("2025/03/" + Guid.NewGuid().ToString("N") + ".pdf", TimeSpan.FromDays(200)) };
            var inFlight = Write("2026/11/" + Guid.NewGuid().ToString("N") + ".png", TimeSpan.FromMinutes(10));
            File.SetLastWriteTimeUtc(referenced, now - TimeSpan.FromDays(3));

            using (var second = new PortalFactory(dataPath))
            {
                _ = second.Services;
                Assert.All(orphans, orphan => Assert.False(File.Exists(orphan), orphan));
                Assert.True(File.Exists(referenced));
                Assert.True(File.Exists(inFlight)); // its case may still be being saved
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(dataPath, true); } catch (IOException) { }
        }
    }
}
