using CchcPortal.Core.Data;
using CchcPortal.Core.Identity;
using CchcPortal.Core.Notifications;
using CchcPortal.Core.Settings;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Questions;

/// <summary>
/// The outbox writer of the question workflow: adds the e-mails a move causes to the context, so they are saved by
/// the same SaveChanges as the move itself (both or neither), and wakes the sender once that commit happened.
/// </summary>
public sealed class CaseMail(PortalDbContext db, TimeProvider time, OutboxSignal signal, MailLinks links, SiteSettingsService settings)
{
    private CaseMessages? _messages;
    private bool _listening;

    /// <summary>The confirmation with code and secret, when the citizen gave an e-mail address.</summary>
    public async Task QueueSubmittedAsync(QuestionCase c, string secret, CancellationToken ct = default) =>
        Add((await MessagesAsync(ct)).Submitted(c, secret));

    /// <summary>What a move tells the citizen and the agency's staff. Call after the case has its new status and data.</summary>
    public async Task QueueMoveAsync(QuestionCase c, CaseAction action, string note, CancellationToken ct = default)
    {
        var messages = await MessagesAsync(ct);
        Add(messages.ToCitizen(c, action, note));
        if (action == CaseAction.Approve && c.IsPublished)
            foreach (var duplicate in await db.QuestionCases.AsNoTracking().Where(d => d.DuplicateOfCode == c.Code && d.SubmitterEmail != "").ToListAsync(ct))
                Add(messages.DuplicateAnswered(duplicate, c));

        string[] roles = action switch
        {
            CaseAction.Assign or CaseAction.Reassign => [PortalRoles.AgencyResponder, PortalRoles.AgencyHead],
            CaseAction.SubmitForApproval => [PortalRoles.AgencyHead],
            CaseAction.ReturnToDrafting or CaseAction.ProvideInformation => [PortalRoles.AgencyResponder],
            // An agency chosen on the form but never assigned has nothing to stop.
            CaseAction.Withdraw when c.AssignedAt is not null => [PortalRoles.AgencyResponder, PortalRoles.AgencyHead],
            _ => [],
        };
        if (roles.Length == 0 || c.AgencyId is not { } agencyId) return;
        var agencyName = await db.Agencies.Where(a => a.Id == agencyId).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        foreach (var to in await StaffOfAgencyAsync(db, agencyId, roles, ct))
            Add(messages.ToStaff(c, action, agencyName, to, note));
    }

    /// <summary>Users of the agency in any of the roles, with an e-mail address.</summary>
    internal static async Task<List<MailRecipient>> StaffOfAgencyAsync(PortalDbContext db, int? agencyId, string[] roles, CancellationToken ct)
    {
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var users = db.Users.Where(u => u.Email != null && u.Email != "" && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        if (agencyId is { } id) users = users.Where(u => u.AgencyId == id);
        return (await users.OrderBy(u => u.Email).Select(u => new { u.Id, u.Email, u.FullName }).ToListAsync(ct))
            .Select(u => new MailRecipient(u.Email!, u.FullName) { UserId = u.Id }).ToList();
    }

    private async Task<CaseMessages> MessagesAsync(CancellationToken ct)
    {
        if (_messages is null)
        {
            var site = await settings.GetAsync(ct);
            _messages = new CaseMessages(links, site.UnitName.Length > 0 ? site.UnitName : site.SiteName);
        }
        return _messages;
    }

    private void Add(MailDraft? draft)
    {
        if (draft is null || draft.To.Length == 0) return;
        db.OutgoingEmails.Add(new OutgoingEmail
        {
            To = draft.To, Subject = draft.Subject, BodyText = draft.Body, Purpose = draft.Purpose,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        });
        if (_listening) return;
        _listening = true;
        db.SavedChanges += (_, _) => signal.Notify();
    }
}
