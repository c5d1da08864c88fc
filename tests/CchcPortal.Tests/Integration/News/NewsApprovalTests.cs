using System.Net;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CchcPortal.Tests.Integration.News;

/// <summary>
/// The editorial workflow with approval required: each role's moves, allowed and refused (403/409, nothing changed),
/// the history, and the e-mails to whoever acts next. One portal for the class; each test sets the approval setting.
/// </summary>
public sealed class NewsApprovalTests(NewsroomPortal portal) : IClassFixture<NewsroomPortal>
{
    private static string Decode(string html) => WebUtility.HtmlDecode(html);

    [Fact]
    public async Task A_contributors_article_goes_through_editor_and_approver_to_publication()
    {
        await portal.SetApprovalAsync(true);
        const string title = "Xã Cư Êbur giải quyết hồ sơ đất đai trước hạn";
        var fields = portal.Fields(title, "<p>Bản đầu tiên.</p>");

        // The contributor writes and submits: waits for the editors, who are told; the contributor is not.
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Contributor, null, "Submit", fields)).StatusCode);
        var post = await portal.PostAsync(title);
        Assert.Equal(PublicationStatus.AwaitingEdit, post.Status);
        var mail = await portal.MailAboutAsync(title);
        Assert.Equal([NewsroomPortal.EditorEmail], mail.Select(m => m.To));
        Assert.Contains($"/quan-tri/bai-viet/sua/{post.Id}", mail[0].Body);

        // Submitted, it is no longer the contributor's to change or to publish.
        var edit = await NewsroomPortal.EditAsync(portal.Contributor, post.Id, "Save", portal.Fields(title, "<p>Sửa lén.</p>"));
        Assert.Equal(HttpStatusCode.Conflict, edit.StatusCode);
        var publish = await NewsroomPortal.EditAsync(portal.Contributor, post.Id, "Publish", portal.Fields(title, "<p>Đăng lén.</p>"));
        Assert.Equal(HttpStatusCode.Forbidden, publish.StatusCode);
        Assert.Contains("không được đăng tin bài này", Decode(await publish.Content.ReadAsStringAsync()));
        Assert.Equal("<p>Bản đầu tiên.</p>", (await portal.PostAsync(title)).BodyHtml);

        // The editor returns it: a comment is required; with one, it is back with the contributor, who reads it.
        var editUrl = $"/quan-tri/bai-viet/sua/{post.Id}";
        var noComment = await portal.Editor.PostFormAsync($"{editUrl}?handler=Return", new() { ["Comment"] = " " }, editUrl);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noComment.StatusCode);
        Assert.Equal(PublicationStatus.AwaitingEdit, (await portal.PostAsync(title)).Status);
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Editor.PostFormAsync($"{editUrl}?handler=Return",
            new() { ["Comment"] = "Bổ sung số hồ sơ giải quyết trước hạn." }, editUrl)).StatusCode);
        Assert.Equal(PublicationStatus.Draft, (await portal.PostAsync(title)).Status);
        var page = Decode(await portal.Contributor.GetStringAsync(editUrl));
        Assert.Contains("Ý kiến khi trả lại", page);
        Assert.Contains("Bổ sung số hồ sơ giải quyết trước hạn.", page);
        Assert.Equal(NewsroomPortal.ContributorEmail, (await portal.MailAboutAsync(title)).Last().To);

        // Fixed and resubmitted; the editor submits it to the approver, and may not publish it.
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Contributor, post.Id, "Submit",
            portal.Fields(title, "<p>Đã giải quyết 120 hồ sơ trước hạn.</p>"))).StatusCode);
        var editorPage = Decode(await portal.Editor.GetStringAsync(editUrl));
        Assert.Contains("handler=Submit", editorPage);
        Assert.DoesNotContain("handler=Publish", editorPage);
        Assert.DoesNotContain("handler=Approve", editorPage);
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Editor, post.Id, "Submit",
            portal.Fields(title, "<p>Đã giải quyết 120 hồ sơ trước hạn.</p>"))).StatusCode);
        Assert.Equal(PublicationStatus.AwaitingApproval, (await portal.PostAsync(title)).Status);
        Assert.Equal(NewsroomPortal.ApproverEmail, (await portal.MailAboutAsync(title)).Last().To);
        var editorPublish = await NewsroomPortal.EditAsync(portal.Editor, post.Id, "Publish", portal.Fields(title, "<p>Đổi khi đăng.</p>"));
        Assert.Equal(HttpStatusCode.Forbidden, editorPublish.StatusCode);
        Assert.Equal(PublicationStatus.AwaitingApproval, (await portal.PostAsync(title)).Status);
        Assert.DoesNotContain("Đổi khi đăng", (await portal.PostAsync(title)).BodyHtml);

        // The approver returns it to the step it came from (the editors), then approves it after the editor submits again.
        Assert.Equal(HttpStatusCode.Redirect, (await portal.Approver.PostFormAsync($"{editUrl}?handler=Return",
            new() { ["Comment"] = "Ghi rõ nguồn số liệu." }, editUrl)).StatusCode);
        Assert.Equal(PublicationStatus.AwaitingEdit, (await portal.PostAsync(title)).Status);
        Assert.Equal(NewsroomPortal.EditorEmail, (await portal.MailAboutAsync(title)).Last().To);
        var fixedFields = portal.Fields(title, "<p>Đã giải quyết 120 hồ sơ trước hạn (nguồn: UBND xã).</p>");
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Editor, post.Id, "Submit", fixedFields)).StatusCode);
        var approverPage = Decode(await portal.Approver.GetStringAsync(editUrl));
        Assert.Contains("handler=Approve", approverPage);
        Assert.Contains("handler=Publish", approverPage);
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Approver, post.Id, "Approve", fixedFields)).StatusCode);
        Assert.Equal(PublicationStatus.Approved, (await portal.PostAsync(title)).Status);
        Assert.Equal(NewsroomPortal.ContributorEmail, (await portal.MailAboutAsync(title)).Last().To);

        // Scheduled an hour ahead, published by the timer when the time comes; the author is told each time.
        var schedule = portal.Fields(title, "<p>Đã giải quyết 120 hồ sơ trước hạn (nguồn: UBND xã).</p>");
        schedule["PublishAt"] = portal.Factory.Clock.GetUtcNow().UtcDateTime.AddHours(8).ToString("yyyy-MM-ddTHH:mm");
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Approver, post.Id, "Schedule", schedule)).StatusCode);
        Assert.Equal(PublicationStatus.Scheduled, (await portal.PostAsync(title)).Status);
        portal.Factory.Clock.Advance(TimeSpan.FromHours(2));
        // The publishing service ticks on the fake clock; give it a moment to run.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await portal.PostAsync(title)).Status != PublicationStatus.Published && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        Assert.Equal(PublicationStatus.Published, (await portal.PostAsync(title)).Status);
        Assert.Equal(HttpStatusCode.OK, (await portal.Factory.Anonymous().GetAsync($"/tin-tuc/{post.Slug}")).StatusCode);

        // Every move is in the history with who, from, to and the comment.
        var history = await portal.HistoryAsync(post.Id);
        Assert.Equal(
            [
                (PostMove.Submit, PublicationStatus.Draft, PublicationStatus.AwaitingEdit, "Nguyễn Cộng Tác"),
                (PostMove.Return, PublicationStatus.AwaitingEdit, PublicationStatus.Draft, "Trần Biên Tập"),
                (PostMove.Submit, PublicationStatus.Draft, PublicationStatus.AwaitingEdit, "Nguyễn Cộng Tác"),
                (PostMove.Submit, PublicationStatus.AwaitingEdit, PublicationStatus.AwaitingApproval, "Trần Biên Tập"),
                (PostMove.Return, PublicationStatus.AwaitingApproval, PublicationStatus.AwaitingEdit, "Lê Trưởng Ban"),
                (PostMove.Submit, PublicationStatus.AwaitingEdit, PublicationStatus.AwaitingApproval, "Trần Biên Tập"),
                (PostMove.Approve, PublicationStatus.AwaitingApproval, PublicationStatus.Approved, "Lê Trưởng Ban"),
                (PostMove.Schedule, PublicationStatus.Approved, PublicationStatus.Scheduled, "Lê Trưởng Ban"),
                (PostMove.Publish, PublicationStatus.Scheduled, PublicationStatus.Published, PostWorkflowService.TimerName),
            ],
            history.Select(e => (e.Move, e.From, e.To, e.ActorName)));
        Assert.Equal("Ghi rõ nguồn số liệu.", history[4].Comment);
        var timeline = Decode(await portal.Contributor.GetStringAsync($"/quan-tri/bai-viet/{post.Id}/phien-ban"));
        Assert.Contains("Quá trình biên tập, duyệt đăng", timeline);
        Assert.Contains("Ghi rõ nguồn số liệu.", timeline);

        // Nobody was mailed about their own move; the author heard of the approval, the schedule and the publication.
        var toAuthor = (await portal.MailAboutAsync(title)).Where(m => m.To == NewsroomPortal.ContributorEmail).Select(m => m.Subject).ToList();
        Assert.Contains(toAuthor, s => s.StartsWith("Tin bài đã được duyệt"));
        Assert.Contains(toAuthor, s => s.StartsWith("Tin bài được hẹn giờ đăng"));
        Assert.Contains(toAuthor, s => s.StartsWith("Tin bài đã được đăng"));
    }

    [Fact]
    public async Task A_contributor_sees_only_their_own_posts()
    {
        await portal.SetApprovalAsync(true);
        const string title = "Bài của biên tập viên chưa công bố";
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Editor, null, "Save", portal.Fields(title, "<p>Nội bộ.</p>"))).StatusCode);
        var post = await portal.PostAsync(title);
        foreach (var url in new[] { $"/quan-tri/bai-viet/sua/{post.Id}", $"/quan-tri/bai-viet/{post.Id}/xem-truoc", $"/quan-tri/bai-viet/{post.Id}/phien-ban" })
            Assert.Equal(HttpStatusCode.Forbidden, (await portal.Contributor.GetAsync(url)).StatusCode);
        Assert.DoesNotContain(title, Decode(await portal.Contributor.GetStringAsync("/quan-tri/bai-viet")));
        Assert.Contains(title, Decode(await portal.Editor.GetStringAsync("/quan-tri/bai-viet")));

        var save = await NewsroomPortal.EditAsync(portal.Contributor, post.Id, "Save", portal.Fields(title, "<p>Ghi đè.</p>"));
        Assert.Equal(HttpStatusCode.Forbidden, save.StatusCode);
        var delete = await NewsroomPortal.EditAsync(portal.Contributor, post.Id, "Delete", []);
        Assert.Equal(HttpStatusCode.Forbidden, delete.StatusCode);
        Assert.Equal("<p>Nội bộ.</p>", (await portal.PostAsync(title)).BodyHtml);
    }

    [Fact]
    public async Task An_editors_change_to_a_published_post_sends_it_back_for_approval()
    {
        await portal.SetApprovalAsync(true);
        const string title = "Kết quả chỉ số SIPAS năm 2026 của tỉnh";
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Approver, null, "Publish", portal.Fields(title, "<p>Đạt 85%.</p>"))).StatusCode);
        var post = await portal.PostAsync(title);
        Assert.Equal(PublicationStatus.Published, post.Status);

        var editorPage = Decode(await portal.Editor.GetStringAsync($"/quan-tri/bai-viet/sua/{post.Id}"));
        Assert.Contains("tạm gỡ khỏi cổng cho đến khi được duyệt lại", editorPage);
        Assert.DoesNotContain("handler=Unpublish", editorPage);
        var unpublish = await portal.Editor.PostFormAsync($"/quan-tri/bai-viet/sua/{post.Id}?handler=Unpublish", [], "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.Forbidden, unpublish.StatusCode);
        Assert.Equal(PublicationStatus.Published, (await portal.PostAsync(title)).Status);

        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Editor, post.Id, "Save", portal.Fields(title, "<p>Đạt 86%.</p>"))).StatusCode);
        Assert.Equal(PublicationStatus.AwaitingApproval, (await portal.PostAsync(title)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await portal.Factory.Anonymous().GetAsync($"/tin-tuc/{post.Slug}")).StatusCode);
        Assert.Equal(PostMove.Reopen, (await portal.HistoryAsync(post.Id)).Last().Move);
        Assert.Equal(NewsroomPortal.ApproverEmail, (await portal.MailAboutAsync(title)).Last().To);

        // Re-published by the approver, it keeps its first publication date.
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Approver, post.Id, "Publish", portal.Fields(title, "<p>Đạt 86%.</p>"))).StatusCode);
        var republished = await portal.PostAsync(title);
        Assert.Equal(PublicationStatus.Published, republished.Status);
        Assert.Equal(post.PublishedAt, republished.PublishedAt);
        Assert.Contains("Đạt 86%.", await portal.Factory.Anonymous().GetStringAsync($"/tin-tuc/{post.Slug}"));
    }

    [Fact]
    public async Task Moves_the_state_does_not_allow_answer_409()
    {
        await portal.SetApprovalAsync(true);
        const string title = "Tin chưa đăng không gỡ được";
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Approver, null, "Save", portal.Fields(title, "<p>Nháp.</p>"))).StatusCode);
        var post = await portal.PostAsync(title);
        var unpublish = await portal.Approver.PostFormAsync($"/quan-tri/bai-viet/sua/{post.Id}?handler=Unpublish", [], "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.Conflict, unpublish.StatusCode);
        Assert.Contains("Không thể gỡ khỏi cổng tin bài đang ở trạng thái “Bản nháp”", Decode(await unpublish.Content.ReadAsStringAsync()));
        var returned = await portal.Approver.PostFormAsync($"/quan-tri/bai-viet/sua/{post.Id}?handler=Return", new() { ["Comment"] = "x" }, "/quan-tri/bai-viet/sua");
        Assert.Equal(HttpStatusCode.Conflict, returned.StatusCode);
        Assert.Equal(PublicationStatus.Draft, (await portal.PostAsync(title)).Status);
        Assert.Empty(await portal.HistoryAsync(post.Id));
    }

    [Fact]
    public async Task With_approval_off_editors_publish_directly_and_contributors_still_submit()
    {
        await portal.SetApprovalAsync(false);
        const string title = "Một cửa điện tử cấp xã vận hành ổn định";
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Contributor, null, "Submit", portal.Fields(title, "<p>Ổn định.</p>"))).StatusCode);
        var post = await portal.PostAsync(title);
        Assert.Equal(PublicationStatus.AwaitingEdit, post.Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await NewsroomPortal.EditAsync(portal.Contributor, post.Id, "Publish", portal.Fields(title, "<p>Ổn định.</p>"))).StatusCode);

        var editorPage = Decode(await portal.Editor.GetStringAsync($"/quan-tri/bai-viet/sua/{post.Id}"));
        Assert.Contains("handler=Publish", editorPage);
        Assert.DoesNotContain("handler=Approve", editorPage);
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Editor, post.Id, "Publish", portal.Fields(title, "<p>Ổn định.</p>"))).StatusCode);
        Assert.Equal(PublicationStatus.Published, (await portal.PostAsync(title)).Status);
        Assert.Equal(NewsroomPortal.ContributorEmail, (await portal.MailAboutAsync(title)).Last().To);

        // An editor's later change keeps it published, as before the workflow.
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Editor, post.Id, "Save", portal.Fields(title, "<p>Rất ổn định.</p>"))).StatusCode);
        Assert.Equal(PublicationStatus.Published, (await portal.PostAsync(title)).Status);
    }

    [Fact]
    public async Task Switching_approval_on_with_nobody_in_the_approver_role_saves_and_warns()
    {
        using var factory = new PortalFactory();
        var admin = await factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var fields = (await admin.BrowserFormAsync("/quan-tri/cai-dat", "main form[method=post]")).With("Input.RequireNewsApproval", "true");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/quan-tri/cai-dat", new FormUrlEncodedContent(fields))).StatusCode);
        Assert.Contains("chưa có tài khoản nào giữ vai trò Trưởng ban biên tập", Decode(await admin.GetStringAsync("/quan-tri/cai-dat")));
        using var scope = factory.Services.CreateScope();
        Assert.True((await scope.ServiceProvider.GetRequiredService<PortalDbContext>().SiteSettings.AsNoTracking().SingleAsync()).RequireNewsApproval);

        // With an approver, the same save says nothing more.
        await factory.StaffAsync("approver-warning@test.local", PortalRoles.Approver);
        fields = (await admin.BrowserFormAsync("/quan-tri/cai-dat", "main form[method=post]")).With("Input.RequireNewsApproval", "true");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/quan-tri/cai-dat", new FormUrlEncodedContent(fields))).StatusCode);
        var page = Decode(await admin.GetStringAsync("/quan-tri/cai-dat"));
        Assert.Contains("Đã lưu cài đặt.", page);
        Assert.DoesNotContain("chưa có tài khoản nào giữ vai trò Trưởng ban biên tập", page);
    }

    [Fact]
    public async Task The_setting_is_on_the_settings_page_and_audited_and_the_dashboard_shows_what_waits()
    {
        await portal.SetApprovalAsync(false);
        var admin = await portal.Factory.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        var fields = (await admin.BrowserFormAsync("/quan-tri/cai-dat", "main form[method=post]")).With("Input.RequireNewsApproval", "true");
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/quan-tri/cai-dat", new FormUrlEncodedContent(fields))).StatusCode);
        using (var scope = portal.Factory.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PortalDbContext>();
            Assert.True((await db.SiteSettings.AsNoTracking().SingleAsync()).RequireNewsApproval);
            Assert.Contains(await db.AuditEntries.AsNoTracking().Select(e => e.Changes).ToListAsync(), c => c.Contains("RequireNewsApproval"));
        }

        const string title = "Tin chờ duyệt trên trang tổng quan";
        Assert.Equal(HttpStatusCode.Redirect, (await NewsroomPortal.EditAsync(portal.Editor, null, "Submit", portal.Fields(title, "<p>Chờ.</p>"))).StatusCode);
        var dashboard = Decode(await portal.Approver.GetStringAsync("/quan-tri"));
        Assert.Contains("Đang chờ bạn xử lý", dashboard);
        Assert.Contains("/quan-tri/bai-viet?status=AwaitingApproval", dashboard);
        var list = Decode(await portal.Approver.GetStringAsync("/quan-tri/bai-viet?status=AwaitingApproval"));
        Assert.Contains(title, list);
        Assert.Contains("Chờ duyệt <span class=\"count-badge\">", list);
    }
}
