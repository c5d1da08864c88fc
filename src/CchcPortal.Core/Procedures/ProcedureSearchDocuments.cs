using CchcPortal.Core.Changes;
using CchcPortal.Core.Common;
using CchcPortal.Core.Data;
using CchcPortal.Core.Search;
using Microsoft.EntityFrameworkCore;

namespace CchcPortal.Core.Procedures;

/// <summary>
/// Every procedure in the catalogue is public (abolished ones keep their page with their status); those no longer
/// in force rank below the ones in force.
/// </summary>
public sealed class ProcedureSearchDocuments(PortalDbContext db) : ISearchDocumentSource
{
    public string Kind => ContentKinds.Procedure;

    public async Task<IReadOnlyList<int>?> IdsForRebuildAsync(CancellationToken ct) =>
        await db.Procedures.AsNoTracking().OrderBy(x => x.Id).Select(x => x.Id).ToListAsync(ct);

    public async Task<IReadOnlyList<SearchDocument>> LoadAsync(IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var q = db.Procedures.AsNoTracking();
        if (ids is not null) q = q.Where(p => EF.Parameter(ids.ToArray()).Contains(p.Id));
        var procedures = await q.Include(p => p.DossierItems).Include(p => p.LegalBases).Include(p => p.Channels)
            .Include(p => p.AgencyLinks).ThenInclude(l => l.Agency).AsSplitQuery().ToListAsync(ct);
        return procedures.Select(p => new SearchDocument
        {
            Key = SearchDocument.KeyOf(Kind, p.Id),
            Kind = Kind,
            Title = p.Name,
            Summary = string.Join(" · ", new[] { p.Field, p.ResultName.Length > 0 ? "Kết quả: " + p.ResultName : "" }.Where(s => s.Length > 0)),
            Body = string.Join(" ", new[]
                {
                    p.Steps, p.Requirements, p.DossierNote, p.CompetentAgency, p.ExecutingAgency, p.ReceivingAddress, p.ResultName,
                    string.Join(" ", p.DossierItems.Select(d => d.Name)), string.Join(" ", p.LegalBases.Select(l => $"{l.Name} {l.Number}")),
                    string.Join(" ", p.Channels.Select(c => c.Fee)), ProcedureText.Status(p.Status),
                }.Where(s => !string.IsNullOrWhiteSpace(s))),
            Url = PublicPaths.Procedure(p.Slug),
            Date = null,
            ProcedureCode = p.Code,
            Fields = p.Field.Length > 0 ? [p.Field] : [],
            Levels = p.LevelList.ToList(),
            Agencies = p.AgencyLinks.Where(l => l.Agency is not null).Select(l => l.Agency!.Name).Distinct().ToList(),
            Weight = p.Status is ProcedureStatus.InForce or ProcedureStatus.Amended ? 1f : 0.4f,
        }).ToList();
    }
}
