using System.Text.RegularExpressions;
using CchcPortal.BrowserTests.Support;
using Microsoft.Playwright;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CchcPortal.BrowserTests;

/// <summary>
/// The newsroom on phones, through the real login: a contributor writes an article with an image uploaded through the
/// picker and a YouTube video, and submits it; the editorial board's head returns it with a comment; the contributor
/// reads it, fixes and resubmits; the head approves and schedules it; at its time the public sees it, with the image
/// as a responsive picture and the video's player; the statistics count the citizen's view.
/// </summary>
[Collection(BrowserCollection.Name)]
public class NewsroomTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_contributors_article_is_returned_fixed_approved_and_published()
    {
        var staff = await NewsroomStaff.EnsureAsync(fixture);
        const string alt = "Cán bộ một cửa trao kết quả cho người cao tuổi tại nhà";
        const string caption = "Trả kết quả tại nhà ở tổ dân phố 3 (ảnh: UBND phường)";
        const string videoTitle = "Phóng sự: trả kết quả tận nhà";
        var article = new NewsroomArticle("Phường Tân Lợi trả kết quả hồ sơ tại nhà cho người cao tuổi",
            ["Từ tháng 11, người từ 75 tuổi trở lên được nhận kết quả giải quyết thủ tục hành chính tại nhà.",
             "Dịch vụ miễn phí, đăng ký tại bộ phận một cửa của phường."])
        {
            BodySteps = [NewsroomMedia.UploadImageStep("tra-ket-qua-tai-nha.jpg", alt, caption),
                         NewsroomMedia.YoutubeStep("https://youtu.be/dQw4w9WgXcQ", videoTitle)],
            PublicChecks = [NewsroomMedia.ResponsiveImageCheck(alt, caption), NewsroomMedia.YoutubeCheck("dQw4w9WgXcQ", videoTitle)],
        };
        const string fix = "Trong tháng đầu, phường đã trả 46 kết quả tại nhà.";
        const string comment = "Đề nghị bổ sung số kết quả đã trả trong tháng đầu.";
        await fixture.SetApprovalAsync(true);
        try
        {
            var contributor = await fixture.SignedInPageAsync(staff.Contributor, NewsroomDesk.PhoneWidth, NewsroomDesk.PhoneHeight);
            await article.WriteAsync(contributor);
            var postId = await NewsroomDesk.MoveAsync(contributor, "Lưu và gửi biên tập", "Đã gửi tin bài cho biên tập viên");
            await NewsroomDesk.ExpectStatusAsync(contributor, "Chờ biên tập");

            var approver = await fixture.SignedInPageAsync(staff.Approver, NewsroomDesk.PhoneWidth, NewsroomDesk.PhoneHeight);
            await NewsroomDesk.OpenAsync(approver, postId);
            await NewsroomDesk.ReturnAsync(approver, comment);
            await NewsroomDesk.ExpectStatusAsync(approver, "Bản nháp");

            await NewsroomDesk.OpenAsync(contributor, postId);
            await Expect(contributor.Locator("section.notice-returned")).ToContainTextAsync(comment);
            await NewsroomArticle.AppendParagraphAsync(contributor, fix);
            await NewsroomDesk.MoveAsync(contributor, "Lưu và gửi biên tập", "Đã gửi tin bài cho biên tập viên");

            await NewsroomDesk.OpenAsync(approver, postId);
            await NewsroomDesk.MoveAsync(approver, "Lưu và duyệt", "Đã duyệt tin bài");
            await NewsroomDesk.ExpectStatusAsync(approver, "Đã duyệt");
            var publishAt = DateTime.UtcNow.AddSeconds(20);
            await NewsroomDesk.ScheduleAsync(approver, publishAt);
            await NewsroomDesk.ExpectStatusAsync(approver, "Hẹn giờ đăng");
            await Expect(approver.Locator("ol.workflow-history li")).ToHaveCountAsync(5);

            var citizen = await fixture.NewPageAsync(NewsroomDesk.PhoneWidth, NewsroomDesk.PhoneHeight);
            var slug = await SlugAsync(postId);
            Assert.Equal(404, (await citizen.GotoAsync($"/tin-tuc/{slug}"))!.Status);
            await WaitUntilAsync(publishAt);
            await article.ExpectPublishedAsync(citizen, slug, fix);

            await approver.GotoAsync("/quan-tri/thong-ke-tin-bai");
            var row = approver.Locator("#stats-top tbody tr", new() { Has = approver.GetByRole(AriaRole.Link, new() { Name = article.Title }) });
            for (var tries = 0; tries < 15 && await row.CountAsync() == 0; tries++)
            {
                await Task.Delay(1000);
                await approver.ReloadAsync();
            }
            await Expect(row.Locator("td[data-label='Lượt xem']")).ToHaveTextAsync(new Regex(@"^[1-9]\d*$"));
            foreach (var page in new[] { contributor, approver, citizen }) await page.Context.CloseAsync();
        }
        finally
        {
            await fixture.SetApprovalAsync(false);
        }
    }

    private static async Task WaitUntilAsync(DateTime utc)
    {
        var left = utc - DateTime.UtcNow + TimeSpan.FromSeconds(1);
        if (left > TimeSpan.Zero) await Task.Delay(left);
    }

    private async Task<string> SlugAsync(int postId)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.Where(p => p.Id == postId).Select(p => p.Slug).SingleAsync();
    }
}
