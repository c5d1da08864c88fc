using CchcPortal.BrowserTests.Support;
using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Microsoft.Playwright.Assertions;

namespace CchcPortal.BrowserTests;

/// <summary>
/// The newsroom on phones, through the real login: a contributor writes and submits an article, the editorial board's
/// head returns it with a comment, the contributor reads it, fixes and resubmits, the head approves and publishes it,
/// and the public sees it.
/// </summary>
[Collection(BrowserCollection.Name)]
public class NewsroomTests(BrowserFixture fixture)
{
    [Fact]
    public async Task A_contributors_article_is_returned_fixed_approved_and_published()
    {
        var staff = await NewsroomStaff.EnsureAsync(fixture);
        var article = new NewsroomArticle("Phường Tân Lợi trả kết quả hồ sơ tại nhà cho người cao tuổi",
            ["Từ tháng 11, người từ 75 tuổi trở lên được nhận kết quả giải quyết thủ tục hành chính tại nhà.",
             "Dịch vụ miễn phí, đăng ký tại bộ phận một cửa của phường."]);
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
            await NewsroomDesk.MoveAsync(approver, "Lưu và đăng ngay", "Đã lưu và đăng tin bài");
            await NewsroomDesk.ExpectStatusAsync(approver, "Đã đăng");
            await Expect(approver.Locator("ol.workflow-history li")).ToHaveCountAsync(5);

            var citizen = await fixture.NewPageAsync(NewsroomDesk.PhoneWidth, NewsroomDesk.PhoneHeight);
            await article.ExpectPublishedAsync(citizen, await SlugAsync(postId), fix);
            foreach (var page in new[] { contributor, approver, citizen }) await page.Context.CloseAsync();
        }
        finally
        {
            await fixture.SetApprovalAsync(false);
        }
    }

    private async Task<string> SlugAsync(int postId)
    {
        using var scope = fixture.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Posts.Where(p => p.Id == postId).Select(p => p.Slug).SingleAsync();
    }
}
