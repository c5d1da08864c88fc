using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Procedures;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Subscriptions;

/// <summary>A followed procedure's change since the dispatcher last saw it.</summary>
public sealed record ProcedureChange(Procedure Procedure, string StateKey, string Summary);

/// <summary>The last state the dispatcher saw of each followed procedure, and what changed since.</summary>
public sealed class ProcedureSnapshots(PortalDbContext db, TimeProvider time)
{
    private IQueryable<Procedure> Loaded() =>
        db.Procedures.AsNoTracking().Include(p => p.Channels).Include(p => p.DossierItems).Include(p => p.LegalBases).AsSplitQuery();

    /// <summary>Adds the procedure's current state unless one is kept (the caller saves).</summary>
    public async Task EnsureAsync(int procedureId, CancellationToken ct = default)
    {
        if (await db.Set<ProcedureSnapshot>().AnyAsync(s => s.ProcedureId == procedureId, ct)) return;
        if (db.ChangeTracker.Entries<ProcedureSnapshot>().Any(e => e.Entity.ProcedureId == procedureId)) return;
        if (await Loaded().FirstOrDefaultAsync(p => p.Id == procedureId, ct) is not { } p) return;
        db.Add(new ProcedureSnapshot { ProcedureId = p.Id, FieldHashes = ProcedureFingerprint.Of(p), TakenAt = time.GetUtcNow().UtcDateTime });
    }

    /// <summary>
    /// The procedures of <paramref name="ids"/> whose public fields differ from their snapshot, which is moved to the
    /// new state (the caller saves). A procedure without a snapshot gets one and reports nothing.
    /// </summary>
    public async Task<List<ProcedureChange>> ChangesAsync(IReadOnlyCollection<int> ids, CancellationToken ct = default)
    {
        var procedures = await Loaded().Where(p => ids.Contains(p.Id)).ToListAsync(ct);
        var kept = await db.Set<ProcedureSnapshot>().Where(s => ids.Contains(s.ProcedureId)).ToDictionaryAsync(s => s.ProcedureId, ct);
        var replacementCodes = procedures.Where(p => p.ReplacedByCode.Length > 0).Select(p => p.ReplacedByCode).Distinct().ToList();
        var replacements = await db.Procedures.AsNoTracking().Where(p => replacementCodes.Contains(p.Code)).Select(p => new { p.Code, p.Name }).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var changes = new List<ProcedureChange>();
        foreach (var p in procedures)
        {
            var fingerprint = ProcedureFingerprint.Of(p);
            if (!kept.TryGetValue(p.Id, out var snapshot))
            {
                db.Add(new ProcedureSnapshot { ProcedureId = p.Id, FieldHashes = fingerprint, TakenAt = now });
                continue;
            }
            if (snapshot.FieldHashes == fingerprint) continue;
            var changed = ProcedureFingerprint.ChangedLabels(snapshot.FieldHashes, fingerprint);
            snapshot.FieldHashes = fingerprint;
            snapshot.TakenAt = now;
            var replacement = replacements.FirstOrDefault(r => r.Code == p.ReplacedByCode);
            changes.Add(new ProcedureChange(p, ProcedureFingerprint.StateKey(fingerprint), Describe(p, changed, replacement is null ? null : (replacement.Code, replacement.Name))));
        }
        return changes;
    }

    /// <summary>What the e-mail says: abolished, replaced by …, or the list of changed fields.</summary>
    public static string Describe(Procedure p, IReadOnlyList<string> changedLabels, (string Code, string Name)? replacement)
    {
        var lines = new List<string>();
        switch (p.Status)
        {
            case ProcedureStatus.Abolished:
                lines.Add("Thủ tục này đã bị bãi bỏ" + (p.EffectiveTo is { } to ? $" từ ngày {VnFormat.Date(to)}." : "."));
                break;
            case ProcedureStatus.Replaced:
                lines.Add(replacement is { } r
                    ? $"Thủ tục này được thay thế bởi thủ tục “{r.Name}” (mã {r.Code})."
                    : $"Thủ tục này được thay thế bởi thủ tục mã {(p.ReplacedByCode.Length > 0 ? p.ReplacedByCode : "(chưa rõ)")}.");
                break;
            case ProcedureStatus.Amended:
                lines.Add("Thủ tục này đã được sửa đổi, bổ sung.");
                break;
        }
        var fields = changedLabels.Where(l => l != "Tình trạng hiệu lực").ToList();
        if (fields.Count > 0) lines.Add("Những nội dung đã thay đổi: " + string.Join("; ", fields) + ".");
        if (lines.Count == 0) lines.Add("Tình trạng hiệu lực của thủ tục đã thay đổi.");
        return string.Join("\n", lines);
    }
}
