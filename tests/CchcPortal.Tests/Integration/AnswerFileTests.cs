using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CchcPortal.Core.Data;
using CchcPortal.Core.Questions;
using CchcPortal.Tests.Support;
using CchcPortal.Web.Features.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CchcPortal.Tests.Integration;

/// <summary>Files the agency sends with its answer: checked like the citizen's, for the asker only (code and secret).</summary>
public class AnswerFileTests
{
    private static async Task<HttpResponseMessage> AttachAsync(HttpClient staff, AnsweringCase c, string name, byte[] content)
    {
        var part = new ByteArrayContent(content);
        part.Headers.ContentType = new MediaTypeHeaderValue("application/pdf"); // what the browser claims does not matter
        var form = new MultipartFormDataContent
        {
            { new StringContent(await staff.AntiforgeryTokenAsync("/quan-tri/doi-mat-khau")), "__RequestVerificationToken" },
            { part, "AnswerFiles", name },
        };
        return await staff.PostAsync($"{c.Page}?handler=AnswerFiles", form);
    }

    private static async Task<List<CaseAttachment>> FilesAsync(PortalFactory f, int caseId)
    {
        using var scope = f.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().CaseAttachments.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync();
    }

    [Fact]
    public async Task Staff_attach_checked_files_that_only_the_asker_downloads_with_code_and_secret()
    {
        using var factory = new PortalFactory();
        var c = await AnsweringCase.StartAsync(factory);

        var fake = await AttachAsync(c.Responder, c, "cong-van.pdf", Encoding.UTF8.GetBytes("chỉ là chữ, không phải PDF"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, fake.StatusCode);
        Assert.Contains("Tệp “cong-van.pdf”", WebUtility.HtmlDecode(await fake.Content.ReadAsStringAsync()));
        Assert.Contains("Chỉ nhận ảnh hoặc tệp PDF", WebUtility.HtmlDecode(await fake.Content.ReadAsStringAsync()));
        Assert.Empty(await FilesAsync(factory, c.Id));

        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(c.Responder, c, "cong-van-tra-loi.pdf", TestPdfs.Benign())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await AttachAsync(c.Responder, c, "nham.png", TestImages.PngWithGps())).StatusCode);
        var wrong = (await FilesAsync(factory, c.Id)).Single(a => a.FileName == "nham.png");
        Assert.Equal(HttpStatusCode.Redirect, (await c.Responder.PostFormAsync($"{c.Page}?handler=RemoveAnswerFile&attachmentId={wrong.Id}", [], "/quan-tri/doi-mat-khau")).StatusCode);
        var file = Assert.Single(await FilesAsync(factory, c.Id));
        Assert.Equal(AttachmentOrigin.Agency, file.Origin);

        Assert.Equal(HttpStatusCode.Redirect, (await c.ActAsync(c.Responder, new() { ["Input.Action"] = "SubmitForApproval", ["Input.DraftHtml"] = "<p>Sở Tư pháp gửi kèm công văn trả lời.</p>" })).StatusCode);
        var headPage = await c.Head.GetStringAsync(c.Page);
        Assert.Contains("cong-van-tra-loi.pdf", headPage);
        Assert.Contains($"attachmentId={file.Id}", headPage);
        Assert.DoesNotContain($"attachmentId={wrong.Id}", headPage);

        // Before approval the asker sees no file.
        var citizen = factory.Anonymous();
        Assert.DoesNotContain("cong-van-tra-loi.pdf", await (await citizen.PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = c.Code, ["Secret"] = c.Secret })).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, (await c.ActAsync(c.Head, new() { ["Input.Action"] = "Approve" })).StatusCode);
        var tracked = WebUtility.HtmlDecode(await (await citizen.PostFormAsync("/hoi-dap/tra-cuu", new() { ["Code"] = c.Code, ["Secret"] = c.Secret })).Content.ReadAsStringAsync());
        Assert.Contains("cong-van-tra-loi.pdf", tracked);

        var download = await citizen.PostFormAsync("/hoi-dap/tra-cuu?handler=File", new() { ["Code"] = c.Code, ["Secret"] = c.Secret, ["attachmentId"] = file.Id.ToString() });
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(await download.Content.ReadAsByteArrayAsync())[..5]);

        var refused = await citizen.PostFormAsync("/hoi-dap/tra-cuu?handler=File", new() { ["Code"] = c.Code, ["Secret"] = "0000000000000000", ["attachmentId"] = file.Id.ToString() });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.NotEqual("application/pdf", refused.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Mã hồ sơ hoặc mã bí mật không đúng", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));

        // Not on the public answer page.
        var published = await citizen.GetAsync($"/hoi-dap/cau-hoi/{c.Code}");
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.DoesNotContain("cong-van-tra-loi", await published.Content.ReadAsStringAsync());

        // The answer e-mail says where the files are.
        await factory.Services.GetRequiredService<OutboxSender>().FlushAsync();
        var answered = Directory.GetFiles(factory.MailPickupPath, "*.eml").Select(path => MimeMessage.Load(path)).Single(m => m.Subject!.Contains("Đã có câu trả lời"));
        Assert.Contains("gửi kèm câu trả lời 1 tệp", answered.TextBody);
    }
}
