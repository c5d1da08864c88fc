using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Audit;

/// <summary>
/// Appends to the audit log. The row is inserted at once on the request's connection (inside the caller's
/// transaction, if any) and never through the change tracker, so it neither saves nor depends on the caller's
/// pending changes.
/// </summary>
public sealed class AuditLog(PortalDbContext db, IAuditActor actor, TimeProvider time)
{
    public Task RecordAsync(string action, string target = "", string summary = "", AuditChanges? changes = null, CancellationToken ct = default) =>
        AppendAsync(new AuditEntry
        {
            UserId = actor.UserId,
            UserName = actor.UserName,
            Address = actor.Address,
            Action = action,
            Target = target,
            Summary = summary,
            Changes = changes?.ToJson() ?? "",
        }, ct);

    /// <summary>For events whose account is not the signed-in one (a sign-in attempt names the account it tried).</summary>
    public Task RecordForAsync(string? userId, string userName, string action, string target = "", string summary = "", CancellationToken ct = default) =>
        AppendAsync(new AuditEntry
        {
            UserId = userId,
            UserName = userName,
            Address = actor.Address,
            Action = action,
            Target = target,
            Summary = summary,
        }, ct);

    private async Task AppendAsync(AuditEntry e, CancellationToken ct)
    {
        var at = time.GetUtcNow().UtcDateTime;
        var userName = Cut(e.UserName, 256);
        var address = Cut(e.Address, 64);
        var target = Cut(e.Target, 200);
        var summary = Cut(e.Summary, 1000);
        await db.Database.ExecuteSqlAsync(
            // Quoted names: PostgreSQL folds unquoted ones to lower case; SQLite reads both.
            $"""INSERT INTO "AuditEntries" ("At", "UserId", "UserName", "Address", "Action", "Target", "Summary", "Changes") VALUES ({at}, {e.UserId}, {userName}, {address}, {e.Action}, {target}, {summary}, {e.Changes})""", ct);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..max];
}
