using System.Net;
using System.Text.RegularExpressions;
using CchcPortal.Core.Audit;
using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.News;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Procedures;
using CchcPortal.Core.Questions;
using CchcPortal.Core.Subscriptions;
using CchcPortal.Web.Features.Notifications;
using CchcPortal.Web.Features.Subscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CchcPortal.Tests.Integration.Subscriptions;

/// <summary>Following by e-mail through the real app: subscribe, confirm, dispatch from the change feed, leave; the admin's view.</summary>
public partial class SubscriptionTests(SubscriptionTests.Fixture fixture) : IClassFixture<SubscriptionTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public PortalFactory Factory { get; } = new(settings: new Dictionary<string, string> { ["Portal:RateLimits:PublicPostsPerMinute"] = "1000" });
        public void Dispose() => Factory.Dispose();
    }

    private PortalFactory F => fixture.Factory;

    [GeneratedRegex(@"/theo-doi/xac-nhan\?t=([A-Za-z0-9_%-]+)")] private static partial Regex ConfirmLink();

    private async Task<T> InScopeAsync<T>(Func<PortalDbContext, IServiceProvider, Task<T>> work)
    {
        using var scope = F.Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<PortalDbContext>(), scope.ServiceProvider);
    }

    private Task<int> CategoryIdAsync(int skip = 0) => InScopeAsync((db, _) => db.Categories.OrderBy(c => c.Id).Skip(skip).Select(c => c.Id).FirstAsync());

    private Task<List<OutgoingEmail>> MailToAsync(string address) =>
        InScopeAsync((db, _) => db.OutgoingEmails.AsNoTracking().Where(m => m.To == address).OrderBy(m => m.Id).ToListAsync());

    private Task<int> DispatchAsync() => F.Services.GetRequiredService<SubscriptionDispatchJob>().RunOnceAsync();

    private async Task<HttpResponseMessage> SubscribeAsync(HttpClient client, string address, TopicKind kind, int id, string frequency = "Immediate", bool proof = true)
    {
        var url = SubscriptionPaths.SubscribeTo(kind, id);
        var fields = new Dictionary<string, string> { ["Email"] = address, ["Frequency"] = frequency, ["Website"] = "" };
        if (proof) fields["altcha"] = await client.SolvedAltchaAsync();
        return await client.PostFormAsync(url, fields, url);
    }

    /// <summary>A confirmed subscription written directly (the form and the link are tested once, in the first test).</summary>
    private Task<int> ConfirmedAsync(string address, TopicKind kind, int topicId, Frequency frequency) => InScopeAsync(async (db, sp) =>
    {
        var s = new Subscription { Email = address, TopicKind = kind, TopicId = topicId, Frequency = frequency, CreatedAt = F.Clock.GetUtcNow().UtcDateTime, ConfirmedAt = F.Clock.GetUtcNow().UtcDateTime };
        db.Add(s);
        if (kind == TopicKind.Procedure) await sp.GetRequiredService<ProcedureSnapshots>().EnsureAsync(topicId);
        await db.SaveChangesAsync();
        return s.Id;
    });

    private Task<Post> PublishPostAsync(int categoryId, string title) => InScopeAsync(async (_, sp) =>
    {
        var posts = sp.GetRequiredService<PostService>();
        var created = await posts.CreateAsync(new PostInput { Title = title, Summary = "Tóm tắt: " + title, BodyHtml = "<p>Nội dung.</p>", CategoryId = categoryId }, null, "Biên tập viên");
        Assert.True(created.Succeeded);
        var published = await posts.PublishNowAsync(created.Value!.Id);
        Assert.True(published.Succeeded);
        return published.Value!;
    });

    [Fact]
    public async Task Subscribe_confirm_then_a_published_post_queues_one_mail_with_the_unsubscribe_link_and_headers()
    {
        const string address = "nguoi.theo.doi@example.vn";
        var category = await CategoryIdAsync();
        var client = F.Anonymous();
        var subscribeUrl = SubscriptionPaths.SubscribeTo(TopicKind.NewsCategory, category);
        Assert.Contains(subscribeUrl.Replace("&", "&amp;"), await client.GetStringAsync(SubscriptionPaths.Index));
        var categorySlug = await InScopeAsync((db, _) => db.Categories.Where(c => c.Id == category).Select(c => c.Slug).SingleAsync());
        Assert.Contains(subscribeUrl.Replace("&", "&amp;"), await client.GetStringAsync(PublicPaths.Category(categorySlug))); // the follow box
        var page = await client.GetStringAsync(subscribeUrl);
        Assert.Contains("Thông tin của bạn được dùng thế nào", page);

        var posted = await SubscribeAsync(client, address, TopicKind.NewsCategory, category);
        Assert.Equal(HttpStatusCode.SeeOther, posted.StatusCode);
        Assert.Equal(SubscriptionPaths.CheckMail, posted.Headers.Location?.OriginalString);

        // Nothing but the confirmation before the link is followed, and no item mail before confirming.
        await PublishPostAsync(category, "Tin đăng trước khi xác nhận");
        await DispatchAsync();
        var confirmation = Assert.Single(await MailToAsync(address));
        Assert.Equal(SubscriptionMail.ConfirmPurpose, confirmation.Purpose);
        await F.Services.GetRequiredService<OutboxSender>().FlushAsync();
        var eml = Directory.GetFiles(F.MailPickupPath, "*.eml").Select(p => MimeMessage.Load(p)).Single(m => m.To.Mailboxes.Single().Address == address);
        var token = WebUtility.UrlDecode(ConfirmLink().Match(eml.TextBody).Groups[1].Value);
        var stored = await InScopeAsync((db, _) => db.Set<Subscription>().AsNoTracking().SingleAsync(s => s.Email == address));
        Assert.Null(stored.ConfirmedAt);
        Assert.Equal(SubscriptionService.Hash(token), stored.ConfirmTokenHash); // only the hash is kept

        var confirmUrl = $"{SubscriptionPaths.Confirm}?t={Uri.EscapeDataString(token)}";
        Assert.Contains("Xác nhận đăng ký nhận tin", WebUtility.HtmlDecode(await client.GetStringAsync(confirmUrl)));
        Assert.Null((await InScopeAsync((db, _) => db.Set<Subscription>().AsNoTracking().SingleAsync(s => s.Email == address))).ConfirmedAt); // GET confirms nothing
        var confirmed = await client.PostFormAsync(confirmUrl, new() { ["t"] = token }, confirmUrl);
        Assert.Contains("Đã xác nhận đăng ký", WebUtility.HtmlDecode(await confirmed.Content.ReadAsStringAsync()));
        var again = await client.PostFormAsync(confirmUrl, new() { ["t"] = token }, SubscriptionPaths.SubscribeTo(TopicKind.NewsCategory, category));
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode); // single use

        var post = await PublishPostAsync(category, "Tỉnh công bố kết quả Chỉ số CCHC năm 2026");
        await DispatchAsync();
        await DispatchAsync(); // a second pass adds nothing
        var items = (await MailToAsync(address)).Where(m => m.Purpose == SubscriptionMail.ItemPurpose).ToList();
        var item = Assert.Single(items);
        Assert.Contains(post.Title, item.Subject);
        Assert.Contains(PublicPaths.Article(post.Slug), item.BodyText);
        Assert.StartsWith("http://localhost:5000/theo-doi/huy?t=", item.ListUnsubscribeUrl);
        Assert.Contains(item.ListUnsubscribeUrl!, item.BodyText);
        Assert.Contains("/theo-doi/quan-ly?t=", item.BodyText);
        Assert.DoesNotContain("Tin đăng trước khi xác nhận", string.Join("\n", (await MailToAsync(address)).Select(m => m.Subject)));

        await F.Services.GetRequiredService<OutboxSender>().FlushAsync();
        var sent = Directory.GetFiles(F.MailPickupPath, "*.eml").Select(p => MimeMessage.Load(p)).Single(m => m.Subject == item.Subject);
        Assert.Equal($"<{item.ListUnsubscribeUrl}>", sent.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", sent.Headers["List-Unsubscribe-Post"]);

        // The manage link lists the subscription, without an account.
        var manage = Regex.Match(item.BodyText, @"http://localhost:5000(/theo-doi/quan-ly\?t=\S+)").Groups[1].Value;
        var managePage = WebUtility.HtmlDecode(await client.GetStringAsync(manage));
        Assert.Contains("Các mục bạn đang theo dõi", managePage);
    }

    [Fact]
    public async Task The_answer_is_the_same_for_a_new_a_pending_and_a_subscribed_address_and_unconfirmed_gets_nothing()
    {
        var category = await CategoryIdAsync(1);
        const string known = "da.dang.ky@example.vn";
        await ConfirmedAsync(known, TopicKind.NewsCategory, category, Frequency.Immediate);
        var client = F.Anonymous();
        var answers = new List<(HttpStatusCode, string?)>();
        foreach (var address in new[] { "moi.tinh@example.vn", "moi.tinh@example.vn", known })
        {
            var r = await SubscribeAsync(client, address, TopicKind.NewsCategory, category);
            answers.Add((r.StatusCode, r.Headers.Location?.OriginalString));
        }
        Assert.All(answers, a => Assert.Equal((HttpStatusCode.SeeOther, SubscriptionPaths.CheckMail), a));
        Assert.Single(await MailToAsync("moi.tinh@example.vn")); // one confirmation: the second request came too soon for another
        Assert.Empty(await MailToAsync(known));

        await PublishPostAsync(category, "Tin cho người chưa xác nhận");
        await DispatchAsync();
        Assert.Single(await MailToAsync("moi.tinh@example.vn"));
        Assert.Single(await MailToAsync(known), m => m.Purpose == SubscriptionMail.ItemPurpose);

        // The unconfirmed row is deleted once its link has expired (moved back rather than the shared clock forward two days).
        await InScopeAsync((db, _) => db.Set<Subscription>().Where(s => s.Email == "moi.tinh@example.vn")
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.ConfirmExpiresAt, F.Clock.GetUtcNow().UtcDateTime.AddSeconds(-1))));
        await DispatchAsync();
        Assert.False(await InScopeAsync((db, _) => db.Set<Subscription>().AnyAsync(s => s.Email == "moi.tinh@example.vn")));
    }

    [Fact]
    public async Task Without_proof_of_work_or_with_a_bad_address_nothing_is_stored_and_the_message_is_vietnamese()
    {
        var category = await CategoryIdAsync();
        var client = F.Anonymous();
        var noProof = await SubscribeAsync(client, "khong.bang.chung@example.vn", TopicKind.NewsCategory, category, proof: false);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noProof.StatusCode);
        Assert.Contains("Chưa xác minh chống thư rác", WebUtility.HtmlDecode(await noProof.Content.ReadAsStringAsync()));
        var badAddress = await SubscribeAsync(client, "khong phai dia chi", TopicKind.NewsCategory, category);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badAddress.StatusCode);
        Assert.Contains(EmailAddresses.InvalidMessage, WebUtility.HtmlDecode(await badAddress.Content.ReadAsStringAsync()));
        var unknownTopic = await client.GetAsync(SubscriptionPaths.SubscribeTo(TopicKind.NewsCategory, 999_999));
        Assert.Equal(HttpStatusCode.NotFound, unknownTopic.StatusCode);
        Assert.False(await InScopeAsync((db, _) => db.Set<Subscription>().AnyAsync(s => s.Email == "khong.bang.chung@example.vn" || s.Email == "khong phai dia chi")));
    }

    [Fact]
    public async Task One_click_unsubscribe_deletes_the_address_and_stops_further_mail()
    {
        const string address = "se.roi.di@example.vn";
        var category = await CategoryIdAsync(2);
        await ConfirmedAsync(address, TopicKind.NewsCategory, category, Frequency.Immediate);
        await PublishPostAsync(category, "Tin trước khi hủy");
        await DispatchAsync();
        var url = Assert.Single(await MailToAsync(address)).ListUnsubscribeUrl!.Replace("http://localhost:5000", "");

        var client = F.Anonymous();
        Assert.Contains("Hủy theo dõi", WebUtility.HtmlDecode(await client.GetStringAsync(url)));
        // RFC 8058: the mail program POSTs this body to the URL, with no cookie and no antiforgery token.
        var oneClick = await client.PostAsync(url, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.False(await InScopeAsync((db, _) => db.Set<Subscription>().AnyAsync(s => s.Email == address)));
        Assert.True(await InScopeAsync((db, _) => db.Set<SubscriptionLeaveCount>().AnyAsync(c => c.TopicKind == TopicKind.NewsCategory && c.Count > 0)));

        await PublishPostAsync(category, "Tin sau khi hủy");
        await DispatchAsync();
        Assert.Single(await MailToAsync(address));
        var forged = await client.PostAsync(SubscriptionPaths.Unsubscribe + "?t=gia-mao", new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task A_daily_subscriber_gets_one_digest_grouping_the_days_items()
    {
        const string address = "tom.tat@example.vn";
        var category = await CategoryIdAsync(3);
        await ConfirmedAsync(address, TopicKind.NewsCategory, category, Frequency.Daily);
        var first = await PublishPostAsync(category, "Tin thứ nhất trong ngày");
        var second = await PublishPostAsync(category, "Tin thứ hai trong ngày");
        await DispatchAsync();
        Assert.Empty(await MailToAsync(address)); // nothing immediate

        // To the next digest time (17:00 Vietnam time).
        var local = VnFormat.ToLocal(F.Clock.GetUtcNow().UtcDateTime);
        var digestAt = DateOnly.FromDateTime(local).ToDateTime(new TimeOnly(17, 1));
        if (digestAt <= local) digestAt = digestAt.AddDays(1);
        F.Clock.Advance(digestAt - local);
        await DispatchAsync();
        await DispatchAsync();
        var digest = Assert.Single(await MailToAsync(address));
        Assert.Equal(SubscriptionMail.DigestPurpose, digest.Purpose);
        Assert.Contains("(2 mục)", digest.Subject);
        Assert.Contains(first.Title, digest.BodyText);
        Assert.Contains(second.Title, digest.BodyText);
        Assert.NotNull(digest.ListUnsubscribeUrl);
    }

    [Fact]
    public async Task A_procedure_change_mail_lists_what_changed_and_then_says_it_was_abolished()
    {
        const string address = "theo.doi.thu.tuc@example.vn";
        var procedureId = await InScopeAsync(async (db, _) =>
        {
            var p = new Procedure { Code = "9.999901", Name = "Đăng ký khai sinh (thử)", Slug = "dang-ky-khai-sinh-thu", Steps = "Bước 1: nộp hồ sơ.", UpdatedAt = DateTime.UtcNow };
            db.Procedures.Add(p);
            await db.SaveChangesAsync();
            return p.Id;
        });
        await ConfirmedAsync(address, TopicKind.Procedure, procedureId, Frequency.Immediate);

        async Task ChangeAsync(Action<Procedure> change) => await InScopeAsync(async (db, sp) =>
        {
            var p = await db.Procedures.SingleAsync(x => x.Id == procedureId);
            change(p);
            sp.GetRequiredService<ChangeFeed>().Record(ContentKinds.Procedure, p.Id, ChangeOperation.Upsert, "update");
            return await db.SaveChangesAsync();
        });

        await ChangeAsync(p => { p.Steps = "Bước 1: nộp hồ sơ trực tuyến. Bước 2: nhận kết quả."; p.Status = ProcedureStatus.Amended; });
        await DispatchAsync();
        var amended = Assert.Single(await MailToAsync(address));
        Assert.Contains("Thủ tục thay đổi: Đăng ký khai sinh (thử)", amended.Subject);
        Assert.Contains("đã được sửa đổi, bổ sung", amended.BodyText);
        Assert.Contains("Trình tự thực hiện", amended.BodyText);
        Assert.DoesNotContain("Tên thủ tục", amended.BodyText);

        await ChangeAsync(p => p.UpdatedAt = p.UpdatedAt.AddMinutes(1)); // no public field changed: no mail
        await ChangeAsync(p => p.Status = ProcedureStatus.Abolished);
        await DispatchAsync();
        var mails = await MailToAsync(address);
        Assert.Equal(2, mails.Count);
        Assert.Contains("đã bị bãi bỏ", mails[1].BodyText);
    }

    [Fact]
    public async Task An_agencys_published_answer_reaches_its_followers()
    {
        const string address = "theo.doi.co.quan@example.vn";
        var agencyId = await InScopeAsync((db, _) => db.Agencies.Where(a => a.IsActive).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync());
        await ConfirmedAsync(address, TopicKind.AgencyAnswers, agencyId, Frequency.Immediate);
        await InScopeAsync(async (db, sp) =>
        {
            var now = F.Clock.GetUtcNow().UtcDateTime;
            var c = new QuestionCase
            {
                Code = "HD-2026-990001", Kind = CaseKind.Question, Title = "Hỏi về thời hạn cấp giấy phép xây dựng", Content = "Nội dung câu hỏi.",
                SubmitterName = "Người hỏi", Status = CaseStatus.Answered, IsPublished = true, AgencyId = agencyId, SubmittedAt = now, AnsweredAt = now,
                ModerationDue = DateOnly.FromDateTime(now), AnswerHtml = "<p>Trả lời.</p>", PublicContent = "Nội dung câu hỏi.",
            };
            db.QuestionCases.Add(c);
            sp.GetRequiredService<ChangeFeed>().Record(ContentKinds.Question, c, ChangeOperation.Upsert, "Publish");
            return await db.SaveChangesAsync();
        });
        await DispatchAsync();
        var mail = Assert.Single(await MailToAsync(address));
        Assert.Contains("Hỏi về thời hạn cấp giấy phép xây dựng", mail.Subject);
        Assert.Contains("/hoi-dap/cau-hoi/HD-2026-990001", mail.BodyText);
    }

    [Fact]
    public async Task The_admin_page_shows_counts_not_addresses_and_the_export_needs_an_audited_reason()
    {
        const string address = "rieng.tu@example.vn";
        await ConfirmedAsync(address, TopicKind.NewsCategory, await CategoryIdAsync(4), Frequency.Daily);
        var admin = await F.SignedInAsync(PortalFactory.AdminEmail, PortalFactory.AdminPassword);
        const string url = "/quan-tri/dang-ky-nhan-tin";
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(url));
        Assert.Contains("Số đăng ký theo mục và trạng thái", html);
        Assert.DoesNotContain("@example.vn", html);

        var refused = await admin.PostFormAsync(url + "?handler=Export", new() { ["Reason"] = "" }, url);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("Hãy ghi lý do trích xuất", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
        Assert.False(await InScopeAsync((db, _) => db.AuditEntries.AnyAsync(e => e.Target == "Subscriptions")));

        var exported = await admin.PostFormAsync(url + "?handler=Export", new() { ["Reason"] = "Trả lời yêu cầu truy cập dữ liệu của chủ thể" }, url);
        Assert.Equal(HttpStatusCode.OK, exported.StatusCode);
        Assert.StartsWith("text/csv", exported.Content.Headers.ContentType?.ToString());
        Assert.Contains(address, await exported.Content.ReadAsStringAsync());
        var entry = await InScopeAsync((db, _) => db.AuditEntries.AsNoTracking().SingleAsync(e => e.Target == "Subscriptions"));
        Assert.Equal(AuditActions.Exported, entry.Action);
        Assert.Equal(PortalFactory.AdminEmail, entry.UserName);
        Assert.Contains("Trả lời yêu cầu truy cập dữ liệu của chủ thể", entry.Summary);
        Assert.Matches(@"\(\d+ dòng\)", entry.Summary);

        var editor = await F.EditorAsync();
        var denied = await editor.GetAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
    }
}
