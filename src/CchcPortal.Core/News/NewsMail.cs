using System.Text;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Questions;
using CchcPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.News;

/// <summary>
/// Tells whoever acts next on a post, through the outbox in the same SaveChanges as the move: a submitted post goes
/// to the editors (from a contributor) or the approvers (from an editor); a returned, approved, scheduled or published
/// one to its author. Never to the person who acted.
/// </summary>
public sealed class NewsMail(PortalDbContext db, TimeProvider time, OutboxSignal signal, PublicAddress address, SiteSettingsService settings)
{
    public const string Purpose = "news-workflow";
    private bool _listening;

    public async Task QueueAsync(Post post, PostWorkflowEvent move, CancellationToken ct = default)
    {
        var recipients = move.To switch
        {
            PublicationStatus.AwaitingEdit => await StaffAsync([PortalRoles.Editor], ct),
            PublicationStatus.AwaitingApproval => await StaffAsync([PortalRoles.Approver], ct),
            _ when move.Move is PostMove.Return or PostMove.Approve or PostMove.Schedule or PostMove.Publish => await AuthorAsync(post, ct),
            _ => [],
        };
        recipients = recipients.Where(r => r.UserId.Length == 0 || r.UserId != move.ActorId).ToList();
        if (recipients.Count == 0) return;
        var site = await settings.GetAsync(ct);
        var signature = site.UnitName.Length > 0 ? site.UnitName : site.SiteName;
        foreach (var to in recipients)
            db.OutgoingEmails.Add(new OutgoingEmail
            {
                To = to.Email, Subject = Subject(post, move), BodyText = Body(post, move, to, signature), Purpose = Purpose,
                CreatedAt = time.GetUtcNow().UtcDateTime,
            });
        if (_listening) return;
        _listening = true;
        db.SavedChanges += (_, _) => signal.Notify();
    }

    /// <summary>Users in the roles; administrators when nobody holds them (someone must act).</summary>
    private async Task<List<MailRecipient>> StaffAsync(string[] roles, CancellationToken ct)
    {
        var staff = await CaseMail.StaffOfAgencyAsync(db, null, roles, ct);
        return staff.Count > 0 ? staff : await CaseMail.StaffOfAgencyAsync(db, null, [PortalRoles.Administrator], ct);
    }

    private async Task<List<MailRecipient>> AuthorAsync(Post post, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == post.AuthorId && u.Email != null && u.Email != "")
            .Select(u => new MailRecipient(u.Email!, u.FullName) { UserId = u.Id }).ToListAsync(ct);

    private static string Subject(Post post, PostWorkflowEvent move) => move.Move switch
    {
        PostMove.Return => $"Tin bài được trả lại để sửa: {post.Title}",
        PostMove.Approve => $"Tin bài đã được duyệt: {post.Title}",
        PostMove.Schedule => $"Tin bài được hẹn giờ đăng: {post.Title}",
        PostMove.Publish => $"Tin bài đã được đăng: {post.Title}",
        _ => $"Tin bài {PostWorkflow.StatusText(move.To).ToLowerInvariant()}: {post.Title}",
    };

    private string Body(Post post, PostWorkflowEvent move, MailRecipient to, string signature)
    {
        var text = new StringBuilder();
        text.Append("Kính gửi ").Append(to.Name.Length > 0 ? to.Name : to.Email).AppendLine(",").AppendLine();
        text.Append(move.ActorName).Append(" đã ").Append(PostWorkflow.MoveText(move.Move).ToLowerInvariant())
            .Append(" tin bài “").Append(post.Title).Append("” lúc ").Append(VnFormat.DateTime(move.At)).AppendLine(".");
        text.Append("Trạng thái: ").Append(PostWorkflow.StatusText(move.From)).Append(" → ").AppendLine(PostWorkflow.StatusText(move.To));
        if (move.Move == PostMove.Schedule && post.PublishedAt is { } at) text.Append("Hẹn đăng lúc: ").AppendLine(VnFormat.DateTime(at));
        if (move.Comment.Length > 0) text.AppendLine().AppendLine("Ý kiến:").AppendLine(move.Comment);
        text.AppendLine().Append("Mở tin bài: ").AppendLine(address.Absolute(ManagerPaths.PostEdit(post.Id)));
        text.AppendLine().AppendLine("-- ").AppendLine(signature);
        return text.ToString();
    }
}
