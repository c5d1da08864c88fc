using CchcPortal.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Procedures;

/// <summary>
/// The procedures the home page offers under its search box: the most viewed, topped up with well-known ones, so a
/// fresh install (no views yet) never shows an empty list. Abolished and replaced procedures are left out.
/// </summary>
public sealed class PopularProcedures(PortalDbContext db)
{
    /// <summary>
    /// What citizens ask a commune for most, by code in the national database (all in the seed): birth, marriage and
    /// death registration, the marital status certificate, permanent residence, a household business.
    /// </summary>
    public static readonly IReadOnlyList<string> WellKnownCodes = ["1.001193", "1.000894", "1.000656", "1.004873", "1.004222", "1.001612"];

    public async Task<IReadOnlyList<ProcedureCard>> TopAsync(int count, CancellationToken ct = default)
    {
        var codes = WellKnownCodes.ToList();
        var rows = await db.Procedures.AsNoTracking()
            .Where(p => (p.ViewCount > 0 || codes.Contains(p.Code)) && p.Status != ProcedureStatus.Abolished && p.Status != ProcedureStatus.Replaced)
            .OrderByDescending(p => p.ViewCount).ThenBy(p => p.Code)
            .Take(count + codes.Count)
            .Select(r => new ProcedureCard(r.Id, r.Code, r.Name, r.Slug, r.Field, r.Levels, r.OnlineLevel, r.Status, r.ViewCount))
            .ToListAsync(ct);
        var viewed = rows.Where(r => r.ViewCount > 0);
        var known = rows.Where(r => r.ViewCount == 0).OrderBy(r => codes.IndexOf(r.Code));
        return viewed.Concat(known).Take(count).ToList();
    }
}
