using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>
/// The daily digest: each agency head gets the list of the agency's cases past their answer deadline, each
/// moderator the cases past the moderation deadline. A key per recipient and day (unique in the outbox) makes
/// it safe to run again after a restart or on a second node: nobody gets the same day's digest twice.
/// </summary>
public sealed class OverdueDigest(PortalDbContext db, TimeProvider time, OutboxSignal signal, MailLinks links, SiteSettingsService settings)
{
    public static string HeadKey(DateOnly day, string userId) => $"overdue-digest:{day:yyyy-MM-dd}:{userId}";
    public static string ModeratorKey(DateOnly day, string userId) => $"moderation-digest:{day:yyyy-MM-dd}:{userId}";

    /// <summary>Queues the digests of <paramref name="today"/> (Vietnam date) not queued yet; returns how many. Nothing on days off.</summary>
    public async Task<int> QueueAsync(DateOnly today, CancellationToken ct = default)
    {
        var calendar = await WorkingCalendar.LoadAsync(db, ct);
        if (!calendar.IsWorkingDay(today)) return 0;
        var open = await db.QuestionCases.AsNoTracking()
            .Where(c => c.Status == CaseStatus.Submitted || c.Status == CaseStatus.Assigned || c.Status == CaseStatus.Drafting || c.Status == CaseStatus.AwaitingApproval)
            .ToListAsync(ct);
        var overdue = open.Where(c => c.IsOverdue(today)).ToList();
        if (overdue.Count == 0) return 0;

        var site = await settings.GetAsync(ct);
        var messages = new CaseMessages(links, site.UnitName.Length > 0 ? site.UnitName : site.SiteName);
        var sent = (await db.OutgoingEmails.Where(m => m.DedupKey != null && m.DedupKey.Contains($":{today:yyyy-MM-dd}:")).Select(m => m.DedupKey!).ToListAsync(ct)).ToHashSet();
        OverdueItem Item(QuestionCase c, DateOnly due) => new(c.Id, c.Code, c.Title, c.Status, due, calendar.WorkingDaysBetween(due, today));
        var queued = 0;

        var headAgencies = await db.Users.Where(u => u.AgencyId != null).Select(u => new { u.Id, u.AgencyId }).ToDictionaryAsync(u => u.Id, u => u.AgencyId!.Value, ct);
        var agencyNames = await db.Agencies.ToDictionaryAsync(a => a.Id, a => a.Name, ct);
        foreach (var head in await CaseMail.StaffOfAgencyAsync(db, null, [PortalRoles.AgencyHead], ct))
        {
            if (!headAgencies.TryGetValue(head.UserId, out var agencyId)) continue;
            var items = overdue.Where(c => c.AgencyId == agencyId && c.Status != CaseStatus.Submitted && c.AnswerDue is not null)
                .OrderBy(c => c.AnswerDue).Select(c => Item(c, c.AnswerDue!.Value)).ToList();
            if (items.Count > 0) queued += Add(messages.OverdueDigest(head, agencyNames.GetValueOrDefault(agencyId, ""), today, items), HeadKey(today, head.UserId), sent);
        }

        var atModeration = overdue.Where(c => c.Status == CaseStatus.Submitted).OrderBy(c => c.ModerationDue).Select(c => Item(c, c.ModerationDue)).ToList();
        if (atModeration.Count > 0)
            foreach (var moderator in await CaseMail.StaffOfAgencyAsync(db, null, [PortalRoles.Moderator], ct))
                queued += Add(messages.ModerationDigest(moderator, today, atModeration), ModeratorKey(today, moderator.UserId), sent);

        if (queued == 0) return 0;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another node queued the same digests a moment ago: the unique key kept them single.
            db.ChangeTracker.Clear();
            return 0;
        }
        signal.Notify();
        return queued;
    }

    private int Add(MailDraft draft, string key, HashSet<string> sent)
    {
        if (!sent.Add(key)) return 0;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            To = draft.To, Subject = draft.Subject, BodyText = draft.Body, Purpose = draft.Purpose, DedupKey = key,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        return 1;
    }
}
